import { LoginPage } from './features/auth/LoginPage.tsx';
import { SessionProvider, useSession } from './features/auth/SessionProvider.tsx';
import { UserMenu } from './features/auth/UserMenu.tsx';
import { I18nProvider, useT } from './i18n/i18n.tsx';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { Routes } from './router/router.tsx';
import { routes } from './routes.tsx';
import { Layout } from './ui/Layout.tsx';
import { Nav } from './ui/Nav.tsx';
import { Loading } from './ui/Notice.tsx';

function Shell() {
  const t = useT();
  const { user } = useSession();
  if (user === undefined) return <Loading label={t('ui.loading')} />;
  if (user === null) return <LoginPage />;
  const nav = [
    { to: '/', label: t('nav.home') },
    { to: '/inventions', label: t('nav.inventions') },
    { to: '/families', label: t('nav.families') },
    // The publication corpus is public data: every role but partner browses it.
    ...(user.role === 'partner' ? [] : [{ to: '/publications', label: t('nav.publications') }]),
    { to: '/deadlines', label: t('nav.deadlines') },
    { to: '/calendar', label: t('nav.calendar') },
    { to: '/forecast', label: t('nav.forecast') },
    { to: '/agreements', label: t('nav.agreements') },
    { to: '/startups', label: t('nav.startups') },
    { to: '/organisations', label: t('nav.organisations') },
    { to: '/people', label: t('nav.people') },
  ];
  return (
    <Layout
      appName="Valo"
      skipLabel={t('nav.skip')}
      nav={<Nav label={t('nav.label')} items={nav} />}
      tools={
        <>
          <LanguageSwitch />
          <UserMenu />
        </>
      }
    >
      <Routes
        routes={routes}
        fallback={
          <section aria-labelledby="page-title">
            <h1 id="page-title">{t('error.pageNotFound')}</h1>
          </section>
        }
      />
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
