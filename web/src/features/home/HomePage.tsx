import type { PortfolioSummary } from '#core/portfolio';
import { api } from '../../api/client.ts';
import { ResourceStatus } from '../../api/ResourceStatus.tsx';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { BarChart } from '../../ui/BarChart.tsx';
import { useUser } from '../auth/SessionProvider.tsx';
import { DeadlinesCard } from './DeadlinesCard.tsx';
import { SchoolTable } from './SchoolTable.tsx';

/** The portfolio at a glance: totals, each school's inventions and assets, filings and publications by year. */
export function HomePage() {
  const { t, formatNumber } = useI18n();
  const user = useUser();
  const summary = useResource('/api/portfolio/summary', () => api.get<PortfolioSummary>('/api/portfolio/summary'));
  if (summary.state !== 'ready') return <ResourceStatus resource={summary} />;
  const { totals, bySchool, byYear } = summary.data;
  const cards = [
    { label: t('home.inventions'), value: totals.inventions, to: '/inventions' },
    { label: t('home.patentFamilies'), value: totals.patentFamilies, to: '/families' },
    { label: t('home.software'), value: totals.software, to: null },
    { label: t('home.knowHow'), value: totals.knowHow, to: null },
    { label: t('home.agreements'), value: totals.agreements, to: '/agreements' },
    { label: t('home.startups'), value: totals.startups, to: '/startups' },
  ];
  const years = [...byYear].sort((a, b) => a.year - b.year);

  return (
    <div className="home">
      <h1 id="page-title">{t('home.title')}</h1>
      <p className="lede">{t('home.welcome', { name: user.displayName })}</p>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="visually-hidden">
          {t('home.totals')}
        </h2>
        <ul className="cards">
          {cards.map((card) => (
            <li key={card.label} className="card">
              <span className="card-value">{formatNumber(card.value)}</span>
              <span className="card-label">{card.to ? <Link to={card.to}>{card.label}</Link> : card.label}</span>
            </li>
          ))}
        </ul>
      </section>
      <DeadlinesCard />
      <section aria-labelledby="years-title" className="panel">
        <h2 id="years-title">{t('home.byYear')}</h2>
        {years.length === 0 ? (
          <p className="muted">{t('home.noFilings')}</p>
        ) : (
          <BarChart
            title={t('home.chartTitle')}
            description={t('home.chartDescription', { from: years[0]?.year ?? '', to: years.at(-1)?.year ?? '' })}
            categories={years.map((row) => String(row.year))}
            series={[
              { label: t('home.filings'), values: years.map((row) => row.filings) },
              { label: t('home.priorityFilings'), values: years.map((row) => row.priorityFilings) },
              { label: t('home.publications'), values: years.map((row) => row.publications) },
            ]}
            format={(value) => formatNumber(value)}
            tableLabel={t('home.chartData')}
            categoryHeader={t('home.year')}
          />
        )}
      </section>
      <section aria-labelledby="schools-title" className="panel">
        <h2 id="schools-title">{t('home.bySchool')}</h2>
        <SchoolTable rows={bySchool} />
      </section>
    </div>
  );
}
