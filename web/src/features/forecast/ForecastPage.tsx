import type { PortfolioBudget } from '#core/fees/fee-forecast';
import type { Currency } from '#core/fees/fee-table';
import { api, toQueryString } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSearchParams } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { downloadCsv, toCsv } from '../../ui/csv.ts';
import { CheckboxField } from '../../ui/Field.tsx';
import { Loading, Notice } from '../../ui/Notice.tsx';
import { SelectField } from '../../ui/Select.tsx';
import { StackedBarChart } from '../../ui/StackedBarChart.tsx';
import { type Breakdown, budgetCsvRows, pivotBudget } from './budget-table.ts';
import { BudgetTable } from './BudgetTable.tsx';
import { formatCompactMoney, formatMoney } from './money.ts';
import { MoneyTotals } from './MoneyTotals.tsx';
import { ScheduleTable } from './ScheduleTable.tsx';
import './forecast.css';

const currencies: readonly Currency[] = ['EUR', 'USD'];

/**
 * The renewal budget of the portfolio the reader may open over the next calendar years, per school or
 * per office, in each currency apart: a table (years as columns), a stacked bar chart with its data,
 * the schedules the amounts come from, and a CSV export.
 */
export function ForecastPage() {
  const { t, lang, formatNumber } = useI18n();
  const [search, setSearch] = useSearchParams();
  const currency: Currency = search.get('currency') === 'USD' ? 'USD' : 'EUR';
  const by: Breakdown = search.get('by') === 'office' ? 'office' : 'school';
  const options = {
    inpiReducedRate: search.get('inpiReducedRate') === 'false' ? 'false' : 'true',
    usptoEntity: search.get('usptoEntity') ?? 'large',
    afterGrantEP: search.get('afterGrantEP') === 'unitary' ? 'unitary' : 'none',
  };
  const budget = useResource(`/api/portfolio/forecast${toQueryString(options)}`, () => api.get<PortfolioBudget>('/api/portfolio/forecast', options));
  const shown = budget.data ?? (budget.state === 'loading' ? budget.stale : null);
  const money = (value: number) => formatMoney(formatNumber, value, currency);

  const exportCsv = (data: PortfolioBudget) => {
    const header = [t('forecast.year'), t('common.school'), t('family.office'), t('forecast.currency'), t('forecast.amount'), t('forecast.fees'), t('forecast.verify'), t('forecast.unknownCount')];
    // French spreadsheets split on semicolons, English ones on commas.
    downloadCsv('renewal-budget.csv', toCsv(budgetCsvRows(data, header), lang === 'fr' ? ';' : ','));
  };

  return (
    <section className="forecast" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('forecast.title')}</h1>
        <div className="page-actions">
          <Button onClick={() => shown && exportCsv(shown)} disabled={!shown || shown.rows.length === 0}>
            {t('ui.exportCsv')}
          </Button>
        </div>
      </div>
      <p className="lede">{t('forecast.intro')}</p>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('forecast.currency')}>
          {currencies.map((code) => (
            <Button key={code} variant={currency === code ? 'primary' : 'secondary'} aria-pressed={currency === code} onClick={() => setSearch({ currency: code === 'EUR' ? null : code })}>
              {code}
            </Button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('forecast.breakdown')}>
          {(['school', 'office'] as const).map((value) => (
            <Button key={value} variant={by === value ? 'primary' : 'secondary'} aria-pressed={by === value} onClick={() => setSearch({ by: value === 'school' ? null : value })}>
              {t(`forecast.by.${value}`)}
            </Button>
          ))}
        </div>
        <CheckboxField
          path="forecast-inpi-reduced"
          label={t('forecast.inpiReducedRate')}
          checked={options.inpiReducedRate === 'true'}
          onChange={(checked) => setSearch({ inpiReducedRate: checked ? null : 'false' })}
        />
        <SelectField
          path="forecast-uspto-entity"
          label={t('forecast.usptoEntity')}
          value={options.usptoEntity}
          options={(['large', 'small', 'micro'] as const).map((value) => ({ value, label: t(`forecast.entity.${value}`) }))}
          onChange={(value) => setSearch({ usptoEntity: value === 'large' ? null : value })}
        />
        <SelectField
          path="forecast-after-grant"
          label={t('forecast.afterGrantEP')}
          value={options.afterGrantEP}
          options={(['none', 'unitary'] as const).map((value) => ({ value, label: t(`forecast.afterGrant.${value}`) }))}
          onChange={(value) => setSearch({ afterGrantEP: value === 'none' ? null : value })}
        />
      </div>
      {budget.state === 'failed' && <Notice tone="error">{errorText(t, budget.error)}</Notice>}
      {!shown && budget.state === 'loading' && <Loading label={t('ui.loading')} />}
      {shown && <BudgetView budget={shown} currency={currency} by={by} money={money} />}
    </section>
  );
}

