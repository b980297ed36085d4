import { computeDocket } from '../docket/compute-docket.ts';
import type { Deadline, DocketOffice } from '../docket/docket-case.ts';
import { docketRules } from '../docket/docket-rule.ts';
import { addYears } from '../docket/iso-date.ts';
import type { CaseFeeLine, CaseFees, CaseUnknownFee, CostCase } from './cost-family.ts';
import type { FeeKind, ForecastOptions } from './fee-forecast.ts';
import { feeFor, type FeeQuery } from './fee-for.ts';
import type { FeeData } from './fee-table.ts';

/** Only the fee rules: the forecast needs no other deadline, and there are many applications to run. */
const FEE_RULES = docketRules.filter((rule) => rule.kind === 'renewal' || rule.kind === 'maintenance-fee');

/**
 * Unitary effect can be requested for a European patent whose grant is mentioned from 1 June 2023, the
 * start of the Unitary Patent system (Regulation (EU) 1257/2012, Art. 18(2); UPR R.6).
 */
const UNITARY_PATENT_START = '2023-06-01';

/** What pricing a case needs: the day, the options, the fee data, and the dockets already computed. */
export interface CasePricing {
  today: string;
  options: ForecastOptions;
  data: FeeData;
  /** Renewal deadlines already computed, by office, filing date and grant date. */
  dockets: Map<string, Deadline[]>;
}

interface Context extends CasePricing {
  application: CostCase;
  lines: CaseFeeLine[];
  unknown: CaseUnknownFee[];
}

/** Prices one deadline on its due date (the payment date that picks the schedule). */
function price(context: Context, deadline: Deadline, kind: FeeKind, query: FeeQuery): void {
  const result = feeFor(query, context.data);
  if (!result.known) {
    context.unknown.push({ kind, year: query.year, due: deadline.due, reason: result.reason });
    return;
  }
  context.lines.push({
    kind,
    year: query.year,
    due: deadline.due,
    paymentDate: query.paymentDate,
    amount: result.amount,
    currency: result.currency,
    schedule: result.schedule,
    source: result.source,
    verify: result.verify,
    note: result.note,
  });
}

function renewals(context: Context, office: DocketOffice, grantDate: string | null): Deadline[] {
  const { filingDate } = context.application;
  const key = `${office}|${filingDate}|${grantDate ?? ''}`;
  let deadlines = context.dockets.get(key);
  if (!deadlines) {
    const events = grantDate === null ? [] : [{ type: 'grant-published' as const, date: grantDate }];
    deadlines = computeDocket({ office, filingDate, priorityDate: null, events }, { rules: FEE_RULES });
    context.dockets.set(key, deadlines);
  }
  return deadlines;
}

/**
 * The patent year in which the grant is mentioned, as `patentYearOn` counts it (year N runs from the
 * (N-1)th anniversary of filing), starting the count a year short of the answer rather than at year 1.
 */
export function grantYearOf(filingDate: string, grantDate: string): number {
  let anniversaries = Math.max(0, Number(grantDate.slice(0, 4)) - Number(filingDate.slice(0, 4)) - 1);
  while (addYears(filingDate, anniversaries + 1) <= grantDate) anniversaries += 1;
  return anniversaries + 1;
}

function frenchAnnuities(context: Context): void {
  for (const deadline of renewals(context, 'FR', null)) {
    if (deadline.year === null) continue;
    const query = { office: 'INPI' as const, year: deadline.year, paymentDate: deadline.due, reduced: context.options.inpiReducedRate };
    price(context, deadline, 'renewal', query);
  }
}

/**
 * EP renewal fees for years 3–20 while pending; none after the year in which the mention of grant is
 * published (EPC Art. 86(2)). For the later years: Unitary Patent renewal fees (Rule 13 UPR), due on the
 * same days, when asked for and available; else national fees, which the data does not hold.
 */
