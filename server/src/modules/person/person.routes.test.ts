import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '#core/common';
import type { Organisation } from '#core/organisation';
import type { Person } from '#core/person';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';

interface ErrorAnswer {
  error: { kind: string; issues: { path: string; message: string }[] };
}

const UNKNOWN_ID = '7d1e5f0e-0000-4000-8000-000000000000';

let t: TestContext;
let admin: Client;
let institution: Organisation;
let schoolA: Organisation;
let schoolB: Organisation;
let lab: Organisation;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signIn('admin');
  const organisation = async (body: object) => (await admin.post<Organisation>('/api/organisations', body)).body;
  institution = await organisation({ kind: 'institution', name: 'Institut Test' });
  schoolA = await organisation({ kind: 'school', name: 'École A', parentId: institution.id });
  schoolB = await organisation({ kind: 'school', name: 'École B', parentId: institution.id });
  lab = await organisation({ kind: 'research_unit', name: 'Lab of Sensors', parentId: schoolA.id });
});
afterAll(() => t.close());

const person = (firstName: string, lastName: string, extra: object = {}) => ({
  firstName,
  lastName,
  employmentStatus: 'public_employee',
  ...extra,
});

describe('people', () => {
  it('creates a person with affiliations and shows each with its organisation name', async () => {
    const created = await admin.post<Person>(
      '/api/people',
      person('Marie', 'Curie', {
        email: 'Marie.Curie@Example.org',
        orcid: '0000-0002-1825-0097',
        affiliations: [
          { organisationId: lab.id, title: 'Researcher', startDate: '2020-09-01' },
          { organisationId: schoolA.id, startDate: '2015-01-01', endDate: '2019-12-31' },
        ],
      }),
    );
    expect(created.status).toBe(201);
    const read = await admin.get<Person>(`/api/people/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ firstName: 'Marie', lastName: 'Curie', email: 'marie.curie@example.org', orcid: '0000-0002-1825-0097' });
    expect(read.body.affiliations.map((a) => [a.organisationName, a.title, a.startDate, a.endDate])).toEqual([
      ['École A', null, '2015-01-01', '2019-12-31'],
      ['Lab of Sensors', 'Researcher', '2020-09-01', null],
    ]);
    expect(read.body.createdAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('replaces the affiliations as a whole on PUT', async () => {
    const created = (await admin.post<Person>('/api/people', person('Pierre', 'Replace', {
      affiliations: [{ organisationId: schoolA.id, startDate: '2010-01-01' }],
    }))).body;
    const updated = await admin.put<Person>(`/api/people/${created.id}`, person('Pierre', 'Replace', {
      employmentStatus: 'private_employee',
      affiliations: [{ organisationId: schoolB.id, startDate: '2021-01-01' }],
    }));
    expect(updated.status).toBe(200);
    expect(updated.body.employmentStatus).toBe('private_employee');
    expect(updated.body.affiliations.map((a) => a.organisationName)).toEqual(['École B']);
    const read = await admin.get<Person>(`/api/people/${created.id}`);
    expect(read.body.affiliations.map((a) => a.organisationId)).toEqual([schoolB.id]);
  });

  it('rejects an affiliation with an unknown organisation, naming it, and writes nothing', async () => {
    const answer = await admin.post<ErrorAnswer>('/api/people', person('Ghost', 'Nobody', {
      affiliations: [
        { organisationId: schoolA.id, startDate: '2020-01-01' },
        { organisationId: UNKNOWN_ID, startDate: '2020-01-01' },
      ],
    }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]?.path).toBe('affiliations.1.organisationId');
    const list = await admin.get<Page<Person>>('/api/people?q=Nobody');
    expect(list.body.total).toBe(0);
  });

  it('keeps the old person and affiliations when a PUT fails', async () => {
    const created = (await admin.post<Person>('/api/people', person('Kept', 'Intact', {
      affiliations: [{ organisationId: schoolA.id, startDate: '2010-01-01' }],
    }))).body;
    const answer = await admin.put<ErrorAnswer>(`/api/people/${created.id}`, person('Changed', 'Intact', {
      affiliations: [{ organisationId: UNKNOWN_ID, startDate: '2020-01-01' }],
    }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]?.path).toBe('affiliations.0.organisationId');
    const read = await admin.get<Person>(`/api/people/${created.id}`);
    expect(read.body.firstName).toBe('Kept');
    expect(read.body.affiliations.map((a) => a.organisationId)).toEqual([schoolA.id]);
  });

  it('answers 409 naming email for an e-mail another person has, in any case', async () => {
    const first = await admin.post<Person>('/api/people', person('Ada', 'Lovelace', { email: 'ada@example.org' }));
    expect(first.status).toBe(201);
    const duplicate = await admin.post<ErrorAnswer>('/api/people', person('Ada', 'Byron', { email: 'ADA@example.org' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.issues[0]?.path).toBe('email');
    expect((await admin.get<Page<Person>>('/api/people?q=Byron')).body.total).toBe(0);

    const other = (await admin.post<Person>('/api/people', person('Charles', 'Babbage', { email: 'charles@example.org' }))).body;
    const stolen = await admin.put<ErrorAnswer>(`/api/people/${other.id}`, person('Charles', 'Babbage', { email: 'ada@example.org' }));
    expect(stolen.status).toBe(409);
    expect(stolen.body.error.issues[0]?.path).toBe('email');
    const kept = await admin.put<Person>(`/api/people/${other.id}`, person('Charles', 'Babbage', { email: 'charles@example.org' }));
    expect(kept.status).toBe(200);
  });

  it('answers 409 naming orcid for an ORCID iD another person has', async () => {
    await admin.post('/api/people', person('Orc', 'One', { orcid: '0000-0001-0000-0001' }));
    const answer = await admin.post<ErrorAnswer>('/api/people', person('Orc', 'Two', { orcid: '0000-0001-0000-0001' }));
    expect(answer.status).toBe(409);
    expect(answer.body.error.issues[0]?.path).toBe('orcid');
  });

  it('names each invalid field of the input', async () => {
    const answer = await admin.post<ErrorAnswer>('/api/people', {
      firstName: ' ',
      lastName: 'X',
      employmentStatus: 'consultant',
      orcid: '123',
      affiliations: [{ organisationId: schoolA.id, startDate: '2020-01-01', endDate: '2019-01-01' }],
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['firstName', 'employmentStatus', 'orcid', 'affiliations.0.endDate']));
  });

  it('answers 404 for an unknown id on read, replace and delete', async () => {
    expect((await admin.get(`/api/people/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await admin.put(`/api/people/${UNKNOWN_ID}`, person('No', 'One'))).status).toBe(404);
    expect((await admin.delete(`/api/people/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('deletes a person and their affiliations', async () => {
    const created = (await admin.post<Person>('/api/people', person('Gone', 'Soon', {
      affiliations: [{ organisationId: schoolA.id, startDate: '2010-01-01' }],
    }))).body;
    expect((await admin.delete(`/api/people/${created.id}`)).status).toBe(204);
    expect((await admin.get(`/api/people/${created.id}`)).status).toBe(404);
  });
});

describe('listing people', () => {
  let tagSchool: Organisation;

  beforeAll(async () => {
    tagSchool = (await admin.post<Organisation>('/api/organisations', { kind: 'school', name: 'École Liste', parentId: institution.id })).body;
    const past = { organisationId: tagSchool.id, startDate: '2000-01-01', endDate: '2005-01-01' };
    const current = { organisationId: tagSchool.id, startDate: '2020-01-01' };
    await admin.post('/api/people', person('Zoé', 'Listal', { affiliations: [current], email: 'zoe@lists.test' }));
    await admin.post('/api/people', person('Yann', 'Listbe', { affiliations: [past], employmentStatus: 'student' }));
    await admin.post('/api/people', person('Xavier', 'Listco', { affiliations: [current], employmentStatus: 'student' }));
    await admin.post('/api/people', person('Wanda', 'Unlisted'));
  });

  it('filters by organisation, past affiliations included, sorted by last name by default', async () => {
    const answer = await admin.get<Page<Person>>(`/api/people?organisationId=${tagSchool.id}`);
    expect(answer.body.items.map((p) => p.lastName)).toEqual(['Listal', 'Listbe', 'Listco']);
    expect(answer.body.total).toBe(3);
  });

  it('filters by employment status', async () => {
    const answer = await admin.get<Page<Person>>(`/api/people?organisationId=${tagSchool.id}&employmentStatus=student`);
    expect(answer.body.items.map((p) => p.firstName)).toEqual(['Yann', 'Xavier']);
  });

  it('sorts by first name, either way, and paginates', async () => {
    const first = await admin.get<Page<Person>>(`/api/people?organisationId=${tagSchool.id}&sort=firstName&limit=2`);
    expect(first.body.items.map((p) => p.firstName)).toEqual(['Xavier', 'Yann']);
    expect(first.body.nextOffset).toBe(2);
    const last = await admin.get<Page<Person>>(`/api/people?organisationId=${tagSchool.id}&sort=-firstName&limit=2&offset=2`);
    expect(last.body.items.map((p) => p.firstName)).toEqual(['Xavier']);
    expect(last.body.nextOffset).toBeNull();
  });

  it('searches first name, last name, full name and e-mail, ignoring case', async () => {
    const names = async (q: string) =>
      (await admin.get<Page<Person>>(`/api/people?q=${encodeURIComponent(q)}`)).body.items.map((p) => p.lastName);
    expect(await names('xavier')).toEqual(['Listco']);
    expect(await names('LISTB')).toEqual(['Listbe']);
    expect(await names('zoe@lists')).toEqual(['Listal']);
    expect(await names('Wanda Unl')).toEqual(['Unlisted']);
    expect(await names('%')).toEqual([]);
  });

  it('rejects an unknown sort field, naming sort', async () => {
    const answer = await admin.get<ErrorAnswer>('/api/people?sort=email');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0]?.path).toBe('sort');
  });
});

describe('who sees and keeps the directory of people', () => {
  let someone: Person;

  beforeAll(async () => {
    someone = (await admin.post<Person>('/api/people', person('Private', 'Data'))).body;
  });

  it('lets readers, researchers and officers read it', async () => {
    for (const client of [await t.signIn('reader'), await t.signIn('researcher', { personId: someone.id }), await t.signIn('officer')]) {
      expect((await client.get('/api/people')).status).toBe(200);
      expect((await client.get(`/api/people/${someone.id}`)).status).toBe(200);
    }
  });

  it('hides it from partners: 403 on the list, 404 on a person, 403 on writes', async () => {
    const company = (await admin.post<Organisation>('/api/organisations', { kind: 'company', name: 'Acme', companyCategory: 'pme' })).body;
    const partner = await t.signIn('partner', { organisationId: company.id });
    expect((await partner.get('/api/people')).status).toBe(403);
    expect((await partner.get(`/api/people/${someone.id}`)).status).toBe(404);
    expect((await partner.post('/api/people', person('P', 'Q'))).status).toBe(403);
    expect((await partner.put(`/api/people/${someone.id}`, person('P', 'Q'))).status).toBe(403);
  });

  it('lets the officer of any school write, and no reader or researcher', async () => {
    const officerB = await t.signIn('officer', { schoolId: schoolB.id });
    const created = await officerB.post<Person>('/api/people', person('Shared', 'Directory', {
      affiliations: [{ organisationId: schoolA.id, startDate: '2020-01-01' }],
    }));
    expect(created.status).toBe(201);
    expect((await officerB.put(`/api/people/${created.body.id}`, person('Shared', 'Dir'))).status).toBe(200);
    for (const client of [await t.signIn('reader'), await t.signIn('researcher', { personId: someone.id })]) {
      expect((await client.post('/api/people', person('No', 'Way'))).status).toBe(403);
      expect((await client.put(`/api/people/${someone.id}`, person('No', 'Way'))).status).toBe(403);
      expect((await client.delete(`/api/people/${someone.id}`)).status).toBe(403);
    }
    expect((await officerB.delete(`/api/people/${created.body.id}`)).status).toBe(204);
  });
});
