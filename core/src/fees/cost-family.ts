import type { ApplicationStatus, AssetStatus } from '../asset.ts';
import { addDays } from '../docket/iso-date.ts';
import type { FeeLine, UnknownFee } from './fee-forecast.ts';

/** What prices an application's fees: its office, dates and status (a structural subset of `Application`). */
export interface CostCase {
  office: string;
  filingDate: string;
  status: ApplicationStatus;
  grantDate: string | null;
  /**
   * Dated status changes; the date of the last change to its final status is when the application
   * stopped. Only those changes are read.
   */
  statusHistory: readonly { status: ApplicationStatus; date: string }[];
}

/** An application as the family costs show it, with its identity. */
export interface CostApplication extends CostCase {
  id: string;
  applicationNumber: string;
}

/** A family as the forecast reads it: a structural subset of `Asset`. */
export interface CostFamily<T extends CostCase = CostApplication> {
  status: AssetStatus;
  applications: readonly T[];
}

/** A fee line without the application it belongs to: the same for every application with the same dates. */
export type CaseFeeLine = Omit<FeeLine, 'applicationId' | 'office' | 'applicationNumber'>;
export type CaseUnknownFee = Omit<UnknownFee, 'applicationId' | 'office' | 'applicationNumber'>;

/** Every fee of an office case from filing to the end of its term, whatever the application's later life. */
export interface CaseFees {
  lines: readonly CaseFeeLine[];
  unknown: readonly CaseUnknownFee[];
}

/** Every fee of one application from filing to the end of its term, and the day it stopped costing. */
export interface ApplicationFees {
  application: CostApplication;
  /** Fees due before this day count (exclusive); null: alive, every fee to the end of the term counts. */
  stopsOn: string | null;
  lines: FeeLine[];
  unknown: UnknownFee[];
}

/** The statuses after which an application costs nothing more. */
const FINAL_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['refused', 'withdrawn', 'lapsed', 'abandoned']);

export function isFinalStatus(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** A family lapsed, abandoned or transferred to a buyer costs the institution nothing from tomorrow. */
const STOPPED_FAMILIES: ReadonlySet<AssetStatus> = new Set(['lapsed', 'abandoned', 'transferred']);

/**
 * The day the application stopped costing: the date its final status (refused, withdrawn, lapsed,
 * abandoned) was recorded, or tomorrow when that date is not recorded; tomorrow at the latest when the
 * family itself stopped. A lapse recorded after an unpaid fee's due date counts that fee: no payments are
 * recorded.
 */
export function stopDate(family: { status: AssetStatus }, application: CostCase, today: string): string | null {
  const isFinal = isFinalStatus(application.status);
  const isFamilyStopped = STOPPED_FAMILIES.has(family.status);
  if (!isFinal && !isFamilyStopped) return null;
  const tomorrow = addDays(today, 1);
  const recorded = isFinal ? application.statusHistory.filter((event) => event.status === application.status).map((event) => event.date) : [];
  const stops = recorded.length === 0 ? tomorrow : recorded.reduce((a, b) => (a >= b ? a : b));
  return isFamilyStopped && stops > tomorrow ? tomorrow : stops;
}

/** Was a fee due on `due` (null: date unknown) due while the application was alive? */
export function isCounted(stopsOn: string | null, due: string | null): boolean {
  if (due === null) return stopsOn === null;
  return stopsOn === null || due < stopsOn;
}
