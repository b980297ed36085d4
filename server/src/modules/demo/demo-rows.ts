import type { agreementAssets, agreementParties, agreements } from '../agreement/agreement.table.ts';
import type { applicationEvents, applications, assets, ownershipShares, priorityClaims, publications } from '../asset/asset.table.ts';
import type { users } from '../auth/auth.table.ts';
import type { inventions, inventors } from '../invention/invention.table.ts';
import type { organisations } from '../organisation/organisation.table.ts';
import type { affiliations, people } from '../person/person.table.ts';
import type { founders, startups } from '../startup/startup.table.ts';

export type OrganisationRow = typeof organisations.$inferInsert & { id: string };
export type PersonRow = typeof people.$inferInsert & { id: string };
export type AffiliationRow = typeof affiliations.$inferInsert;
export type InventionRow = typeof inventions.$inferInsert & { id: string };
export type InventorRow = typeof inventors.$inferInsert;
export type AssetRow = typeof assets.$inferInsert & { id: string };
export type OwnershipShareRow = typeof ownershipShares.$inferInsert;
export type ApplicationRow = typeof applications.$inferInsert & { id: string };
export type PriorityClaimRow = typeof priorityClaims.$inferInsert;
export type PublicationRow = typeof publications.$inferInsert;
export type ApplicationEventRow = typeof applicationEvents.$inferInsert;
export type AgreementRow = typeof agreements.$inferInsert & { id: string };
export type AgreementPartyRow = typeof agreementParties.$inferInsert;
export type AgreementAssetRow = typeof agreementAssets.$inferInsert;
export type StartupRow = typeof startups.$inferInsert & { id: string };
export type FounderRow = typeof founders.$inferInsert;
/** A demo account without its password hash: the loader hashes the demo password once and adds it. */
export type DemoAccount = Omit<typeof users.$inferInsert, 'passwordHash'> & { id: string };

/** The whole demo institution, one array of rows per table, in the order the loader inserts them. */
export interface DemoData {
  organisations: OrganisationRow[];
  people: PersonRow[];
  affiliations: AffiliationRow[];
  agreements: AgreementRow[];
  agreementParties: AgreementPartyRow[];
  inventions: InventionRow[];
  inventors: InventorRow[];
  assets: AssetRow[];
  ownershipShares: OwnershipShareRow[];
  applications: ApplicationRow[];
  priorityClaims: PriorityClaimRow[];
  publications: PublicationRow[];
  applicationEvents: ApplicationEventRow[];
  agreementAssets: AgreementAssetRow[];
  startups: StartupRow[];
  founders: FounderRow[];
  accounts: DemoAccount[];
}
