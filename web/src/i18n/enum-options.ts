import type { Option } from '../ui/Select.tsx';
import type { MessageKey, Translate } from './i18n.tsx';

/** The label of an API enumeration value: `enumLabel(t, 'inventionStatus', 'draft')`; a test checks every value has one. */
export function enumLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  return t(`${prefix}.${value}` as MessageKey);
}

export function enumOptions(t: Translate, prefix: string, values: readonly string[]): Option[] {
  return values.map((value) => ({ value, label: enumLabel(t, prefix, value) }));
}
