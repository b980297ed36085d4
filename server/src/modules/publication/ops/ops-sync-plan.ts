import type { SyncOperation } from '#core/publication-corpus';
import type { OpsReference } from './ops-client.ts';

/*
 * What a family's sync asks EPO Open Patent Services, application by application:
 * - the full cycle of its publications (A1, then B1…), by a publication number when the portfolio has
 *   one, else by the application number, whose answer "not found" then means "not published yet";
 * - the INPADOC legal events of its publication (lapses and renewal fees in the designated states);
 * - for an EP application (direct or Euro-PCT), the European Patent Register: its bibliographic data,
 *   its events and its procedural steps (fees paid, communications, the intention to grant).
 */

/** The part of a portfolio application a sync needs. */
export interface SyncedApplication {
  id: string;
  office: string;
  applicationNumber: string;
  publications: { number: string; kind: string; date: string }[];
}

export interface PlannedRequest {
  applicationId: string;
  operation: SyncOperation;
  /** Null when OPS cannot be asked (`reason` says why), or not yet: see `awaitsPublication`. */
  reference: (OpsReference & object) | null;
  /** Legal events of an application the portfolio knows no publication of: asked by the one its full cycle finds, if any. */
  awaitsPublication: boolean;
  /** The number as shown to people (`EP2400812`, application `EP10167109`). */
  label: string | null;
  /** The application as the portfolio writes it (`EP 10167109.1`). */
  applicationLabel: string;
  reason: string | null;
}

/** Offices whose application numbers OPS takes in epodoc form without guessing (a US serial needs its year). */
const ASKED_BY_APPLICATION = new Set(['EP', 'FR', 'WO']);

export function planFamilySync(applications: readonly SyncedApplication[]): PlannedRequest[] {
  return applications.flatMap((application) => {
    const publication = firstPublication(application);
    const byApplication = applicationReference(application);
    const requests: PlannedRequest[] = [];
    const ask = (operation: SyncOperation, reference: PlannedRequest['reference'], reason: string | null = null, awaitsPublication = false) =>
      requests.push({
        applicationId: application.id,
        applicationLabel: `${application.office} ${application.applicationNumber}`,
        operation,
        reference,
        label: reference ? labelOf(reference) : null,
        reason: reference ? null : reason,
        awaitsPublication,
      });
    if (publication) {
      ask('full-cycle', { type: 'publication', number: publication, format: 'epodoc' });
      ask('legal', { type: 'publication', number: publication, format: 'epodoc' });
    } else {
      const reason = ASKED_BY_APPLICATION.has(application.office)
        ? `no publication number, and OPS does not take the application number ${application.applicationNumber} in this form`
        : `no publication number, and OPS is not asked by a ${application.office} application number`;
      ask('full-cycle', byApplication, reason);
      ask('legal', null, 'not published yet', byApplication !== null);
    }
    if (application.office === 'EP' && byApplication) {
      // The Register takes epodoc application numbers only (OPS reference guide 3.4).
      ask('register-biblio', byApplication);
      ask('register-events', byApplication);
      ask('register-procedural-steps', byApplication);
    }
    return requests;
  });
}

/**
 * The publication OPS is asked by, in epodoc form: the office and the number without separators
 * (`3071234` of an FR application → FR3071234, `WO2019/123456` → WO2019123456, `2021/0123456` of a
 * US one → US20210123456). The first publication of the application names it; the full cycle brings the rest.
 */
function firstPublication(application: SyncedApplication): string | null {
  const first = [...application.publications].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  return first ? epodoc(application.office, first.number) : null;
}

/** EP `10167109.1` → EP10167109 (no check digit), FR `FR1851234`, PCT/FR2018/051234 → WO2018FR051234. */
function applicationReference(application: SyncedApplication): PlannedRequest['reference'] {
  if (!ASKED_BY_APPLICATION.has(application.office)) return null;
  const text = application.applicationNumber.toUpperCase().replace(/\s+/g, '');
  if (application.office === 'WO') {
    const pct = /^PCT\/?([A-Z]{2})\/?(\d{4})\/?(\d{1,6})$/.exec(text);
    return pct ? { type: 'application', number: `WO${pct[2]}${pct[1]}${pct[3]!.padStart(6, '0')}`, format: 'epodoc' } : null;
  }
  const number = epodoc(application.office, text.replace(/\.\d$/, ''));
  return /^[A-Z]{2}\d+$/.test(number) ? { type: 'application', number, format: 'epodoc' } : null;
}

/** `EP2400812`, or `application EP10167109`. */
export function labelOf(reference: OpsReference & object): string {
  return `${reference.type === 'application' ? 'application ' : ''}${reference.number}`;
}

function epodoc(office: string, number: string): string {
  const compact = number.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.startsWith(office) ? compact : `${office}${compact}`;
}
