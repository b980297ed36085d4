import { type FormEvent, useState } from 'react';
import { ApiError, fieldErrorsOf } from './client.ts';

export interface Submission {
  submit: (event: FormEvent) => void;
  isSubmitting: boolean;
  /** The API's refusal, if the last attempt failed. */
  failure: ApiError | null;
  /** Field errors by API path (`inventors.0.contribution`). */
  errors: Record<string, string>;
}

/** Sends a form to the API and keeps what the API said was wrong, field by field. */
export function useSubmit<T>(send: () => Promise<T>, onDone: (result: T) => void): Submission {
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    setIsSubmitting(true);
    send().then(
      (result) => {
        setIsSubmitting(false);
        setFailure(null);
        onDone(result);
      },
      (error: unknown) => {
        setIsSubmitting(false);
        setFailure(error instanceof ApiError ? error : new ApiError('internal', 0, String(error)));
      },
    );
  };

  return { submit, isSubmitting, failure, errors: failure ? fieldErrorsOf(failure) : {} };
}
