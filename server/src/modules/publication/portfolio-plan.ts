import { type ApplicationStatus, type PublicationInput, normalisePatentNumber } from '#core/asset';
import type { ProsecutionEventType } from '#core/docket/docket-task';
import { isApplicationKind, isGrantKind, publicationKey, publishesSearchReport } from './publication-keys.ts';
import type { StoredRecord } from './publication-record.ts';

/** A portfolio application as the plan reads it. */
export interface PlannedApplication {
  id: string;
  office: string;
  filingDate: string;
  status: ApplicationStatus;
  grantNumber: string | null;
  grantDate: string | null;
  publications: PublicationInput[];
  statusHistory: { status: ApplicationStatus; date: string; note: string | null }[];
  /** Its recorded procedural events. */
  events: { type: ProsecutionEventType; date: string }[];
}

/**
 * A docket task an office's record shows settled: a fee paid (the patent year, the office it was paid
 * to, null for the application's own) or the opposition period ended without an opposition.
 */
export interface TaskSettlement {
  /**
   * The docket task the office's record settles: a renewal fee (annuity) or a USPTO maintenance fee
   * paid, or the end of the EP opposition period without an opposition.
   */
  kind: 'renewal' | 'maintenance-fee' | 'opposition-end';
  office: string | null;
  /** The patent year; 3.5, 7.5 or 11.5 for a USPTO maintenance fee, as the docket numbers them; null for the opposition period. */
  year: number | null;
  /** The day: of the payment, or of the Register's record that no opposition was filed. */
  on: string;
  /** The record that shows it (`EP Register RFEE`, `INPADOC MAFP`…). */
  source: string;
}

/** What an application takes from its publications; every list is empty when it already knows all of it. */
export interface ApplicationPlan {
  status: ApplicationStatus;
  grantNumber: string | null;
  grantDate: string | null;
  history: { status: ApplicationStatus; date: string; note: string }[];
  publications: PublicationInput[];
  events: { type: ProsecutionEventType; date: string; note: string }[];
  lapses: number;
  settlements: TaskSettlement[];
}

/** Once an application is refused, withdrawn, lapsed or abandoned, a publication no longer changes its status. */
const ENDED: ReadonlySet<ApplicationStatus> = new Set(['refused', 'withdrawn', 'lapsed', 'abandoned']);

/** INPADOC: lapse in a designated state, announced by the national office (EP publications). */
const LAPSE_IN_STATE = 'PG25';
/** INPADOC: annual fee paid to a national office, with the patent year (`feeYear`). */
const FEE_PAID_NATIONAL = 'PGFP';
/** EP Register procedural step: renewal fee paid to the EPO, with the patent year. */
const RENEWAL_FEE_PAID = 'RFEE';
/**
 * INPADOC, US patents: maintenance fee paid (35 U.S.C. 41(b)), the event's text naming the fee as the
 * USPTO does, e.g. "PAYMENT OF MAINTENANCE FEE, 4TH YEAR, LARGE ENTITY (ORIGINAL EVENT CODE: M1551)".
 */
const US_MAINTENANCE_FEE_PAID = 'MAFP';
/**
 * USPTO maintenance fee event codes M1551/M1552/M1553 (large entity), M2551… (small), M3551… (micro):
 * the last digit is the 4th, 8th or 12th year fee, due 3.5, 7.5 and 11.5 years after grant
 * (35 U.S.C. 41(b)(1)). The codes as the USPTO's maintenance fee events file names them [verify].
 */
const MAINTENANCE_YEARS: Readonly<Record<string, number>> = { '1': 3.5, '2': 7.5, '3': 11.5, '4TH': 3.5, '8TH': 7.5, '12TH': 11.5 };

/** The docket year of a maintenance fee payment event: by its USPTO event code, else by the year its text names. */
function maintenanceYear(text: string | null): number | null {
  if (text === null) return null;
  const code = /\bM[123]55([123])\b/.exec(text)?.[1];
  const ordinal = /\b(4TH|8TH|12TH)\s+(?:YEAR|YR)\b/i.exec(text)?.[1]?.toUpperCase();
  return MAINTENANCE_YEARS[code ?? ordinal ?? ''] ?? null;
}

/** EP Register event: "No opposition filed within time limit" (EPC Art. 99(1)), dated the day the EPO recorded it. */
const NO_OPPOSITION_FILED = '0009261';

/** INPI: the day the grant was decided (BOPI mention), given with the B1. */
const FR_DATE_GRANTED = 'fr-date-granted';

function label(record: StoredRecord): string {
  return `${record.country}${record.number}${record.kind === '' ? '' : ` ${record.kind}`}`;
}

/** The day a grant took effect: INPI's grant date when given, else the B publication's date (EPC Art. 97(3): the mention of grant). */
function grantDateOf(record: StoredRecord): string | null {
  return record.legalEvents.find((event) => event.code === FR_DATE_GRANTED && event.date !== null)?.date ?? record.publicationDate;
}

/**
 * What a portfolio application takes from the publications linked to it, oldest first:
 * - status: filed → published on an application publication (A…), → granted on a grant (B…, C…, US S/P/E),
 *   with the grant number and date; an ended application keeps its status;
 * - the publications it does not list yet (same number in any form, same kind);
 * - procedural events the docket reads: the mention of grant, and for EP the search report published
 *   with the A1 or A3 (EPC Art. 93, R.70(1)), each when none is recorded;
 * - lapses in designated states (INPADOC PG25) noted in its history, one entry per gazette day: the
 *   European patent lapses state by state, never the family as a whole;
 * - renewal fees paid: EP Register RFEE, INPADOC PGFP (paid to a national office after grant), and
 *   USPTO maintenance fees (INPADOC MAFP); and the EP opposition period ended without an opposition
 *   (EP Register event 0009261).
 */
