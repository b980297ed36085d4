import { describe, expect, it } from 'vitest';
import { toApiError } from '../../api/client.ts';
import { type MessageKey, translate } from '../../i18n/i18n.tsx';
import { failureOf, fieldErrorsOf } from './form-errors.ts';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('errors of a form among several on a page', () => {
  const refusal = toApiError(400, {
    error: { kind: 'invalid', message: 'x', issues: [{ path: 'reason', message: 'is required when a deadline is waived' }, { path: 'date', message: 'is required' }] },
  });

  it('points each summary item at the prefixed field, with the form’s label', () => {
    const failure = failureOf(t, refusal, { reason: 'docket.resolve.reason' }, 'resolve');
    expect(failure?.message).toBe(t('error.invalid'));
    expect(failure?.items).toEqual([
      { path: 'resolve.reason', label: t('docket.resolve.reason'), message: 'is required when a deadline is waived' },
      { path: 'resolve.date', label: 'date', message: 'is required' },
    ]);
    expect(failureOf(t, null, {}, 'resolve')).toBeNull();
  });

  it('keys field errors by the prefixed path and translates the usual reasons', () => {
    expect(fieldErrorsOf(t, { date: 'must be a date YYYY-MM-DD' }, 'events-1')).toEqual({ 'events-1.date': 'must be a date' });
  });
});
