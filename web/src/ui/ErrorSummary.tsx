import { useEffect, useRef } from 'react';
import { fieldId } from './Field.tsx';

export interface SummaryItem {
  path: string;
  label: string;
  message: string;
}

/**
 * The problems of a form, listed at its top with links to each field; it takes the focus when it
 * appears so keyboard and screen-reader users land on it (GOV.UK error summary pattern).
 */
export function ErrorSummary({ title, message, items }: { title: string; message?: string; items: readonly SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = message + items.map((item) => item.path + item.message).join('|');

  useEffect(() => {
    ref.current?.focus();
  }, [signature]);

  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      {message && <p>{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <a
                href={`#${fieldId(item.path)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(item.path));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {item.label}
              </a>
              {' — '}
              {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
