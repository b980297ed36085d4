import { useI18n } from '../../i18n/i18n.tsx';
import type { Pivot } from './budget-table.ts';
import { VerifyMark } from './VerifyMark.tsx';

interface BudgetTableProps {
  pivot: Pivot;
  yearLabels: readonly string[];
  groupHeader: string;
  money: (value: number) => string;
  caption: string;
}

/** The budget in one currency: a row per school or office, a column per year, totals on the right and below. */
export function BudgetTable({ pivot, yearLabels, groupHeader, money, caption }: BudgetTableProps) {
  const { t, formatNumber } = useI18n();
  if (pivot.rows.length === 0) return <p className="muted">{t('forecast.noFees')}</p>;
  return (
    <div className="table-wrap">
      <table className="budget-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            {yearLabels.map((label) => (
              <th key={label} scope="col" className="numeric">
                {label}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('home.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {pivot.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {row.unknownFees > 0 && <div className="muted small">{t('forecast.unknownInRow', { count: formatNumber(row.unknownFees) })}</div>}
              </th>
              {row.values.map((value, index) => (
                <td key={pivot.years[index]} className="numeric nowrap">
                  {value === 0 ? '—' : money(value)}
                </td>
              ))}
              <td className="numeric nowrap">
                <strong>{money(row.total)}</strong>
                {row.verify && (
                  <>
                    {' '}
                    <VerifyMark source={t('forecast.verifyTotal')} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('home.total')}</th>
            {pivot.totals.map((value, index) => (
              <td key={pivot.years[index]} className="numeric nowrap">
                {value === 0 ? '—' : money(value)}
              </td>
            ))}
            <td className="numeric nowrap">
              {money(pivot.grandTotal)}
              {pivot.verify && (
                <>
                  {' '}
                  <VerifyMark source={t('forecast.verifyTotal')} focusable />
                </>
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
