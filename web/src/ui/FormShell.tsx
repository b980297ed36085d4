import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button.tsx';
import { ErrorSummary, type SummaryItem } from './ErrorSummary.tsx';
import { Link } from '../router/router.tsx';

interface FormShellProps {
  title: string;
  onSubmit: (event: FormEvent) => void;
  isSubmitting: boolean;
  labels: { save: string; cancel: string; requiredNote: string; errorTitle: string };
  cancelTo: string;
  /** What the API refused, if anything: a message and the fields at fault. */
  failure: { message: string; items: readonly SummaryItem[] } | null;
  children: ReactNode;
}

/** A record's form: its title, the error summary, the fields, and Save / Cancel. */
export function FormShell({ title, onSubmit, isSubmitting, labels, cancelTo, failure, children }: FormShellProps) {
  return (
    <section className="form-page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {failure && <ErrorSummary title={labels.errorTitle} message={failure.message} items={failure.items} />}
      <p className="required-note">{labels.requiredNote}</p>
      <form onSubmit={onSubmit} noValidate>
        {children}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {labels.save}
          </Button>
          <Link to={cancelTo} className="button button-secondary">
            {labels.cancel}
          </Link>
        </div>
      </form>
    </section>
  );
}
