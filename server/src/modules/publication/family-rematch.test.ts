import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import type { FamilyPublications, ReviewItem } from '#core/publication-corpus';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { type Directory, createDirectory } from '../asset/asset.fixtures.ts';
import { applicationInputOf, createFamily, importFiles, lensCsv, saveFamily, tableContents } from './publication.fixtures.ts';

/*
 * Publications imported before their family existed: creating the family, or adding an application to
 * it, links them at once and brings the applications up to date, as an import would have.
 */

let t: TestContext;
let admin: Client;
let directory: Directory;
let school: Organisation;

const INSTITUTION = 'Institut Test';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  directory = await createDirectory(admin);
  school = directory.schoolA;
  await importFiles(t, {
    'lens.csv': lensCsv([
      { country: 'FR', kind: 'A1', number: '3100011', date: '2021-03-05', applicationNumber: 'FR 1912311', filingDate: '2019-09-02', applicants: [INSTITUTION], title: 'Capteur' },
      { country: 'WO', kind: 'A1', number: '2021/044011', date: '2021-03-11', applicationNumber: 'PCT/FR2020/051911', filingDate: '2020-09-01', priority: 'FR 1912311', applicants: [INSTITUTION] },
      { country: 'EP', kind: 'A1', number: '3990011', date: '2022-07-06', applicationNumber: 'EP 20771911', filingDate: '2020-09-01', priority: 'FR 1912311', applicants: [INSTITUTION] },
      { country: 'FR', kind: 'A1', number: '3100012', date: '2021-04-02', applicationNumber: 'FR 1912312', filingDate: '2019-10-01', applicants: [INSTITUTION] },
    ]),
  });
});
afterAll(() => t.close());

const publicationsOf = async (family: Asset) =>
  (await admin.get<FamilyPublications>(`/api/families/${family.id}/publications`)).body.items.map((publication) => ({
    number: `${publication.country}${publication.number}${publication.kind ?? ''}`,
    link: publication.links.find((link) => link.assetId === family.id),
  }));

const reviewNumbers = async () =>
  (await admin.get<Page<ReviewItem>>('/api/publications/review?limit=100')).body.items.map((item) => `${item.country}${item.number}`);

describe('a family created after its publications were imported', () => {
  let family: Asset;
  beforeAll(async () => {
    expect(await reviewNumbers()).toEqual(expect.arrayContaining(['FR3100011', 'WO2021044011', 'EP3990011']));
    family = await createFamily(admin, {
      schoolId: school.id,
      ownerId: directory.institution.id,
      applications: [{ office: 'FR', applicationNumber: 'FR1912311', filingDate: '2019-09-02' }],
    });
  });

  it('takes its publication by application number, and the members that claim its priority', async () => {
    const linked = await publicationsOf(family);
    expect(linked.map(({ number, link }) => [number, link?.matchedBy, link?.isConfirmed])).toEqual(
      expect.arrayContaining([
        ['FR3100011A1', 'application_number', true],
        ['WO2021044011A1', 'priority', false],
        ['EP3990011A1', 'priority', false],
      ]),
    );
    expect(linked).toHaveLength(3);
  });

  it('brings the application up to date in the same save: published, with its publication', async () => {
    const { body } = await admin.get<Asset>(`/api/families/${family.id}`);
    expect(body.applications[0]).toMatchObject({ status: 'published', publications: [{ number: 'FR3100011', kind: 'A1', date: '2021-03-05' }] });
  });

  it('takes them off the review list', async () => {
    const review = await reviewNumbers();
    expect(review).not.toContain('FR3100011');
    expect(review).toContain('FR3100012');
  });

  it('changes nothing when the family is saved again', async () => {
    const before = await tableContents(t);
    await saveFamily(admin, family.id);
    const after = await tableContents(t);
    expect({ ...after, assets: [] }).toEqual({ ...before, assets: [] });
  });
});

describe('an application added to a family', () => {
  it('links the publication of the new application by its number, confirmed', async () => {
    const family = await createFamily(admin, {
      schoolId: school.id,
      ownerId: directory.institution.id,
      title: 'Autre',
      applications: [{ office: 'FR', applicationNumber: 'FR2000001', filingDate: '2020-01-02' }],
    });
    expect(await publicationsOf(family)).toEqual([]);
    const saved = await saveFamily(admin, family.id, (current) => [...current.map(applicationInputOf), { office: 'FR', applicationNumber: 'FR 1912312', filingDate: '2019-10-01' }]);
    expect((await publicationsOf(family)).map(({ number, link }) => [number, link?.matchedBy, link?.isConfirmed])).toEqual([['FR3100012A1', 'application_number', true]]);
    expect(saved.applications.find((application) => application.applicationNumber === 'FR1912312')?.status).toBe('published');
  });
});
