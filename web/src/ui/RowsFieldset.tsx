import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { fieldId } from './Field.tsx';

interface RowsFieldsetProps<T> {
  path: string;
  legend: string;
  rows: readonly T[];
  renderRow: (row: T, index: number) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  addLabel: string;
  /** The accessible name of the remove button of row `index` (1-based for people). */
  removeLabel: (index: number) => string;
  error?: string | undefined;
  required?: boolean;
}

/** A repeatable group of fields (inventors, owners, parties…), with add and remove buttons. */
export function RowsFieldset<T>({ path, legend, rows, renderRow, onAdd, onRemove, addLabel, removeLabel, error, required }: RowsFieldsetProps<T>) {
  const id = fieldId(path);
  return (
    <fieldset className={`rows ${error ? 'field-invalid' : ''}`.trim()} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {legend}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {rows.map((row, index) => (
        <div className="row" key={index}>
          <div className="row-fields">{renderRow(row, index)}</div>
          <Button variant="quiet" className="row-remove" onClick={() => onRemove(index)} aria-label={removeLabel(index + 1)}>
            ✕
          </Button>
        </div>
      ))}
      <Button onClick={onAdd}>{addLabel}</Button>
    </fieldset>
  );
}
