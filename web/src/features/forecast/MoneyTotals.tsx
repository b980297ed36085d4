import type { CurrencyTotal } from '#core/fees/fee-forecast';
import { useI18n } from '../../i18n/i18n.tsx';
import { shownTotals } from './budget-table.ts';
import { formatMoney } from './money.ts';
import { VerifyMark } from './VerifyMark.tsx';

/** Amounts per currency, never converted, each with its `[verify]` mark when a fee in it is unconfirmed. */
export function MoneyTotals({ totals, verifySource }: { totals: readonly CurrencyTotal[]; verifySource: string }) {
  const { formatNumber } = useI18n();
  return (
    <ul className="money-totals">
      {shownTotals(totals).map((total) => (
        <li key={total.currency}>
          <span className="money">{formatMoney(formatNumber, total.amount, total.currency)}</span>
          {total.verify && (
            <>
              {' '}
              <VerifyMark source={verifySource} focusable />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
