import { computeDocket, type DocketOptions } from './compute-docket.ts';
import { type Deadline, type DeadlineKind, type DocketCase, type DocketEvent, DocketOffice } from './docket-case.ts';

/** An application of a patent family as the docket reads it. */
export interface FamilyApplication {
  id: string;
  office: string;
  filingDate: string;
  /** Only pending and granted applications have deadlines: one refused, withdrawn, lapsed or abandoned has none. */
  isLive: boolean;
  grantDate: string | null;
  /** The dates of the priorities it claims. */
  priorityDates: string[];
  /** Its recorded procedural and workflow events. */
  events: DocketEvent[];
  /** Its first publication's date, when one is recorded. */
  publishedOn?: string | null;
}

export interface DocketFamily {
  assetId: string;
  applications: FamilyApplication[];
}

/** A deadline with the task it belongs to: one key per deadline, whatever its dates. */
export interface FamilyDeadline {
  key: string;
  assetId: string;
  /** Null for a deadline of the whole family (the co-owners' notices). */
  applicationId: string | null;
  deadline: Deadline;
  /** When the portfolio itself shows the act done: the day and what shows it. */
  metBy: { date: string; reason: string } | null;
}

/**
 * Workflow deadlines that concern the family, not one office: the mandataire informs and notifies the
 * co-owners once for the family (Code de la recherche L.533-1), and an invention is declared once.
 */
const FAMILY_KINDS: ReadonlySet<DeadlineKind> = new Set(['co-owner-information', 'abandonment-notice', 'classification-answer', 'attribution-claim']);

/**
 * The deadlines of every live application of a family, each with a stable task key:
 * - an application's priority date is the earliest date it claims, else the family's first filing when
 *   that is earlier than its own filing (a member recorded without its claims);
 * - its events are its recorded ones, plus `grant-published` on its grant date when no grant event is
 *   recorded, plus `pct-filed` on the filing date of each PCT (WO) member of the family;
 * - only a first filing gets the priority deadline: the members that claim it are the filings abroad;
 * - the PCT national and regional phase deadlines are the PCT application's: computed from several
 *   members, they are kept once, on the WO member when there is one;
 * - family-wide workflow deadlines are kept once per rule and trigger date, on the family.
 */
export function docketFamily(family: DocketFamily, options: DocketOptions = {}): FamilyDeadline[] {
  const firstFiling = earliest(family.applications.map((application) => application.filingDate));
  const pctFilings = family.applications.filter((application) => application.office === 'WO').map((application) => application.filingDate);
  // WO members first, so the PCT phase deadlines land on the PCT application.
  const ordered = [...family.applications].sort((a, b) => Number(b.office === 'WO') - Number(a.office === 'WO'));
  const seenPct = new Set<string>();
  const result: FamilyDeadline[] = [];
  const familyWide = new Map<string, FamilyDeadline>();
  for (const application of ordered) {
    const docketCase = caseOf(application, firstFiling, pctFilings);
    if (!docketCase) continue;
    const own: Deadline[] = [];
    const claimsEarlierPriority = docketCase.priorityDate !== null && docketCase.priorityDate < docketCase.filingDate;
    for (const deadline of computeDocket(docketCase, options)) {
      const rule = ruleNameOf(deadline);
      // The 12-month priority year (Paris Convention 4C) is the first filing's: a member that claims
      // it is itself the act done in time, not a new deadline.
      if (deadline.kind === 'priority' && claimsEarlierPriority) continue;
      if (FAMILY_KINDS.has(deadline.kind)) {
        const key = `${family.assetId}:${rule}:${deadline.trigger.date}`;
        if (!familyWide.has(key)) familyWide.set(key, { key, assetId: family.assetId, applicationId: null, deadline, metBy: null });
        continue;
      }
      if (deadline.trigger.type === 'pct-priority') {
        const pct = `${rule}|${deadline.due}`;
        if (seenPct.has(pct)) continue;
        seenPct.add(pct);
      }
      own.push(deadline);
    }
    result.push(...keyed(family.assetId, application.id, own).map((entry) => ({ ...entry, metBy: metBy(entry.deadline, application, family) })));
  }
  return [...result, ...familyWide.values()];
}

