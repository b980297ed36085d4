/**
 * Test fixtures for the publication corpus: files given as text, families created through the API,
 * and the tables' contents, to show that an import changed nothing.
 */
import { asc, sql } from 'drizzle-orm';
import type { Asset } from '#core/asset';
import type { ImportRun } from '#core/publication-corpus';
import { type Actor, systemActor } from '../../platform/actor.ts';
import {
  applicationEvents,
  applications,
  assets,
  deadlineTasks,
  patentPublications,
  prosecutionEvents,
  publicationLinks,
  publications,
} from '../../platform/schema.ts';
import type { Client, TestContext } from '../../test/api.ts';
import type { ImportSource } from './publication-import.ts';

/** Files given as text, each a source named after its key. */
export async function* textSources(files: Record<string, string>): AsyncGenerator<ImportSource> {
  for (const [name, text] of Object.entries(files)) {
    yield {
      name,
      open: async function* () {
        yield text;
      },
    };
  }
}

export function importFiles(t: TestContext, files: Record<string, string>, actor: Actor = systemActor): Promise<ImportRun> {
  return t.services.publications.imports.run(actor, textSources(files));
}

export const LENS_HEADER =
  'Jurisdiction,Kind,Display Key,Lens ID,Publication Date,Application Number,Application Date,Priority Numbers,Earliest Priority Date,Title,Applicants\r\n';

/** A Lens export of these rows (hand-made: the cells a Lens export has, see readers/lens-csv.ts). */
export function lensCsv(
  rows: {
    country: string;
    kind: string;
    number: string;
    date: string;
    applicationNumber?: string;
    filingDate?: string;
    priority?: string;
    title?: string;
    applicants?: string[];
  }[],
): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return (
    LENS_HEADER +
    rows
      .map((row, index) =>
        [
          row.country,
          row.kind,
          quote(`${row.country} ${row.number} ${row.kind}`),
          `000-000-000-000-${String(index).padStart(3, '0')}`,
          row.date,
          quote(row.applicationNumber ?? ''),
          row.filingDate ?? '',
          quote(row.priority ?? ''),
          '',
          quote(row.title ?? 'Capteur'),
          quote((row.applicants ?? ['Someone Else Inc']).join(';;')),
        ].join(','),
      )
      .join('\r\n') +
    '\r\n'
  );
}

/** Creates a patent family through the API and answers it. */
export async function createFamily(
  client: Client,
  values: {
    schoolId: string;
    ownerId: string;
    title?: string;
    familyId?: string | null;
    applications: { office: string; applicationNumber: string; filingDate: string; route?: string; priorities?: { country: string; number: string; date: string }[] }[];
  },
): Promise<Asset> {
  const answer = await client.post<Asset>('/api/families', {
    title: values.title ?? 'Capteur',
    schoolId: values.schoolId,
    familyId: values.familyId ?? null,
    owners: [{ organisationId: values.ownerId, share: 100 }],
    applications: values.applications,
  });
  if (answer.status !== 201) throw new Error(`fixture family: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

type Application = Asset['applications'][number];

/** An application as the API takes it back: what a family's page would send unchanged. */
export function applicationInputOf(application: Application) {
  const { office, applicationNumber, filingDate, route, status, grantNumber, grantDate, priorities, publications } = application;
  return { office, applicationNumber, filingDate, route, status, grantNumber, grantDate, priorities, publications };
}

/**
 * Saves a family through the API (PUT) as it is now, or with the applications `applications` makes of
 * its current ones; answers the saved family, and throws with the API's answer when it refuses.
 */
export async function saveFamily(client: Client, familyId: string, applications: (current: Application[]) => unknown[] = (current) => current.map(applicationInputOf)): Promise<Asset> {
  const { body } = await client.get<Asset>(`/api/families/${familyId}`);
  const saved = await client.put<Asset>(`/api/families/${familyId}`, {
    kind: 'patent_family',
    title: body.title,
    schoolId: body.schoolId,
    owners: body.owners.map(({ organisationId, share }) => ({ organisationId, share })),
    applications: applications(body.applications),
  });
  if (saved.status !== 200) throw new Error(`fixture save: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

/** Every row of the corpus and of the portfolio tables an import may change, in a fixed order. */
export async function tableContents(t: TestContext) {
  const { db } = t.services.database;
  return {
    publications: await db.select().from(patentPublications).orderBy(asc(patentPublications.country), asc(patentPublications.number), asc(patentPublications.kind)),
    links: await db.select().from(publicationLinks).orderBy(asc(publicationLinks.publicationId), asc(publicationLinks.assetId)),
    assets: await db.select().from(assets).orderBy(asc(assets.id)),
    applications: await db.select().from(applications).orderBy(asc(applications.id)),
    applicationEvents: await db.select().from(applicationEvents).orderBy(asc(applicationEvents.applicationId), asc(applicationEvents.seq)),
    assetPublications: await db.select().from(publications).orderBy(asc(publications.applicationId), asc(publications.number), asc(publications.kind)),
    prosecutionEvents: await db.select().from(prosecutionEvents).orderBy(asc(prosecutionEvents.id)),
    tasks: await db.select().from(deadlineTasks).orderBy(asc(deadlineTasks.id)),
    // Row versions: an UPDATE that writes the same values still makes a new one.
    versions: ((await db.execute(sql`select id, xmin::text as version from ${patentPublications} order by id`)) as unknown as { rows: unknown[] }).rows,
  };
}
