import { useState } from 'react';
import type { CostPeriod, FamilyCostsAnswer } from '#core/fees/fee-forecast';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { type Resource, useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { feeLabel } from './fee-text.ts';
import { formatMoney } from './money.ts';
import { MoneyTotals } from './MoneyTotals.tsx';
import { ScheduleTable } from './ScheduleTable.tsx';
import { VerifyMark } from './VerifyMark.tsx';
import './forecast.css';

export function useFamilyCosts(familyId: string, version: number): Resource<FamilyCostsAnswer> {
  return useResource(`/api/families/${familyId}/costs#${version}`, () => api.get<FamilyCostsAnswer>(`/api/families/${familyId}/costs`));
}

type PeriodName = 'toDate' | 'next5Years' | 'life';
const periods: readonly PeriodName[] = ['toDate', 'next5Years', 'life'];

/**
 * A family's renewal costs: paid to date, over the next 5 years and over its life, per currency, each fee
 * with its schedule and `[verify]` mark, the fees the data cannot price, and the schedules used.
 */
export function FamilyCosts({ costs }: { costs: Resource<FamilyCostsAnswer> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [period, setPeriod] = useState<PeriodName>('next5Years');
  if (costs.state === 'failed') return <Notice tone="error">{errorText(t, costs.error)}</Notice>;
  if (costs.state === 'loading') return <Loading label={t('ui.loading')} />;
  const answer = costs.data.costs;
  const shown: CostPeriod = answer[period];
  const unverified = t('forecast.verifyTotal');

  return (
    <>
      <ul className="cost-cards">
        {periods.map((name) => (
          <li key={name} className="card">
            <span className="card-label">{t(`forecast.period.${name}`)}</span>
            <MoneyTotals totals={answer[name].totals} verifySource={unverified} />
            <span className="muted small">{t('forecast.feeCount', { count: formatNumber(answer[name].lines.length) })}</span>
          </li>
        ))}
      </ul>
      <div className="segmented" role="group" aria-label={t('forecast.linesOf')}>
        {periods.map((name) => (
          <Button key={name} variant={period === name ? 'primary' : 'secondary'} aria-pressed={period === name} onClick={() => setPeriod(name)}>
            {t(`forecast.period.${name}`)}
          </Button>
        ))}
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('forecast.linesCaption', { period: t(`forecast.period.${period}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('docket.due')}</th>
              <th scope="col">{t('family.applicationNumber')}</th>
              <th scope="col">{t('forecast.fee')}</th>
              <th scope="col" className="numeric">
                {t('forecast.amount')}
              </th>
              <th scope="col">{t('forecast.schedule')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.lines.length === 0 ? (
              <tr>
                <td colSpan={5} className="empty">
                  {t('forecast.noFees')}
                </td>
              </tr>
            ) : (
              shown.lines.map((line) => (
                <tr key={`${line.applicationId}-${line.kind}-${line.year}`}>
                  <td className="nowrap">{formatDate(line.due)}</td>
                  <td className="mono nowrap">{line.applicationNumber}</td>
                  <td>
                    {feeLabel(t, line, formatNumber)}
                    {line.note && (
                      <div className="muted small" lang="en">
                        {line.note}
                      </div>
                    )}
                  </td>
                  <td className="numeric nowrap">
                    {formatMoney(formatNumber, line.amount, line.currency)}
                    {line.verify && (
                      <>
                        {' '}
                        <VerifyMark source={line.source} />
                      </>
                    )}
                  </td>
                  <td className="mono small">{line.schedule}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {shown.unknown.length > 0 && (
        <details className="fold">
          <summary>{t('forecast.unknownFees', { count: formatNumber(shown.unknown.length) })}</summary>
          <ul>
            {shown.unknown.map((fee, index) => (
              <li key={`${fee.applicationId}-${fee.kind}-${fee.year ?? index}`}>
                {feeLabel(t, fee, formatNumber)} — <span className="mono">{fee.applicationNumber}</span>
                {fee.due && ` — ${formatDate(fee.due)}`} — <span lang="en">{fee.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="fold">
        <summary>{t('forecast.schedulesUsed', { count: formatNumber(costs.data.schedules.length) })}</summary>
        <ScheduleTable schedules={costs.data.schedules} />
      </details>
      <details className="fold">
        <summary>{t('forecast.assumptions')}</summary>
        <ul lang="en">
          {answer.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
