import type { ApiError } from '../../api/client.ts';
import { apiMessageText, errorText, summaryItems } from '../../api/error-text.ts';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import type { SummaryItem } from '../../ui/ErrorSummary.tsx';

/*
 * A page can hold several small forms with the same API fields (an event form per application, a
 * dialog): each names its fields under a prefix (`events-<id>.date`), so every control id stays unique
 * and the error summary still links to the right one.
 */

export interface FormFailure {
  message: string;
  items: SummaryItem[];
}

export function prefixed(prefix: string, path: string): string {
  return `${prefix}.${path}`;
}

/** The refusal's message and its field issues, each pointing at the prefixed field. */
export function failureOf(t: Translate, failure: ApiError | null, labels: Partial<Record<string, MessageKey>>, prefix: string): FormFailure | null {
  if (!failure) return null;
  return {
    message: errorText(t, failure),
    items: summaryItems(failure, labels, t).map((item) => ({ ...item, path: prefixed(prefix, item.path) })),
  };
}

/** Field errors by prefixed path, in the reader's language. */
export function fieldErrorsOf(t: Translate, errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [prefixed(prefix, path), apiMessageText(t, message)]));
}
