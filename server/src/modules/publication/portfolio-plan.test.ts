import { describe, expect, it } from 'vitest';
import { type PlannedApplication, planApplication } from './portfolio-plan.ts';
import type { StoredRecord } from './publication-record.ts';

const ep: PlannedApplication = {
  id: 'ep',
  office: 'EP',
  filingDate: '2010-06-24',
  status: 'filed',
  grantNumber: null,
  grantDate: null,
  publications: [],
  statusHistory: [{ status: 'filed', date: '2010-06-24', note: null }],
  events: [],
};

function record(values: Partial<StoredRecord>): StoredRecord {
  return {
    country: 'EP',
    number: '2400812',
    kind: 'A1',
    publicationDate: '2011-12-28',
    applicationNumber: '10167109',
    filingDate: '2010-06-24',
    familyId: null,
    titles: [],
    applicants: [],
    inventors: [],
    owners: [],
    priorities: [],
    classifications: [],
    legalEvents: [],
    proceduralSteps: [],
    ...values,
  };
}

const event = (code: string, values: Partial<StoredRecord['legalEvents'][number]>) => ({
  code,
  date: null,
  description: null,
  country: null,
  effectiveDate: null,
  text: null,
  feeYear: null,
  ...values,
});

describe('what an application takes from its publications', () => {
  it('is published by an A1 with the search report, then granted by the B1 with its number and date', () => {
    const plan = planApplication(ep, [record({ kind: 'B1', publicationDate: '2019-11-27' }), record({})]);
    expect(plan).toMatchObject({ status: 'granted', grantNumber: 'EP2400812', grantDate: '2019-11-27' });
    expect(plan.history.map((entry) => [entry.status, entry.date])).toEqual([
      ['published', '2011-12-28'],
      ['granted', '2019-11-27'],
    ]);
    expect(plan.publications).toEqual([
      { number: 'EP2400812', kind: 'A1', date: '2011-12-28' },
      { number: 'EP2400812', kind: 'B1', date: '2019-11-27' },
    ]);
    expect(plan.events).toEqual([
      { type: 'search-report-published', date: '2011-12-28', note: 'search report published with EP2400812 A1' },
      { type: 'grant-published', date: '2019-11-27', note: 'EP2400812 B1 published' },
    ]);
  });

  it('records no search report with an A2, and none that is already recorded', () => {
    expect(planApplication(ep, [record({ kind: 'A2' })]).events).toEqual([]);
    const known = { ...ep, events: [{ type: 'search-report-published' as const, date: '2012-01-04' }] };
    expect(planApplication(known, [record({ kind: 'A3', publicationDate: '2012-06-06' })]).events).toEqual([]);
  });

  it('knows a publication it lists in another form, and adds nothing then', () => {
    const listed = { ...ep, status: 'published' as const, publications: [{ number: '2400812', kind: 'A1', date: '2011-12-28' }] };
    const plan = planApplication(listed, [record({})]);
    expect(plan.publications).toEqual([]);
    expect(plan.history).toEqual([]);
  });

  it('leaves an ended application as it is', () => {
    const withdrawn = { ...ep, status: 'withdrawn' as const };
    expect(planApplication(withdrawn, [record({ kind: 'B1', publicationDate: '2019-11-27' })])).toMatchObject({ status: 'withdrawn', history: [] });
  });

  it('takes the grant date INPI gives with a French B1', () => {
    const fr = { ...ep, id: 'fr', office: 'FR', filingDate: '1993-06-15' };
    const plan = planApplication(fr, [
      record({ country: 'FR', number: '2706406', kind: 'B1', publicationDate: '1994-12-23', legalEvents: [event('fr-date-granted', { date: '1995-07-13' })] }),
    ]);
    expect(plan).toMatchObject({ status: 'granted', grantDate: '1995-07-13', grantNumber: 'FR2706406' });
  });

  it('notes lapses in designated states, one entry a gazette day, and only once', () => {
    const granted = { ...ep, status: 'granted' as const, grantDate: '2019-11-27', grantNumber: 'EP2400812' };
    const lapses = [event('PG25', { date: '2020-05-01', country: 'NL' }), event('PG25', { date: '2020-05-01', country: 'BG' }), event('PG25', { date: '2020-05-29', country: 'IS' })];
    const plan = planApplication(granted, [record({ legalEvents: lapses })]);
    expect(plan.history).toEqual([
      { status: 'granted', date: '2020-05-01', note: 'lapsed in BG, NL (INPADOC PG25)' },
      { status: 'granted', date: '2020-05-29', note: 'lapsed in IS (INPADOC PG25)' },
    ]);
    expect(plan.lapses).toBe(3);
    const noted = { ...granted, statusHistory: [...granted.statusHistory, ...plan.history] };
    expect(planApplication(noted, [record({ legalEvents: lapses })]).history).toEqual([]);
  });

  it('reads renewal payments: the EP Register RFEE (the payment day) and INPADOC PGFP (the office paid, the day it took effect)', () => {
    const plan = planApplication(ep, [
      record({
        kind: '',
        publicationDate: null,
        proceduralSteps: [{ code: 'RFEE', description: null, date: '2012-06-20', year: 3, dates: [{ type: 'DATE_OF_PAYMENT', date: '2012-06-20' }], timeLimit: null }],
        legalEvents: [event('PGFP', { date: '2025-07-09', effectiveDate: '2025-05-14', country: 'DE', feeYear: 16 })],
      }),
    ]);
    expect(plan.settlements).toEqual([
      { kind: 'renewal', office: 'DE', year: 16, on: '2025-05-14', source: 'INPADOC PGFP' },
      { kind: 'renewal', office: null, year: 3, on: '2012-06-20', source: 'EP Register RFEE' },
    ]);
  });

  it('reads USPTO maintenance fee payments (INPADOC MAFP) by their event code or the year their text names', () => {
    // Written the way INPADOC gives US events (see the FEPP events of the recorded legal answer of US10465445).
    const mafp = (date: string, text: string) => event('MAFP', { date, text, description: 'MAINTENANCE FEE PAYMENT' });
    const plan = planApplication({ ...ep, id: 'us', office: 'US' }, [
      record({
        country: 'US',
        number: '10465445',
        kind: 'B2',
        legalEvents: [
          mafp('2023-05-01', 'PAYMENT OF MAINTENANCE FEE, 4TH YEAR, LARGE ENTITY (ORIGINAL EVENT CODE: M1551); ENTITY STATUS OF PATENT OWNER: LARGE ENTITY'),
          mafp('2027-04-20', 'PAYMENT OF MAINTENANCE FEE, 8TH YR, SMALL ENTITY (ORIGINAL EVENT CODE: M2552)'),
          mafp('2031-04-20', 'PAYMENT OF MAINTENANCE FEE, 12TH YR, MICRO ENTITY'),
          mafp('2024-01-01', 'MAINTENANCE FEE REMINDER MAILED'),
          event('FEPP', { date: '2020-08-24', text: 'PETITION RELATED TO MAINTENANCE FEES GRANTED (ORIGINAL EVENT CODE: PTGR)' }),
        ],
      }),
    ]);
    expect(plan.settlements).toEqual([
      { kind: 'maintenance-fee', office: 'US', year: 3.5, on: '2023-05-01', source: 'INPADOC MAFP' },
      { kind: 'maintenance-fee', office: 'US', year: 7.5, on: '2027-04-20', source: 'INPADOC MAFP' },
      { kind: 'maintenance-fee', office: 'US', year: 11.5, on: '2031-04-20', source: 'INPADOC MAFP' },
    ]);
  });
});
