import { describe, expect, it } from 'vitest';
import { ApplicationInput, AssetInput, FamilyInput, normalisePatentNumber } from './asset.ts';

const school = '7d1e5f0e-0000-4000-8000-000000000001';
const owner = '7d1e5f0e-0000-4000-8000-000000000002';

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('normalisePatentNumber', () => {
  it('upper-cases and removes every space', () => {
    expect(normalisePatentNumber(' fr 20 01234 ')).toBe('FR2001234');
  });
  it('keeps the office’s separators', () => {
    expect(normalisePatentNumber('pct/fr2021/050230')).toBe('PCT/FR2021/050230');
    expect(normalisePatentNumber('EP 10167123.4')).toBe('EP10167123.4');
  });
});

describe('ApplicationInput', () => {
  const application = { office: 'EP', applicationNumber: 'ep 21 155001.2', filingDate: '2021-02-09' };

  it('fills the defaults and normalises the number', () => {
    expect(ApplicationInput.parse(application)).toMatchObject({
      applicationNumber: 'EP21155001.2',
      route: 'national',
      status: 'filed',
      priorities: [],
      publications: [],
    });
  });

  it('accepts a publication on the filing day', () => {
    expect(ApplicationInput.safeParse({ ...application, publications: [{ number: 'EP1', kind: 'A1', date: '2021-02-09' }] }).success).toBe(true);
  });

  it('names each dating error', () => {
    const result = ApplicationInput.safeParse({
      ...application,
      grantDate: '2021-02-08',
      priorities: [{ country: 'FR', number: 'FR2001234', date: '2021-02-10' }],
      publications: [{ number: 'EP1', kind: 'A1', date: '2021-02-08' }],
    });
    expect(pathsOf(result)).toEqual(['publications.0.date', 'priorities.0.date', 'grantDate']);
  });

  it('refuses the same publication twice', () => {
    const publication = { number: 'EP1', kind: 'A1', date: '2021-08-18' };
    expect(pathsOf(ApplicationInput.safeParse({ ...application, publications: [publication, publication] }))).toEqual(['publications']);
  });
});

describe('AssetInput and FamilyInput', () => {
  const family = { title: 'Family', schoolId: school, owners: [{ organisationId: owner, share: 100 }] };

  it('sees the same application typed two ways as a duplicate', () => {
    const applications = [
      { office: 'FR', applicationNumber: 'FR2001234', filingDate: '2020-02-10' },
      { office: 'FR', applicationNumber: 'fr 2001234', filingDate: '2020-02-10' },
    ];
    expect(pathsOf(AssetInput.safeParse({ ...family, kind: 'patent_family', applications }))).toEqual(['applications']);
  });

  it('takes a family without its kind and refuses another kind', () => {
    expect(FamilyInput.parse(family).kind).toBe('patent_family');
    expect(pathsOf(FamilyInput.safeParse({ ...family, kind: 'software' }))).toEqual(['kind']);
  });
});
