import { type SQL, and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { CostCase } from '#core/fees/cost-family';
import type { BudgetFamily } from '#core/fees/portfolio-budget';
import type { Db } from '../../platform/db.ts';
import { applications, assets } from '../asset/asset.table.ts';
import { organisations } from '../organisation/organisation.table.ts';

type BatchFamily = Omit<BudgetFamily, 'applications'> & { applications: CostCase[] };

/**
 * Reads patent families for the budget, a batch at a time in id order: one query per batch, with only the
 * columns that price future fees (office, dates, status), so a portfolio of any size is priced in memory
 * one batch after another.
 */
export function createForecastRepository(db: Db) {
  async function schoolNames(ids: string[], known: Map<string, string>): Promise<void> {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, missing));
    for (const row of rows) known.set(row.id, row.name);
  }

  return {
    /** The patent families within `scope` (see visibleAssets), `size` at a time. */
    async *familyBatches(scope: SQL | undefined, size = 5000): AsyncGenerator<BudgetFamily[]> {
      const names = new Map<string, string>();
      let after: string | null = null;
      for (;;) {
        const family = db
          .select({ id: assets.id, status: assets.status, schoolId: assets.schoolId })
          .from(assets)
          .where(and(eq(assets.kind, 'patent_family'), scope, after === null ? undefined : gt(assets.id, after)))
          .orderBy(asc(assets.id))
          .limit(size)
          .as('family');
        const rows = await db
          .select({
            id: family.id,
            status: family.status,
            schoolId: family.schoolId,
            office: applications.office,
            filingDate: applications.filingDate,
            applicationStatus: applications.status,
            grantDate: applications.grantDate,
          })
          .from(family)
          .leftJoin(applications, eq(applications.assetId, family.id));
        if (rows.length === 0) return;
        const families = new Map<string, BatchFamily>();
        for (const row of rows) {
          let entry = families.get(row.id);
          if (!entry) {
            entry = { status: row.status, schoolId: row.schoolId, schoolName: '', applications: [] };
            families.set(row.id, entry);
          }
          if (row.office === null || row.filingDate === null || row.applicationStatus === null) continue;
          entry.applications.push({
            office: row.office,
            filingDate: row.filingDate,
            status: row.applicationStatus,
            grantDate: row.grantDate,
            // A budget counts future fees only, and an application with a final status has none whatever
            // the day it was recorded: its history is not needed.
            statusHistory: [],
          });
        }
        await schoolNames([...new Set([...families.values()].map((entry) => entry.schoolId))], names);
        for (const entry of families.values()) entry.schoolName = names.get(entry.schoolId) ?? '';
        yield [...families.values()];
        if (families.size < size) return;
        after = [...families.keys()].reduce((a, b) => (a >= b ? a : b));
      }
    },
  };
}
export type ForecastRepository = ReturnType<typeof createForecastRepository>;
