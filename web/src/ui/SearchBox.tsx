import { useEffect, useId, useRef, useState } from 'react';

interface SearchBoxProps {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  /** Milliseconds of quiet typing before searching. */
  delay?: number;
}

/** A search field that waits for a pause in typing before it searches, and follows the address bar on Back. */
export function SearchBox({ label, value, onSearch, delay = 300 }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);

  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text;
      onSearch(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay, onSearch]);

  return (
    <div className="search-box" role="search" aria-label={label}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} />
    </div>
  );
}
