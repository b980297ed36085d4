import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import type { Task } from '#core/docket/docket-task';
import type { FamilyPublications } from '#core/publication-corpus';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { type Directory, createDirectory } from '../asset/asset.fixtures.ts';
import { createFamily, importFiles, lensCsv, saveFamily, tableContents } from './publication.fixtures.ts';
import { DOCDB, FIXTURES, OPS_PATENT_CLIENT, OPS_PATENT_DEV } from './readers/reader.fixtures.ts';

let t: TestContext;
let admin: Client;
let directory: Directory;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  directory = await createDirectory(admin);
});
afterAll(() => t.close());

const sample = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');

async function linksOf(familyId: string) {
  return (await admin.get<FamilyPublications>(`/api/families/${familyId}/publications`)).body.items.map((publication) => ({
    publication: `${publication.country}${publication.number} ${publication.kind ?? ''}`.trim(),
    ...publication.links.map(({ applicationId, matchedBy, isConfirmed }) => ({ applicationId, matchedBy, isConfirmed }))[0],
  }));
}

describe('matching publications to the portfolio', () => {
  let family: Asset;

  beforeAll(async () => {
    family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      applications: [
        { office: 'FR', applicationNumber: 'FR1851234', filingDate: '2017-03-01' },
        { office: 'WO', applicationNumber: 'PCT/FR2018/051234', filingDate: '2018-03-01', route: 'pct' },
        { office: 'US', applicationNumber: '16/123,456', filingDate: '2018-09-12', route: 'pct_national_phase' },
        { office: 'EP', applicationNumber: '18712345.6', filingDate: '2018-03-01', route: 'euro_pct' },
      ],
    });
  });

  const applicationId = (office: string) => family.applications.find((application) => application.office === office)!.id;

  it('by application number, whichever form the source writes it in', async () => {
    const run = await importFiles(t, {
      'lens.csv': lensCsv([
        { country: 'FR', kind: 'A1', number: '3064001', date: '2018-09-28', applicationNumber: 'FR 1851234', filingDate: '2017-03-01' },
        { country: 'WO', kind: 'A1', number: '2018/160001', date: '2018-09-07', applicationNumber: 'PCT/FR2018/051234', filingDate: '2018-03-01' },
        { country: 'US', kind: 'A1', number: '2019/0123456', date: '2019-04-25', applicationNumber: 'US 201816123456 A', filingDate: '2018-09-12' },
        { country: 'EP', kind: 'A1', number: '3590001', date: '2020-01-08', applicationNumber: 'EP20180712345', filingDate: '2018-03-01' },
        { country: 'DE', kind: 'A1', number: '102018000001', date: '2019-07-04', applicationNumber: 'DE 102018000001', filingDate: '2018-01-02' },
      ]),
    });
    expect(run).toMatchObject({ read: 5, inserted: 5, linked: 4 });
    expect(await linksOf(family.id)).toEqual([
      { publication: 'WO2018160001 A1', applicationId: applicationId('WO'), matchedBy: 'application_number', isConfirmed: true },
      { publication: 'FR3064001 A1', applicationId: applicationId('FR'), matchedBy: 'application_number', isConfirmed: true },
      { publication: 'US20190123456 A1', applicationId: applicationId('US'), matchedBy: 'application_number', isConfirmed: true },
      { publication: 'EP3590001 A1', applicationId: applicationId('EP'), matchedBy: 'application_number', isConfirmed: true },
    ]);
  });

  it('by priority: a publication claiming a portfolio application belongs to its family', async () => {
    const run = await importFiles(t, {
      'jp.csv': lensCsv([{ country: 'JP', kind: 'A', number: '2020500001', date: '2020-01-09', applicationNumber: 'JP 2019500001', priority: 'FR 1851234' }]),
    });
    expect(run.linked).toBe(1);
    expect(await linksOf(family.id)).toContainEqual({ publication: 'JP2020500001 A', applicationId: null, matchedBy: 'priority', isConfirmed: false });
  });

  it('by DOCDB family id, for a publication that names nothing else the portfolio knows', async () => {
    const byFamily = await createFamily(admin, {
      schoolId: directory.schoolB.id,
      ownerId: directory.institution.id,
      familyId: '22248526',
      applications: [{ office: 'FR', applicationNumber: 'FR9912345', filingDate: '1999-06-02' }],
    });
    const run = await importFiles(t, { 'docdb/YU-6701.xml': sample(`${DOCDB}YU-6701-A_381353354.xml`) });
    expect(run.linked).toBe(1);
    expect(await linksOf(byFamily.id)).toEqual([{ publication: 'YU6701 A', applicationId: null, matchedBy: 'family_id', isConfirmed: false }]);
  });

  it('links nothing that names no portfolio application, priority or family', async () => {
    const run = await importFiles(t, { 'docdb/DE.xml': sample(`${DOCDB}DE-backfile.xml`) });
    expect(run).toMatchObject({ read: 10, linked: 0 });
  });

  it('updates the application: published, with the publication added to those it lists', async () => {
    const read = await admin.get<Asset>(`/api/families/${family.id}`);
    const fr = read.body.applications.find((application) => application.office === 'FR')!;
    expect(fr.status).toBe('published');
    expect(fr.publications).toEqual([{ number: 'FR3064001', kind: 'A1', date: '2018-09-28' }]);
    expect(fr.statusHistory.at(-1)).toEqual({ status: 'published', date: '2018-09-28', note: 'FR3064001 A1 published' });
  });
});

