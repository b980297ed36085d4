import type { Application } from '#core/asset';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

/** A family's applications, one row each, with their priority claims and publications. */
export function ApplicationTable({ applications }: { applications: readonly Application[] }) {
  const { t, formatDate } = useI18n();
  if (applications.length === 0) return <p className="muted">{t('ui.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('family.office')}</th>
            <th scope="col">{t('family.applicationNumber')}</th>
            <th scope="col">{t('family.filingDate')}</th>
            <th scope="col">{t('family.route')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('family.priorities')}</th>
            <th scope="col">{t('family.publications')}</th>
            <th scope="col">{t('family.grant')}</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((a) => (
            <tr key={a.id}>
              <td>{a.office}</td>
              <td className="mono">{a.applicationNumber}</td>
              <td>{formatDate(a.filingDate)}</td>
              <td>{enumLabel(t, 'filingRoute', a.route)}</td>
              <td>
                <StatusBadge value={a.status} label={enumLabel(t, 'applicationStatus', a.status)} />
              </td>
              <td>
                {a.priorities.map((p) => (
                  <div key={`${p.country}${p.number}`}>
                    {p.country} {p.number} ({formatDate(p.date)})
                  </div>
                ))}
              </td>
              <td>
                {a.publications.map((p) => (
                  <div key={`${p.number}${p.kind}`} className="mono">
                    {p.number} {p.kind} ({formatDate(p.date)})
                  </div>
                ))}
              </td>
              <td>{a.grantNumber ? `${a.grantNumber} (${formatDate(a.grantDate)})` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
