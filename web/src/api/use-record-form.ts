import { useState } from 'react';
import type { MessageKey, Translate } from '../i18n/i18n.tsx';
import { navigate } from '../router/router.tsx';
import { api } from './client.ts';
import { apiMessageText, errorText, summaryItems } from './error-text.ts';
import { useSubmit } from './use-submit.ts';

interface RecordFormOptions<Input> {
  /** The collection, e.g. `/api/inventions`; the page of the saved record is the same path without `/api`. */
  path: string;
  /** The record edited; null to create one. */
  id: string | null;
  initial: Input;
  /** The field labels, by API field name, for the error summary. */
  labels: Partial<Record<string, MessageKey>>;
  t: Translate;
  /** The body sent, when the form keeps more than the API takes (the names shown beside picked ids). */
  toInput?: (values: Input) => unknown;
}

/** The state of a create or edit form: values, submission, field errors and what the form shell shows. */
export function useRecordForm<Input extends object>({ path, id, initial, labels, t, toInput = (values) => values }: RecordFormOptions<Input>) {
  const [values, setValues] = useState<Input>(initial);
  const pagePath = path.replace(/^\/api/, '');
  const submission = useSubmit(
    () => (id ? api.put<{ id: string }>(`${path}/${id}`, toInput(values)) : api.post<{ id: string }>(path, toInput(values))),
    (saved) => navigate(`${pagePath}/${saved.id}`),
  );
  const { failure } = submission;

  return {
    values,
    setValues,
    set<K extends keyof Input>(key: K, value: Input[K]) {
      setValues((current) => ({ ...current, [key]: value }));
    },
    errors: Object.fromEntries(Object.entries(submission.errors).map(([path, message]) => [path, apiMessageText(t, message)])),
    shell: {
      onSubmit: submission.submit,
      isSubmitting: submission.isSubmitting,
      cancelTo: id ? `${pagePath}/${id}` : pagePath,
      labels: { save: t('form.save'), cancel: t('form.cancel'), requiredNote: t('form.requiredNote'), errorTitle: t('form.errorTitle') },
      failure: failure ? { message: errorText(t, failure), items: summaryItems(failure, labels, t) } : null,
    },
  };
}

/** Text typed in a field of a nullable column: empty means null. */
export function orNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** A number typed in a field; empty or unreadable becomes null, which the API refuses by name where a number is required. */
export function numberOrNull(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