describe('a granted EP patent from the EPO Register and INPADOC', () => {
  let family: Asset;
  const files = {
    'register/biblio.xml': sample(`${OPS_PATENT_DEV}demo/examples/get_register_biblio/response.xml`),
    'register/steps.xml': sample(`${OPS_PATENT_DEV}demo/examples/get_register_procedural_steps/response.xml`),
    'inpadoc/legal.xml': sample(`${OPS_PATENT_DEV}testdata/legal.xml`),
  };

  const epTasks = async () =>
    (await admin.get<Page<Task>>(`/api/tasks?assetId=${family.id}&kind=renewal&limit=100`)).body.items.filter((task) => task.office === 'EP');

  beforeAll(async () => {
    family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      title: 'Bluetooth networking',
      applications: [{ office: 'EP', applicationNumber: 'EP10167109', filingDate: '2010-06-24', route: 'ep_direct' }],
    });
  });

  it('has EP renewal deadlines for every year to 20 before the grant is known', async () => {
    expect((await epTasks()).map((task) => task.year)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('takes the grant: status and history, publications, the events the docket reads, renewals stopping at the grant', async () => {
    const run = await importFiles(t, files);
    expect(run.failed).toBe(0);
    expect(run.portfolio).toMatchObject({ families: 1, statusChanges: 2, publicationsAdded: 2, eventsRecorded: 2, renewalsPaid: 8 });
    const ep = (await admin.get<Asset>(`/api/families/${family.id}`)).body.applications[0]!;
    expect(ep).toMatchObject({ status: 'granted', grantNumber: 'EP2400812', grantDate: '2019-11-27' });
    expect(ep.publications).toEqual([
      { number: 'EP2400812', kind: 'A1', date: '2011-12-28' },
      { number: 'EP2400812', kind: 'B1', date: '2019-11-27' },
    ]);
    expect(ep.statusHistory.slice(0, 3)).toEqual([
      { status: 'filed', date: '2010-06-24', note: null },
      { status: 'published', date: '2011-12-28', note: 'EP2400812 A1 published' },
      { status: 'granted', date: '2019-11-27', note: 'EP2400812 B1 published' },
    ]);
    // Lapses in designated states are noted, the patent stays granted.
    expect(ep.statusHistory).toContainEqual({ status: 'granted', date: '2020-05-01', note: 'lapsed in BG, ES, GR, LT, LV, NL, NO (INPADOC PG25)' });

    const events = (await admin.get<{ type: string; date: string }[]>(`/api/applications/${ep.id}/events`)).body;
    expect(events.map(({ type, date }) => ({ type, date }))).toEqual([
      { type: 'search-report-published', date: '2011-12-28' },
      { type: 'grant-published', date: '2019-11-27' },
    ]);

    // EPC R.51: EP renewal fees stop with the year the mention of grant is published (year 10 here).
    const renewals = await epTasks();
    expect(renewals.map((task) => [task.year, task.status, task.resolvedOn])).toEqual([
      [3, 'done', '2012-06-20'],
      [4, 'done', '2013-06-12'],
      [5, 'done', '2014-03-31'],
      [6, 'done', '2015-06-12'],
      [7, 'done', '2016-06-20'],
      [8, 'done', '2017-06-29'],
      [9, 'done', '2018-06-20'],
      [10, 'done', '2019-06-24'],
    ]);
    expect(renewals[0]?.reason).toBe('paid on 2012-06-20 (EP Register RFEE)');
    // The grant brings its own deadlines: opposition, validation.
    const all = (await admin.get<Page<Task>>(`/api/tasks?assetId=${family.id}&limit=100`)).body.items;
    expect(all.some((task) => task.kind === 'opposition-end' && task.due === '2020-08-27')).toBe(true);
  });

  it('closes the opposition period the EP Register says ended without an opposition', async () => {
    const opposition = async () =>
      (await admin.get<Page<Task>>(`/api/tasks?assetId=${family.id}&kind=opposition-end&limit=100`)).body.items.map((task) => [task.due, task.status, task.resolvedOn]);
    expect(await opposition()).toEqual([['2020-08-27', 'open', null]]);
    const run = await importFiles(t, { 'register/events.xml': sample(`${OPS_PATENT_DEV}demo/examples/get_register_events/response.xml`) });
    expect(run.failed).toBe(0);
    // Not a fee: the renewals count stays.
    expect(run.portfolio.renewalsPaid).toBe(0);
    expect(await opposition()).toEqual([['2020-08-27', 'done', '2020-10-02']]);
    const [task] = (await admin.get<Page<Task>>(`/api/tasks?assetId=${family.id}&kind=opposition-end`)).body.items;
    expect(task?.reason).toBe('no opposition filed within the time limit, recorded on 2020-10-02 (EP Register 0009261)');
  });

  it('links the Register records that name only the publication number', async () => {
    const links = await linksOf(family.id);
    expect(links).toContainEqual({ publication: 'EP2400812', applicationId: family.applications[0]!.id, matchedBy: 'publication_number', isConfirmed: true });
  });

  it('changes nothing in the corpus or the portfolio when the same files are imported again', async () => {
    const before = await tableContents(t);
    const again = await importFiles(t, files);
    expect(again).toMatchObject({ inserted: 0, updated: 0, linked: 0 });
    expect(again.portfolio).toEqual({ families: 0, statusChanges: 0, publicationsAdded: 0, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 });
    expect(await tableContents(t)).toEqual(before);
  });
});

describe("a US patent's maintenance fees from INPADOC", () => {
  // The recorded legal events of US10465445 (granted 2019-11-05), with one MAFP event added after its
  // FEPP ones, in their form: the 4th-year fee paid on 2023-04-20 (USPTO event code M1551).
  const mafp = `<ops:legal code="MAFP" desc="MAINTENANCE FEE PAYMENT" infl=" " dateMigr="00010101">
                <ops:L001EP desc="Country Code">US</ops:L001EP>
                <ops:L002EP desc="Filing / Published Document">F</ops:L002EP>
                <ops:L003EP desc="Document Number">201815919370</ops:L003EP>
                <ops:L004EP desc="Kind Code">A</ops:L004EP>
                <ops:L007EP desc="Gazette DATE">2023-04-20</ops:L007EP>
                <ops:L008EP desc="Legal Event Code 1">MAFP</ops:L008EP>
                <ops:L500EP>
                    <ops:L510EP desc="Free Format Text">PAYMENT OF MAINTENANCE FEE, 4TH YEAR, LARGE ENTITY (ORIGINAL EVENT CODE: M1551); ENTITY STATUS OF PATENT OWNER: LARGE ENTITY</ops:L510EP>
                </ops:L500EP>
            </ops:legal>
            <ops:legal code="PGR "`;
  const legal = sample(`${OPS_PATENT_CLIENT}legal/fixtures/example_3.xml`).replace('<ops:legal code="PGR "', mafp);

  it('marks the 3.5-year maintenance fee paid, and leaves the 7.5 and 11.5-year fees open', async () => {
    expect(legal).toContain('M1551');
    const family = await createFamily(admin, {
      schoolId: directory.schoolA.id,
      ownerId: directory.institution.id,
      title: 'Downhole tool',
      applications: [{ office: 'US', applicationNumber: '15/919,370', filingDate: '2018-03-13' }],
    });
    await saveFamily(admin, family.id, () => [
      { office: 'US', applicationNumber: '15/919,370', filingDate: '2018-03-13', status: 'granted', grantNumber: 'US10465445', grantDate: '2019-11-05' },
    ]);
    const run = await importFiles(t, { 'inpadoc/us-legal.xml': legal });
    expect(run.failed).toBe(0);
    expect(run.portfolio.renewalsPaid).toBe(1);
    const fees = (await admin.get<Page<Task>>(`/api/tasks?assetId=${family.id}&kind=maintenance-fee&limit=100`)).body.items;
    expect(fees.map((task) => [task.year, task.status, task.resolvedOn])).toEqual([
      [3.5, 'done', '2023-04-20'],
      [7.5, 'open', null],
      [11.5, 'open', null],
    ]);
    expect(fees[0]?.reason).toBe('paid on 2023-04-20 (INPADOC MAFP)');
  });
});
