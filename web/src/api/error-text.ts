import type { MessageKey, Translate } from '../i18n/i18n.tsx';
import type { SummaryItem } from '../ui/ErrorSummary.tsx';
import type { ApiError } from './client.ts';

/** A refusal in the reader's language; the API's own message where it names a rule (invalid, conflict). */
export function errorText(t: Translate, error: ApiError): string {
  switch (error.kind) {
    case 'invalid':
      return t('error.invalid');
    case 'conflict':
      return t('error.conflict', { message: error.message });
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.notFound');
    case 'unauthenticated':
      return t('error.unauthenticated');
    case 'too_large':
      return t('error.tooLarge', { message: error.message });
    case 'network':
      return t('error.network');
    case 'internal':
      return t('error.internal');
  }
}

/** The API's usual reasons (core's schema messages), in the reader's language; others are shown as they come. */
const knownMessages: [RegExp, MessageKey][] = [
  [/^is required$/, 'apiMessage.required'],
  [/^must be a UUID$/, 'apiMessage.choose'],
  [/^Invalid option/, 'apiMessage.choose'],
  [/^Invalid input: expected \w+, received null$/, 'apiMessage.required'],
  [/^must be a date YYYY-MM-DD$/, 'apiMessage.date'],
  [/^must be a number$/, 'apiMessage.number'],
  [/^must be greater than 0$/, 'apiMessage.positive'],
  [/^must be at most 100$/, 'apiMessage.atMost100'],
  [/^must have at most two decimals$/, 'apiMessage.twoDecimals'],
  [/^(contributions|shares) must sum to 100$/, 'apiMessage.sum100'],
  [/^needs at least one/, 'apiMessage.atLeastOne'],
  [/^must be an e-mail address$/, 'apiMessage.email'],
];

export function apiMessageText(t: Translate, message: string): string {
  return message
    .split('; ')
    .map((part) => {
      const known = knownMessages.find(([pattern]) => pattern.test(part));
      return known ? t(known[1]) : part;
    })
    .join('; ');
}

/** `inventors.1.contribution` → "Inventors 2 — Contribution", with the form's own labels. */
export function labelOfPath(path: string, labels: Partial<Record<string, MessageKey>>, t: Translate): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : labels[part] ? t(labels[part]) : part))
    .join(' › ');
}

export function summaryItems(error: ApiError | null, labels: Partial<Record<string, MessageKey>>, t: Translate): SummaryItem[] {
  if (!error) return [];
  return error.issues.map((issue) => ({ path: issue.path, label: labelOfPath(issue.path, labels, t), message: apiMessageText(t, issue.message) }));
}
