import type { FamilyCostsAnswer, ForecastOptions, PortfolioBudget } from '#core/fees/fee-forecast';
import { isFinalStatus } from '#core/fees/cost-family';
import { familyCosts, savingsIfAbandoned } from '#core/fees/family-costs';
import { describeSchedules } from '#core/fees/fee-table';
import { createBudget } from '#core/fees/portfolio-budget';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import type { AssetRepository } from '../asset/asset.repository.ts';
import type { ForecastRepository } from './forecast.repository.ts';

/**
 * Renewal-fee costs and budgets, read-only. Everyone may ask; each answer covers only the families the
 * actor may open (`visibleAssets`), and a family they may not open answers 404.
 */
export function createForecastService(deps: { assets: AssetRepository; forecast: ForecastRepository; clock: Clock }) {
  const { assets, forecast, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  return {
    /** A family's costs to date, over 5 years and for life, and what abandoning each live application would save. */
    async familyCosts(actor: Actor, id: string, options: ForecastOptions): Promise<FamilyCostsAnswer> {
      const scope = visibleAssets(actor);
      const record = await assets.findById(id, scope);
      if (!record || record.asset.kind !== 'patent_family') throw DomainError.notFound('patent family', id);
      const on = today();
      const family = { status: record.asset.status, applications: record.applications };
      const costs = familyCosts(family, on, options);
      const savings = record.applications
        .filter((application) => !isFinalStatus(application.status))
        .map((application) => ({
          applicationId: application.id,
          office: application.office,
          applicationNumber: application.applicationNumber,
          savings: savingsIfAbandoned(family, [application.id], on, options),
        }));
      return {
        family: {
          id: record.asset.id,
          title: record.asset.title,
          reference: record.asset.reference,
          schoolId: record.asset.schoolId,
          schoolName: record.schoolName,
        },
        costs,
        savingsIfAbandoned: savings,
        schedules: describeSchedules(costs.life.lines.map((line) => line.schedule)),
      };
    },

    /** The budget of every family the actor may open, per calendar year × school × office, per currency. */
    async portfolioForecast(actor: Actor, options: ForecastOptions & { years: number }): Promise<PortfolioBudget> {
      const scope = visibleAssets(actor);
      const budget = createBudget(today(), options);
      for await (const batch of forecast.familyBatches(scope)) {
        for (const family of batch) budget.add(family);
      }
      return budget.result();
    },
  };
}
export type ForecastService = ReturnType<typeof createForecastService>;
