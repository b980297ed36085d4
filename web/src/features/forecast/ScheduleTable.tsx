import type { ScheduleInfo } from '#core/fees/fee-table';
import { useI18n } from '../../i18n/i18n.tsx';

/** The fee schedules behind the amounts, each with its sources and whether it still needs checking. */
export function ScheduleTable({ schedules }: { schedules: readonly ScheduleInfo[] }) {
  const { t, formatDate } = useI18n();
  if (schedules.length === 0) return <p className="muted">{t('ui.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('forecast.schedules')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.schedule')}</th>
            <th scope="col">{t('forecast.feeOffice')}</th>
            <th scope="col">{t('forecast.fee')}</th>
            <th scope="col">{t('forecast.validFrom')}</th>
            <th scope="col">{t('forecast.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {schedules.map((schedule) => (
            <tr key={schedule.id}>
              <th scope="row" className="mono small">
                {schedule.id}
                {schedule.verify && <div className="verify">[{t('forecast.verify')}]</div>}
              </th>
              <td>
                {schedule.office} ({schedule.currency})
              </td>
              <td>{schedule.fee}</td>
              <td className="nowrap">{formatDate(schedule.validFrom)}</td>
              <td>
                <ul className="sources" lang="en">
                  {schedule.sources.map((source) => (
                    <li key={source}>{source}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
