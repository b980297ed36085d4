import type { Agreement } from '#core/agreement';
import type { Asset } from '#core/asset';
import type { Invention } from '#core/invention';
import type { Organisation } from '#core/organisation';
import type { Publication } from '#core/publication-corpus';
import type { Person } from '#core/person';
import type { Startup } from '#core/startup';
import type { ReactNode } from 'react';
import { RecordLoader } from './api/RecordLoader.tsx';
import { AgreementDetailPage } from './features/agreement/AgreementDetailPage.tsx';
import { AgreementForm } from './features/agreement/AgreementForm.tsx';
import { AgreementListPage } from './features/agreement/AgreementListPage.tsx';
import { CalendarPage } from './features/docket/CalendarPage.tsx';
import { DeadlinesPage } from './features/docket/DeadlinesPage.tsx';
import { FamilyDetailPage } from './features/family/FamilyDetailPage.tsx';
import { FamilyForm } from './features/family/FamilyForm.tsx';
import { FamilyListPage } from './features/family/FamilyListPage.tsx';
import { ForecastPage } from './features/forecast/ForecastPage.tsx';
import { ImportPage } from './features/publication/ImportPage.tsx';
import { PublicationDetailPage } from './features/publication/PublicationDetailPage.tsx';
import { PublicationListPage } from './features/publication/PublicationListPage.tsx';
import { ReviewPage } from './features/publication/ReviewPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { InventionDetailPage } from './features/invention/InventionDetailPage.tsx';
import { InventionForm } from './features/invention/InventionForm.tsx';
import { InventionListPage } from './features/invention/InventionListPage.tsx';
import { OrganisationDetailPage } from './features/organisation/OrganisationDetailPage.tsx';
import { OrganisationForm } from './features/organisation/OrganisationForm.tsx';
import { OrganisationListPage } from './features/organisation/OrganisationListPage.tsx';
import { PersonDetailPage } from './features/person/PersonDetailPage.tsx';
import { PersonForm } from './features/person/PersonForm.tsx';
import { PersonListPage } from './features/person/PersonListPage.tsx';
import { StartupDetailPage } from './features/startup/StartupDetailPage.tsx';
import { StartupForm } from './features/startup/StartupForm.tsx';
import { StartupListPage } from './features/startup/StartupListPage.tsx';
import type { Route } from './router/router.tsx';

/** The four pages of one kind of record: list, new, detail, edit (the record loaded once, by id). */
function recordRoutes<T>(base: string, pages: { list: () => ReactNode; form: (record: T | null) => ReactNode; detail: (record: T, reload: () => void) => ReactNode }): Route[] {
  // The key remounts a page when the id changes, so no state leaks from one record to the next.
  return [
    { path: base, render: pages.list },
    { path: `${base}/new`, render: () => pages.form(null) },
    { path: `${base}/:id`, render: ({ id }) => <RecordLoader<T> key={id} path={`/api${base}/${id}`}>{(record, reload) => pages.detail(record, reload)}</RecordLoader> },
    { path: `${base}/:id/edit`, render: ({ id }) => <RecordLoader<T> key={`${id}-edit`} path={`/api${base}/${id}`}>{(record) => pages.form(record)}</RecordLoader> },
  ];
}

export const routes: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/deadlines', render: () => <DeadlinesPage /> },
  { path: '/calendar', render: () => <CalendarPage /> },
  { path: '/forecast', render: () => <ForecastPage /> },
  { path: '/publications', render: () => <PublicationListPage /> },
  { path: '/publications/import', render: () => <ImportPage /> },
  { path: '/publications/review', render: () => <ReviewPage /> },
  { path: '/publications/:id', render: ({ id }) => <RecordLoader<Publication> key={id} path={`/api/publications/${id}`}>{(publication) => <PublicationDetailPage publication={publication} />}</RecordLoader> },
  ...recordRoutes<Organisation>('/organisations', { list: () => <OrganisationListPage />, form: (o) => <OrganisationForm organisation={o} />, detail: (o) => <OrganisationDetailPage organisation={o} /> }),
  ...recordRoutes<Person>('/people', { list: () => <PersonListPage />, form: (p) => <PersonForm person={p} />, detail: (p) => <PersonDetailPage person={p} /> }),
  ...recordRoutes<Invention>('/inventions', { list: () => <InventionListPage />, form: (i) => <InventionForm invention={i} />, detail: (i) => <InventionDetailPage invention={i} /> }),
  ...recordRoutes<Asset>('/families', { list: () => <FamilyListPage />, form: (f) => <FamilyForm family={f} />, detail: (f, reload) => <FamilyDetailPage family={f} onChanged={reload} /> }),
  ...recordRoutes<Agreement>('/agreements', { list: () => <AgreementListPage />, form: (a) => <AgreementForm agreement={a} />, detail: (a) => <AgreementDetailPage agreement={a} /> }),
  ...recordRoutes<Startup>('/startups', { list: () => <StartupListPage />, form: (s) => <StartupForm startup={s} />, detail: (s) => <StartupDetailPage startup={s} /> }),
];