/**
 * Steps an office grants no patent without, so that a grant shows them done: the request for
 * examination (EPC Art. 94(1): without it the application is deemed withdrawn, Art. 94(2)), the
 * approval of the text and the fees after the R.71(3) communication (R.71(7)), and the reply to the
 * INPI search report (CPI R.612-58 to R.612-60, before grant under L.612-21).
 */
const DONE_BY_GRANT: ReadonlySet<DeadlineKind> = new Set(['examination-request', 'r71-3-reply', 'search-report-reply']);

/**
 * The acts the portfolio records itself: the priority year is used when another member claiming this
 * filing was filed by its end (Paris Convention 4C), the publication happened when one is recorded,
 * and the steps before grant were taken when the application was granted after them (an old family
 * entered, or brought up to date from the EPO's data, would otherwise show them overdue).
 * Such a task is done by the record, not left open as overdue.
 */
function metBy(deadline: Deadline, application: FamilyApplication, family: DocketFamily): FamilyDeadline['metBy'] {
  if (DONE_BY_GRANT.has(deadline.kind) && application.grantDate !== null && deadline.trigger.date <= application.grantDate) {
    return { date: application.grantDate, reason: `granted on ${application.grantDate}, which this step comes before` };
  }
  if (deadline.kind === 'priority') {
    const abroad = family.applications
      .filter((other) => other.id !== application.id && other.filingDate <= deadline.due)
      .filter((other) => other.priorityDates.includes(application.filingDate))
      .sort((a, b) => a.filingDate.localeCompare(b.filingDate))[0];
    return abroad ? { date: abroad.filingDate, reason: `priority claimed by the ${abroad.office} application filed on ${abroad.filingDate}` } : null;
  }
  if (deadline.kind === 'publication' && application.publishedOn) {
    return { date: application.publishedOn, reason: `published on ${application.publishedOn}` };
  }
  return null;
}

/** The case the engine reads for one application; null when it has no deadlines (not live, or an office without rules). */
export function caseOf(application: FamilyApplication, firstFiling: string | null, pctFilings: string[]): DocketCase | null {
  const office = DocketOffice.safeParse(application.office);
  if (!application.isLive || !office.success) return null;
  const claimed = earliest(application.priorityDates.filter((date) => date <= application.filingDate));
  const inherited = firstFiling !== null && firstFiling < application.filingDate ? firstFiling : null;
  const events = [...application.events];
  if (application.grantDate !== null && !events.some((event) => event.type === 'grant-published')) {
    events.push({ type: 'grant-published', date: application.grantDate });
  }
  if (office.data !== 'WO') {
    for (const date of pctFilings) {
      if (!events.some((event) => event.type === 'pct-filed' && event.date === date)) events.push({ type: 'pct-filed', date });
    }
  }
  return { office: office.data, filingDate: application.filingDate, priorityDate: claimed ?? inherited, events };
}

/**
 * Keys an application's deadlines by rule and year. A rule that fires several times for one year
 * (two search-report events) numbers the later ones in trigger-date order, so the first keeps its key.
 */
function keyed(assetId: string, applicationId: string, deadlines: Deadline[]): Omit<FamilyDeadline, 'metBy'>[] {
  const byTrigger = [...deadlines].sort((a, b) => a.trigger.date.localeCompare(b.trigger.date) || a.due.localeCompare(b.due));
  const counts = new Map<string, number>();
  return byTrigger.map((deadline) => {
    const base = `${applicationId}:${ruleNameOf(deadline)}:${deadline.year ?? '-'}`;
    const seen = (counts.get(base) ?? 0) + 1;
    counts.set(base, seen);
    return { key: seen === 1 ? base : `${base}:${seen}`, assetId, applicationId, deadline };
  });
}

/** The rule's id without its version: a deadline keeps its task when another version of the rule applies. */
export function ruleNameOf(deadline: Pick<Deadline, 'ruleId'>): string {
  const at = deadline.ruleId.indexOf('@');
  return at === -1 ? deadline.ruleId : deadline.ruleId.slice(0, at);
}

function earliest(dates: string[]): string | null {
  return dates.length === 0 ? null : dates.reduce((a, b) => (a <= b ? a : b));
}
