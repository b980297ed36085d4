import type { ReactNode } from 'react';

/** The id of the control for an API field path, so the error summary can link to it (`inventors.0.personId`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  path: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control, a hint and the error for one field, wired together for screen readers. */
export function Field({ path, label, required, error, hint, className = '', children }: FieldProps) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className}`.trim()}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface InputFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  autoComplete?: string;
  step?: string;
  min?: string;
  max?: string;
  className?: string;
}

export function TextField({ value, onChange, type = 'text', autoComplete, step, min, max, ...field }: InputFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          autoComplete={autoComplete}
          step={step}
          min={min}
          max={max}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ value, onChange, ...field }: Omit<InputFieldProps, 'type'>) {
  return (
    <Field {...field}>
      {(control) => <textarea {...control} rows={5} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

export function CheckboxField({ path, label, checked, onChange, error }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void; error?: string | undefined }) {
  const id = fieldId(path);
  return (
    <div className={`field field-checkbox ${error ? 'field-invalid' : ''}`.trim()}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
