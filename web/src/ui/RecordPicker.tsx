import { useEffect, useState } from 'react';
import { Field, fieldId } from './Field.tsx';
import type { Option } from './Select.tsx';

interface RecordPickerProps {
  path: string;
  label: string;
  value: string | null;
  /** The label of the current value when the caller knows it; otherwise `resolve` fetches it. */
  valueLabel?: string | undefined;
  search: (text: string) => Promise<Option[]>;
  resolve?: (id: string) => Promise<string>;
  onChange: (value: string | null, label: string) => void;
  searchLabel: string;
  emptyLabel: string;
  required?: boolean;
  error?: string | undefined;
  className?: string;
}

/**
 * Chooses a record (an organisation, a person) among those the API finds for the words typed: a search
 * field and a native select, both plain controls that every keyboard and screen reader handles.
 */
export function RecordPicker({ path, label, value, valueLabel, search, resolve, onChange, searchLabel, emptyLabel, required, error, className }: RecordPickerProps) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [resolved, setResolved] = useState<{ id: string; label: string } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      search(text.trim()).then(
        (found) => isCurrent && setOptions(found),
        () => isCurrent && setOptions([]),
      );
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // `search` is rebuilt on each render; the words typed decide what to load.
  }, [text]);

  useEffect(() => {
    if (!value || valueLabel || !resolve || resolved?.id === value) return;
    let isCurrent = true;
    resolve(value).then(
      (found) => isCurrent && setResolved({ id: value, label: found }),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [value, valueLabel, resolve, resolved]);

  const currentLabel = valueLabel ?? (resolved?.id === value ? resolved.label : value ?? '');
  const shown = value && !options.some((option) => option.value === value) ? [{ value, label: currentLabel }, ...options] : options;

  return (
    <Field path={path} label={label} required={required} error={error} className={`record-picker ${className ?? ''}`.trim()}>
      {(control) => (
        <div className="picker-controls">
          <input
            type="search"
            id={`${fieldId(path)}-search`}
            aria-label={`${searchLabel} — ${label}`}
            placeholder={`${searchLabel}…`}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <select
            {...control}
            value={value ?? ''}
            onChange={(event) => {
              const chosen = shown.find((option) => option.value === event.target.value);
              onChange(chosen ? chosen.value : null, chosen?.label ?? '');
            }}
          >
            <option value="">{emptyLabel}</option>
            {shown.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
