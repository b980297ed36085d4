import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { useTaskSummary } from '../docket/docket-api.ts';

/** The home page's reminder: how many deadlines are overdue and how many fall due within 30 days. */
export function DeadlinesCard() {
  const { t, formatNumber } = useI18n();
  const summary = useTaskSummary();
  const total = summary.data?.total;
  return (
    <section aria-labelledby="deadlines-card-title" className="panel deadlines-card">
      <h2 id="deadlines-card-title">{t('docket.cardTitle')}</h2>
      {summary.state === 'failed' ? (
        <p className="muted">{t('error.internal')}</p>
      ) : (
        <ul className="cards">
          <li className={`card ${total && total.overdue > 0 ? 'card-alert' : ''}`}>
            <span className="card-value">{total ? formatNumber(total.overdue) : '…'}</span>
            <span className="card-label">
              <Link to="/deadlines?view=overdue">
                {total && total.overdue > 0 && <span aria-hidden="true">⚠ </span>}
                {t('docket.view.overdue')}
              </Link>
            </span>
          </li>
          <li className="card">
            <span className="card-value">{total ? formatNumber(total.dueIn30) : '…'}</span>
            <span className="card-label">
              <Link to="/deadlines?view=due30">{t('docket.view.due30')}</Link>
            </span>
          </li>
        </ul>
      )}
      <p>
        <Link to="/deadlines">{t('docket.openPage')}</Link>
      </p>
    </section>
  );
}
