import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/i18n.tsx';
import { apiMessageText, labelOfPath, summaryItems } from './error-text.ts';
import { toApiError } from './client.ts';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('fr', key, vars);

describe('API errors in the reader’s language', () => {
  it('translates the schema’s usual reasons and keeps the others as they come', () => {
    expect(apiMessageText(t, 'is required')).toBe('est obligatoire');
    expect(apiMessageText(t, 'must be a UUID; must be a date YYYY-MM-DD')).toBe('choisissez une valeur; doit être une date');
    expect(apiMessageText(t, 'lists person 42 twice')).toBe('lists person 42 twice');
  });

  it('names a nested field with the form’s labels and a 1-based row number', () => {
    const labels: Record<string, MessageKey> = { inventors: 'invention.inventors', contribution: 'invention.contribution' };
    expect(labelOfPath('inventors.1.contribution', labels, t)).toBe('Inventeurs › 2 › Contribution');
    expect(labelOfPath('unknownField', labels, t)).toBe('unknownField');
  });

  it('lists one summary item per issue, pointing at its field', () => {
    const error = toApiError(400, { error: { kind: 'invalid', message: 'x', issues: [{ path: 'title', message: 'is required' }] } });
    expect(summaryItems(error, { title: 'common.title' }, t)).toEqual([{ path: 'title', label: 'Titre', message: 'est obligatoire' }]);
    expect(summaryItems(null, {}, t)).toEqual([]);
  });
});
