import { Field } from './Field.tsx';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** The label of the empty choice; without it the field has no empty choice. */
  emptyLabel?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  className?: string;
}

export function SelectField({ value, options, onChange, emptyLabel, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