function BudgetView({ budget, currency, by, money }: { budget: PortfolioBudget; currency: Currency; by: Breakdown; money: (value: number) => string }) {
  const { t, formatNumber, formatDate } = useI18n();
  const pivot = pivotBudget(budget, by, currency);
  const firstYear = budget.years[0];
  const yearLabels = budget.years.map((year, index) => (index === 0 && firstYear && firstYear.from.slice(5) !== '01-01' ? t('forecast.yearFrom', { year: year.year, date: formatDate(year.from) }) : String(year.year)));
  const groupHeader = by === 'school' ? t('common.school') : t('family.office');

  return (
    <>
      <ul className="cost-cards">
        {currencies.map((code) => {
          const total = budget.totals.all.find((item) => item.currency === code);
          return (
            <li key={code} className="card">
              <span className="card-label">{t('forecast.totalIn', { currency: code, years: budget.years.length })}</span>
              <MoneyTotals totals={[total ?? { currency: code, amount: 0, fees: 0, verify: false }]} verifySource={t('forecast.verifyTotal')} />
              <span className="muted small">{t('forecast.feeCount', { count: formatNumber(total?.fees ?? 0) })}</span>
            </li>
          );
        })}
        <li className="card">
          <span className="card-label">{t('forecast.families')}</span>
          <span className="card-value">{formatNumber(budget.families)}</span>
        </li>
      </ul>
      <section aria-labelledby="budget-title" className="panel">
        <h2 id="budget-title">{t(`forecast.tableTitle.${by}`, { currency })}</h2>
        <BudgetTable pivot={pivot} yearLabels={yearLabels} groupHeader={groupHeader} money={money} caption={t(`forecast.tableTitle.${by}`, { currency })} />
        {pivot.rows.length > 0 && (
          <StackedBarChart
            title={t(`forecast.chartTitle.${by}`, { currency })}
            description={t('forecast.chartDescription')}
            categories={yearLabels}
            segments={pivot.rows.map((row) => ({ label: row.label, values: row.values }))}
            format={money}
            formatAxis={(value) => formatCompactMoney(formatNumber, value, currency)}
            tableLabel={t('home.chartData')}
            categoryHeader={t('forecast.year')}
            totalHeader={t('home.total')}
          />
        )}
      </section>
      {budget.unknown.length > 0 && (
        <section aria-labelledby="unknown-title" className="panel">
          <h2 id="unknown-title">{t('forecast.unknownTitle')}</h2>
          <ul>
            {budget.unknown.map((item) => (
              <li key={item.reason}>
                <strong>{formatNumber(item.count)}</strong> — <span lang="en">{item.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="schedules-title" className="panel">
        <h2 id="schedules-title">{t('forecast.schedules')}</h2>
        <p className="muted">{t('forecast.schedulesIntro')}</p>
        <ScheduleTable schedules={budget.schedules} />
        <details className="fold">
          <summary>{t('forecast.assumptions')}</summary>
          <ul lang="en">
            {budget.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}
