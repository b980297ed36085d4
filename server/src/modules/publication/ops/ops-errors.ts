/**
 * Why a call to EPO Open Patent Services failed, in terms a caller can act on:
 * - `disabled`: no consumer key and secret are configured, so nothing was sent;
 * - `unauthorized`: OPS refused the consumer key and secret, or a fresh token;
 * - `quota`: the fair-use quota is spent (HTTP 403 with `X-Rejection-Reason`); retrying makes it worse;
 * - `not_found`: OPS has nothing for that number (HTTP 404);
 * - `bad_request`: OPS rejected the request itself (HTTP 400: a malformed number or query);
 * - `forbidden`: any other refusal (HTTP 403 without a quota reason, e.g. `CLIENT.RobotDetected`);
 * - `unavailable`: OPS stayed overloaded or unreachable through every retry allowed;
 * - `failed`: an answer the client does not know what to do with.
 */
export type OpsErrorKind = 'disabled' | 'unauthorized' | 'quota' | 'not_found' | 'bad_request' | 'forbidden' | 'unavailable' | 'failed';

export interface OpsErrorDetails {
  /** The HTTP status of the last answer, when there was one. */
  status?: number | null;
  /** The OPS fault code, e.g. `SERVER.EntityNotFound`. */
  code?: string | null;
  /** `X-Rejection-Reason` of a quota refusal, e.g. `RegisteredQuotaPerWeek`. */
  rejectionReason?: string | null;
  /** How many times the request was sent. */
  attempts?: number;
  url?: string;
}

export class OpsError extends Error {
  override readonly name = 'OpsError';
  readonly kind: OpsErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly rejectionReason: string | null;
  readonly attempts: number;
  readonly url: string | null;

  constructor(kind: OpsErrorKind, message: string, details: OpsErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.rejectionReason = details.rejectionReason ?? null;
    this.attempts = details.attempts ?? 0;
    this.url = details.url ?? null;
  }
}

/** The `<code>` and `<message>` of an OPS error body (`<fault xmlns="http://ops.epo.org">` or `<error>`). */
export interface OpsFault {
  code: string | null;
  message: string | null;
}

/**
 * OPS answers every error in a few lines of XML (reference guide 2.2.3, "OPS errors are always in XML
 * format"); two elements are all that is read, so a pattern does it without a parser.
 */
export function faultOf(body: string): OpsFault {
  const text = body.slice(0, 4096);
  const element = (name: string) => new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(text)?.[1]?.trim() || null;
  return { code: element('code'), message: element('message') ?? element('description') };
}
