import { type SQL, eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { agreementAssets, agreementParties, agreements } from '../agreement/agreement.table.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import { assets } from '../asset/asset.table.ts';
import { inventions, inventors } from '../invention/invention.table.ts';
import { organisations } from '../organisation/organisation.table.ts';
import { startups } from '../startup/startup.table.ts';

/**
 * What the portfolio counts for each actor, as conditions on each table (undefined: every row). They
 * follow the rules of the lists (docs/architecture.md, Access), so a count never includes a record the
 * actor could not open; the assets' own rule is `visibleAssets`.
 */
export interface PortfolioScope {
  assets: SQL | undefined;
  inventions: SQL | undefined;
  agreements: SQL | undefined;
  startups: SQL | undefined;
  /** The schools listed even when nothing in them is counted: all for the institution, one for its officer. */
  schools: SQL;
}

export function portfolioScopeOf(actor: Actor): PortfolioScope {
  const nothing = sql`false`;
  switch (actor.role) {
    case 'admin':
    case 'reader':
      return { assets: undefined, inventions: undefined, agreements: undefined, startups: undefined, schools: isSchool };
    case 'officer':
      if (actor.schoolId === null) {
        return { assets: undefined, inventions: undefined, agreements: undefined, startups: undefined, schools: isSchool };
      }
      return {
        assets: visibleAssets(actor),
        inventions: eq(inventions.schoolId, actor.schoolId),
        agreements: eq(agreements.schoolId, actor.schoolId),
        startups: undefined,
        schools: eq(organisations.id, actor.schoolId),
      };
    case 'researcher': {
      if (actor.personId === null) return { assets: nothing, inventions: nothing, agreements: nothing, startups: undefined, schools: nothing };
      const personId = actor.personId;
      return {
        assets: visibleAssets(actor),
        inventions: sql`exists (select 1 from ${inventors} where ${inventors.inventionId} = ${inventions.id} and ${inventors.personId} = ${personId})`,
        // The agreements covering their assets, and the partnerships their inventions came out of.
        agreements: or(
          sql`exists (select 1 from ${agreementAssets}
            join ${assets} on ${assets.id} = ${agreementAssets.assetId}
            join ${inventors} on ${inventors.inventionId} = ${assets.inventionId}
            where ${agreementAssets.agreementId} = ${agreements.id} and ${inventors.personId} = ${personId})`,
          sql`exists (select 1 from ${inventions}
            join ${inventors} on ${inventors.inventionId} = ${inventions.id}
            where ${inventions.partnershipAgreementId} = ${agreements.id} and ${inventors.personId} = ${personId})`,
        ),
        startups: undefined,
        schools: nothing,
      };
    }
    case 'partner': {
      if (actor.organisationId === null) return { assets: nothing, inventions: nothing, agreements: nothing, startups: nothing, schools: nothing };
      const organisationId = actor.organisationId;
      return {
        assets: visibleAssets(actor),
        // Disclosures are confidential: partners see none.
        inventions: nothing,
        agreements: sql`exists (select 1 from ${agreementParties} where ${agreementParties.agreementId} = ${agreements.id} and ${agreementParties.organisationId} = ${organisationId})`,
        // A partner opens only its own company's startup record, if it is one.
        startups: eq(startups.organisationId, organisationId),
        schools: nothing,
      };
    }
  }
}

const isSchool = eq(organisations.kind, 'school');
