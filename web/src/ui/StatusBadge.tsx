/** A status as a small label; the value picks its colour, the label is what people read. */
export function StatusBadge({ value, label }: { value: string; label: string }) {
  return <span className={`badge badge-${value}`}>{label}</span>;
}
