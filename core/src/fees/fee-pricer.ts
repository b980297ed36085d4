import type { Deadline } from '../docket/docket-case.ts';
import { caseKey, computeCaseFees } from './case-fees.ts';
import { stopDate, type ApplicationFees, type CaseFees, type CostApplication, type CostCase, type CostFamily } from './cost-family.ts';
import type { ForecastOptions } from './fee-forecast.ts';
import { feeData, type FeeData } from './fee-table.ts';

/**
 * Prices applications' fees on one day with one set of options. The fees of a case depend only on its
 * office, filing date and grant, which many applications share, so each case is computed once.
 */
export function createFeePricer(today: string, options: ForecastOptions, data: FeeData = feeData) {
  const cases = new Map<string, CaseFees>();
  const dockets = new Map<string, Deadline[]>();
  /** The fees of the application's case, shared with every alike application: read, never change. */
  function caseFees(application: CostCase): CaseFees {
    const key = caseKey(application);
    let fees = cases.get(key);
    if (!fees) {
      fees = computeCaseFees(application, { today, options, data, dockets });
      cases.set(key, fees);
    }
    return fees;
  }

  /** Every fee of one application over its term, with its identity on each line. */
  function applicationFees(family: CostFamily, application: CostApplication): ApplicationFees {
    const { id, office, applicationNumber } = application;
    const fees = caseFees(application);
    return {
      application,
      stopsOn: stopDate(family, application, today),
      lines: fees.lines.map((line) => ({ applicationId: id, office, applicationNumber, ...line })),
      unknown: fees.unknown.map((fee) => ({ applicationId: id, office, applicationNumber, ...fee })),
    };
  }

  return { caseFees, applicationFees };
}
export type FeePricer = ReturnType<typeof createFeePricer>;