export function planApplication(application: PlannedApplication, records: StoredRecord[]): ApplicationPlan {
  const plan: ApplicationPlan = {
    status: application.status,
    grantNumber: application.grantNumber,
    grantDate: application.grantDate,
    history: [],
    publications: [],
    events: [],
    lapses: 0,
    settlements: [],
  };
  const ordered = records
    .filter((record) => record.country === application.office)
    .sort((a, b) => (a.publicationDate ?? '').localeCompare(b.publicationDate ?? '') || a.kind.localeCompare(b.kind));
  const knownPublications = new Set(application.publications.map((publication) => `${publicationKey(application.office, publication.number)} ${publication.kind}`));
  const hasEvent = (type: ProsecutionEventType) => [...application.events, ...plan.events].some((event) => event.type === type);

  for (const record of ordered) {
    const date = record.publicationDate;
    if (record.kind === '' || date === null || date < application.filingDate) continue;
    const key = `${publicationKey(record.country, record.number)} ${record.kind}`;
    if (!knownPublications.has(key) && /^[A-Z]\d?$/.test(record.kind)) {
      knownPublications.add(key);
      plan.publications.push({ number: normalisePatentNumber(`${record.country}${record.number}`), kind: record.kind, date });
    }
    if (isGrantKind(record.country, record.kind)) {
      const grantDate = grantDateOf(record) ?? date;
      if (!ENDED.has(plan.status) && plan.status !== 'granted') {
        plan.status = 'granted';
        plan.history.push({ status: 'granted', date: grantDate, note: `${label(record)} published` });
      }
      if (plan.status === 'granted' && plan.grantDate === null) {
        plan.grantDate = grantDate;
        plan.grantNumber = normalisePatentNumber(`${record.country}${record.number}`);
      }
      if (!hasEvent('grant-published')) plan.events.push({ type: 'grant-published', date: grantDate, note: `${label(record)} published` });
    } else if (isApplicationKind(record.country, record.kind) && plan.status === 'filed') {
      plan.status = 'published';
      plan.history.push({ status: 'published', date, note: `${label(record)} published` });
    }
    if (publishesSearchReport(record.country, record.kind) && !hasEvent('search-report-published')) {
      plan.events.push({ type: 'search-report-published', date, note: `search report published with ${label(record)}` });
    }
  }

  if (plan.status === 'granted') noteLapses(application, records, plan);
  plan.settlements = settlementsOf(records);
  return plan;
}

function noteLapses(application: PlannedApplication, records: StoredRecord[], plan: ApplicationPlan): void {
  const statesByDay = new Map<string, Set<string>>();
  for (const record of records) {
    for (const event of record.legalEvents) {
      if (event.code !== LAPSE_IN_STATE || event.date === null || event.country === null) continue;
      const states = statesByDay.get(event.date) ?? new Set<string>();
      states.add(event.country);
      statesByDay.set(event.date, states);
    }
  }
  const noted = new Set(application.statusHistory.map((entry) => `${entry.date} ${entry.note ?? ''}`));
  for (const [date, states] of [...statesByDay].sort(([a], [b]) => a.localeCompare(b))) {
    const note = `lapsed in ${[...states].sort().join(', ')} (INPADOC ${LAPSE_IN_STATE})`;
    if (noted.has(`${date} ${note}`)) continue;
    plan.history.push({ status: plan.status, date, note });
    plan.lapses += states.size;
  }
}

function settlementsOf(records: StoredRecord[]): TaskSettlement[] {
  const settlements = new Map<string, TaskSettlement>();
  const add = (settlement: TaskSettlement) => {
    const key = `${settlement.kind} ${settlement.office ?? ''} ${settlement.year ?? ''}`;
    if (!settlements.has(key)) settlements.set(key, settlement);
  };
  for (const record of records) {
    for (const event of record.legalEvents) {
      const on = event.effectiveDate ?? event.date;
      if (event.code === FEE_PAID_NATIONAL && event.feeYear !== null && on !== null) {
        add({ kind: 'renewal', office: event.country, year: event.feeYear, on, source: `INPADOC ${FEE_PAID_NATIONAL}` });
      }
      if (record.country === 'EP' && event.code === NO_OPPOSITION_FILED && on !== null) {
        add({ kind: 'opposition-end', office: null, year: null, on, source: `EP Register ${NO_OPPOSITION_FILED}` });
      }
      const maintenance = record.country === 'US' && event.code === US_MAINTENANCE_FEE_PAID ? maintenanceYear(event.text) : null;
      if (maintenance !== null && on !== null) {
        add({ kind: 'maintenance-fee', office: 'US', year: maintenance, on, source: `INPADOC ${US_MAINTENANCE_FEE_PAID}` });
      }
    }
    for (const step of record.proceduralSteps) {
      const on = step.dates.find((entry) => entry.type === 'DATE_OF_PAYMENT')?.date ?? step.date;
      if (step.code === RENEWAL_FEE_PAID && step.year !== null && on !== null) {
        add({ kind: 'renewal', office: null, year: step.year, on, source: `EP Register ${RENEWAL_FEE_PAID}` });
      }
    }
  }
  return [...settlements.values()];
}