function europeanRenewals(context: Context): void {
  const { application, options, today } = context;
  const grantDate = application.grantDate;
  const grantYear = grantDate === null ? null : grantYearOf(application.filingDate, grantDate);
  const grantedUndated = grantDate === null && application.status === 'granted';
  const unitary = options.afterGrantEP === 'unitary' && grantDate !== null && grantDate >= UNITARY_PATENT_START;
  for (const deadline of renewals(context, 'EP', null)) {
    const year = deadline.year;
    if (year === null) continue;
    if (grantedUndated && deadline.due > today) {
      context.unknown.push({ kind: 'renewal', year, due: deadline.due, reason: 'granted with no grant date recorded: the year EP renewals stop is unknown' });
    } else if (grantYear === null || year <= grantYear) {
      price(context, deadline, 'renewal', { office: 'EPO', year, paymentDate: deadline.due });
    } else if (unitary) {
      price(context, deadline, 'unitary-renewal', { office: 'EPO-UP', year, paymentDate: deadline.due });
    } else {
      const reason =
        options.afterGrantEP === 'unitary'
          ? `national renewal fees after grant (no unitary effect for a grant mentioned before ${UNITARY_PATENT_START}): not in the fee data`
          : 'national renewal fees of the validation states after grant: not in the fee data';
      context.unknown.push({ kind: 'national-renewal', year, due: deadline.due, reason });
    }
  }
}

/** USPTO maintenance fees at 3.5, 7.5 and 11.5 years from grant (35 USC 41(b)), within the 20-year term. */
function usMaintenanceFees(context: Context): void {
  const { application, options } = context;
  if (application.grantDate === null) {
    const reason =
      application.status === 'granted'
        ? 'granted with no grant date recorded: maintenance fee dates unknown'
        : 'maintenance fees fall due 3.5, 7.5 and 11.5 years after grant, which has not happened yet';
    context.unknown.push({ kind: 'maintenance-fee', year: null, due: null, reason });
    return;
  }
  // 35 USC 154(a)(2): the term ends 20 years from filing; a fee due after that is never paid.
  const termEnds = addYears(application.filingDate, 20);
  for (const deadline of renewals(context, 'US', application.grantDate)) {
    if (deadline.year === null || deadline.dueUnextended > termEnds) continue;
    price(context, deadline, 'maintenance-fee', { office: 'USPTO', year: deadline.year, paymentDate: deadline.due, entity: options.usptoEntity });
  }
}

/** Every fee of an office case from filing to the end of its term, priced on its due date. */
export function computeCaseFees(application: CostCase, pricing: CasePricing): CaseFees {
  const context: Context = { ...pricing, application, lines: [], unknown: [] };
  switch (application.office) {
    case 'FR':
      frenchAnnuities(context);
      break;
    case 'EP':
      europeanRenewals(context);
      break;
    case 'US':
      usMaintenanceFees(context);
      break;
    case 'WO':
      // A PCT application has no renewal fees; they start in the national and regional phases.
      break;
    default:
      context.unknown.push({ kind: 'office-fees', year: null, due: null, reason: `no fee table for office ${application.office}` });
  }
  return { lines: context.lines, unknown: context.unknown };
}

/**
 * What the fees of a case depend on, and nothing more, so that alike cases share one computation: FR
 * annuities on the filing date alone; EP renewals on the filing date and the grant year (and whether the
 * grant could take unitary effect); US maintenance fees on the grant date; the status only to tell
 * "granted, date not recorded" from "not granted".
 */
export function caseKey(application: CostCase): string {
  const { office, filingDate, grantDate } = application;
  const grantedUndated = grantDate === null && application.status === 'granted';
  switch (office) {
    case 'FR':
      return `FR|${filingDate}`;
    case 'EP': {
      if (grantDate === null) return `EP|${filingDate}|${grantedUndated ? 'granted' : 'pending'}`;
      return `EP|${filingDate}|${grantYearOf(filingDate, grantDate)}|${grantDate >= UNITARY_PATENT_START}`;
    }
    case 'US':
      return `US|${filingDate}|${grantDate ?? (grantedUndated ? 'granted' : 'pending')}`;
    default:
      return office;
  }
}
