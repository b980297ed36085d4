import { fileURLToPath } from 'node:url';
import { parseOpsNumber, type OpsReferenceType } from './ops-endpoints.ts';
import type { OpsService } from './ops-throttle.ts';

/*
 * Which recorded OPS answer the replay server gives for which request. The files are the real
 * answers in ../readers/fixtures/epo-ops-xml (their sources and licences in FIXTURES.md); each is
 * served for the request it answered and for the other spellings of the same number.
 */

export const OPS_FIXTURES = fileURLToPath(new URL('../readers/fixtures/epo-ops-xml/', import.meta.url));

const DEV = 'patent-dev_epo-ops/';
const EXAMPLES = `${DEV}demo/examples/`;
const CLIENT = 'parkerhancock_patent_client/epo/ops/';

export type ReplayRoute = 'biblio' | 'full-cycle' | 'family' | 'family-biblio' | 'legal' | 'register-biblio' | 'register-events' | 'register-procedural-steps';

/** Per route, the publication (country and number, no kind) and its recorded answer. */
const ANSWERS: Readonly<Record<ReplayRoute, Readonly<Record<string, string>>>> = {
  biblio: {
    EP2400812: `${DEV}testdata/biblio.xml`,
    US2006142694: `${CLIENT}published/test/biblio_example.xml`,
    JP2005533465: `${CLIENT}published/test/biblio_example_2.xml`,
    AU2013290010: `${CLIENT}published/test/biblio_example_3.xml`,
    US2012116137: `${CLIENT}published/test/biblio_example_4.xml`,
  },
  'full-cycle': {
    // Recorded for EP2400812 and EP2533477 asked together: both are in it.
    EP2400812: `${EXAMPLES}get_full_cycle_multiple/response.xml`,
    EP2533477: `${EXAMPLES}get_full_cycle_multiple/response.xml`,
    EP1000000: `${CLIENT}published/test/full_cycle_example.xml`,
  },
  family: { EP1000000: `${CLIENT}family/fixtures/family_input.xml` },
  'family-biblio': { EP2400812: `${EXAMPLES}get_family_with_biblio/response.xml` },
  legal: {
    EP2400812: `${DEV}testdata/legal.xml`,
    EP1000000: `${CLIENT}legal/fixtures/example_1.xml`,
    US10465445: `${CLIENT}legal/fixtures/example_3.xml`,
  },
  'register-biblio': { EP2400812: `${EXAMPLES}get_register_biblio/response.xml` },
  'register-events': { EP2400812: `${EXAMPLES}get_register_events/response.xml` },
  'register-procedural-steps': { EP2400812: `${EXAMPLES}get_register_procedural_steps/response.xml` },
};

/** Application numbers (as OPS writes them, with and without the year) and their publication. */
const APPLICATIONS: Readonly<Record<string, string>> = {
  EP10167109: 'EP2400812',
  EP20100167109: 'EP2400812',
  EP99203729: 'EP1000000',
  EP19990203729: 'EP1000000',
};

/** CQL queries, spaces around operators and case ignored, and their recorded answer. */
const SEARCHES: Readonly<Record<string, string>> = {
  'pa=siemens': `${EXAMPLES}search_with_constituent/response.xml`,
  'applicant="nine energy"': `${CLIENT}published/test/search_example.xml`,
};

/** What a path under `rest-services/` asks for. */
export type ReplayRequest =
  | { kind: 'numbered'; route: ReplayRoute; service: OpsService; type: OpsReferenceType; format: string; input: string }
  | { kind: 'search'; service: OpsService; query: string }
  | { kind: 'unknown'; service: OpsService };

export function replayRequestOf(path: string, search: URLSearchParams): ReplayRequest {
  const [service, type, format, input = '', ...rest] = path.split('/').map((part) => decodeURIComponent(part));
  const tail = rest.join('/');
  if (service === 'published-data' && type === 'search') return { kind: 'search', service: 'search', query: search.get('q') ?? '' };
  if (service === 'register' && type === 'search') return { kind: 'search', service: 'search', query: search.get('q') ?? '' };
  if ((type !== 'publication' && type !== 'application') || !format) return { kind: 'unknown', service: serviceOf(service) };
  const numbered = (route: ReplayRoute): ReplayRequest => ({ kind: 'numbered', route, service: serviceOf(service), type, format, input });
  if (service === 'published-data' && tail === 'biblio') return numbered('biblio');
  if (service === 'published-data' && tail === 'biblio/full-cycle') return numbered('full-cycle');
  if (service === 'family' && tail === '') return numbered('family');
  if (service === 'family' && tail === 'biblio') return numbered('family-biblio');
  // The family with its legal constituent is how the legal events were recorded.
  if ((service === 'family' && tail === 'legal') || (service === 'legal' && tail === '')) return numbered('legal');
  if (service === 'register' && (tail === '' || tail === 'biblio')) return numbered('register-biblio');
  if (service === 'register' && tail === 'events') return numbered('register-events');
  if (service === 'register' && tail === 'procedural-steps') return numbered('register-procedural-steps');
  return { kind: 'unknown', service: serviceOf(service) };
}

/** The recorded answer for a number, or null when none was recorded (OPS: 404 SERVER.EntityNotFound). */
export function numberedAnswer(route: ReplayRoute, type: OpsReferenceType, format: string, input: string): string | null {
  let key: string;
  try {
    // docdb may end with the date (CC.number.KC.date), which does not change the document.
    const number = parseOpsNumber(format === 'docdb' ? input.split('.').slice(0, 3).join('.') : input, type);
    key = `${number.country}${number.number}`;
  } catch {
    return null;
  }
  const publication = type === 'application' ? APPLICATIONS[key] : key;
  return publication ? (ANSWERS[route][publication] ?? null) : null;
}

export function searchAnswer(query: string): string | null {
  const normalised = query.toLowerCase().replace(/\s*(=|within|any|all)\s*/g, '$1').replace(/\s+/g, ' ').trim();
  return SEARCHES[normalised] ?? null;
}

export function contentTypeOf(request: ReplayRequest): string {
  if (request.kind === 'numbered' && request.route.startsWith('register')) return 'application/register+xml';
  if (request.kind === 'numbered' && (request.route === 'biblio' || request.route === 'full-cycle')) return 'application/exchange+xml';
  return 'application/ops+xml';
}

/** The throttled service a request counts against (reference guide 2.3.3). */
function serviceOf(service: string | undefined): OpsService {
  switch (service) {
    case 'published-data':
      return 'retrieval';
    case 'family':
    case 'legal':
      return 'inpadoc';
    default:
      return 'other';
  }
}
