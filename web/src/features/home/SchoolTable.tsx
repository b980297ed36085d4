import type { PortfolioSummary } from '#core/portfolio';
import { assetStatuses } from '../../api/enums.ts';
import { enumLabel } from '../../i18n/enum-options.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';

/** One row per school: its inventions, its assets, and the assets in each status, with a total row. */
export function SchoolTable({ rows }: { rows: PortfolioSummary['bySchool'] }) {
  const { t, formatNumber } = useI18n();
  if (rows.length === 0) return <p className="muted">{t('ui.noResults')}</p>;
  const total = (pick: (row: PortfolioSummary['bySchool'][number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('home.bySchool')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.school')}</th>
            <th scope="col" className="numeric">
              {t('home.inventions')}
            </th>
            <th scope="col" className="numeric">
              {t('home.assets')}
            </th>
            {assetStatuses.map((status) => (
              <th key={status} scope="col" className="numeric">
                {enumLabel(t, 'assetStatus', status)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row">
                <Link to={`/families?schoolId=${row.schoolId}`}>{row.schoolName}</Link>
              </th>
              <td className="numeric">{formatNumber(row.inventions)}</td>
              <td className="numeric">{formatNumber(row.assets)}</td>
              {assetStatuses.map((status) => (
                <td key={status} className="numeric">
                  {formatNumber(row.assetsByStatus[status] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('home.total')}</th>
            <td className="numeric">{formatNumber(total((row) => row.inventions))}</td>
            <td className="numeric">{formatNumber(total((row) => row.assets))}</td>
            {assetStatuses.map((status) => (
              <td key={status} className="numeric">
                {formatNumber(total((row) => row.assetsByStatus[status] ?? 0))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
