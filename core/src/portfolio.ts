import { z } from 'zod';
import { Id } from './common.ts';
import { AssetStatus } from './asset.ts';

/** The portfolio at a glance, as the home page shows it; counts only what the actor may see. */
export const PortfolioSummary = z.object({
  totals: z.object({
    inventions: z.number().int(),
    patentFamilies: z.number().int(),
    software: z.number().int(),
    knowHow: z.number().int(),
    agreements: z.number().int(),
    startups: z.number().int(),
  }),
  /** Per school: inventions and assets by status. */
  bySchool: z.array(
    z.object({
      schoolId: Id,
      schoolName: z.string(),
      inventions: z.number().int(),
      assets: z.number().int(),
      assetsByStatus: z.record(AssetStatus, z.number().int()),
    }),
  ),
  /** Per calendar year: applications filed (all offices), first filings, and publications. */
  byYear: z.array(
    z.object({
      year: z.number().int(),
      filings: z.number().int(),
      priorityFilings: z.number().int(),
      publications: z.number().int(),
    }),
  ),
});
export type PortfolioSummary = z.infer<typeof PortfolioSummary>;
