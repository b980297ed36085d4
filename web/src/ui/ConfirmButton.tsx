import { useState } from 'react';
import { Button } from './Button.tsx';

interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  cancelLabel: string;
  question: string;
  onConfirm: () => void;
}

/** A destructive action asked twice, in the page rather than in a browser dialog. */
export function ConfirmButton({ label, confirmLabel, cancelLabel, question, onConfirm }: ConfirmButtonProps) {
  const [isAsking, setIsAsking] = useState(false);
  if (!isAsking) {
    return (
      <Button variant="danger" onClick={() => setIsAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <Button variant="danger" onClick={onConfirm} autoFocus>
        {confirmLabel}
      </Button>
      <Button onClick={() => setIsAsking(false)}>{cancelLabel}</Button>
    </span>
  );
}
