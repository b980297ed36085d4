import type { MatchedBy } from '#core/publication-corpus';
import { applicationKey, publicationKey } from './publication-keys.ts';
import type { StoredRecord } from './publication-record.ts';

/** A portfolio application, as matching names it. */
export interface PortfolioApplication {
  id: string;
  assetId: string;
}

/** The portfolio's numbers in their compared form: built once per import run. */
export interface PortfolioIndex {
  byApplicationKey: Map<string, PortfolioApplication>;
  byPublicationKey: Map<string, PortfolioApplication>;
  byFamilyId: Map<string, string[]>;
}

export interface Match {
  assetId: string;
  applicationId: string | null;
  matchedBy: Exclude<MatchedBy, 'manual'>;
}

export function buildPortfolioIndex(rows: {
  applications: { id: string; assetId: string; office: string; applicationNumber: string }[];
  publications: { applicationId: string; assetId: string; office: string; number: string }[];
  families: { assetId: string; familyId: string | null }[];
}): PortfolioIndex {
  const index: PortfolioIndex = { byApplicationKey: new Map(), byPublicationKey: new Map(), byFamilyId: new Map() };
  for (const application of rows.applications) {
    const key = applicationKey(application.office, application.applicationNumber);
    if (key !== null) index.byApplicationKey.set(key, { id: application.id, assetId: application.assetId });
  }
  addPublications(index, rows.publications);
  for (const family of rows.families) {
    if (family.familyId === null) continue;
    const assets = index.byFamilyId.get(family.familyId) ?? [];
    assets.push(family.assetId);
    index.byFamilyId.set(family.familyId, assets);
  }
  return index;
}

/** Publications the portfolio took during the run: records that name only their number now match them. */
export function addPublications(index: PortfolioIndex, added: { applicationId: string; assetId: string; office: string; number: string }[]): void {
  for (const publication of added) {
    const key = publicationKey(publication.office, publication.number);
    if (key !== null) index.byPublicationKey.set(key, { id: publication.applicationId, assetId: publication.assetId });
  }
}

/** The keys a record is matched by, also stored with it so the corpus can be searched the same way. */
export function keysOf(record: StoredRecord): { applicationKey: string | null; priorityKeys: string[] } {
  const priorityKeys = new Set<string>();
  for (const claim of record.priorities) {
    const key = applicationKey(claim.country, claim.number);
    if (key !== null) priorityKeys.add(key);
  }
  return { applicationKey: applicationKey(record.country, record.applicationNumber), priorityKeys: [...priorityKeys] };
}

/**
 * The families a publication belongs to, by the first rule that finds one:
 * 1. its application is a portfolio application (the number in any of its forms);
 * 2. its publication number is one the portfolio lists (a Register answer names no application);
 * 3. it claims the priority of a portfolio application: a member of that family the portfolio may not list;
 * 4. its DOCDB family id is a portfolio family's.
 * Only the first two name the application, whose status and deadlines then follow the publication.
 */
export function matchRecord(index: PortfolioIndex, record: StoredRecord): Match[] {
  const keys = keysOf(record);
  const byApplication = keys.applicationKey === null ? undefined : index.byApplicationKey.get(keys.applicationKey);
  if (byApplication) return [{ assetId: byApplication.assetId, applicationId: byApplication.id, matchedBy: 'application_number' }];
  const publication = publicationKey(record.country, record.number);
  const byPublication = publication === null ? undefined : index.byPublicationKey.get(publication);
  if (byPublication) return [{ assetId: byPublication.assetId, applicationId: byPublication.id, matchedBy: 'publication_number' }];
  const byPriority = new Set<string>();
  for (const key of keys.priorityKeys) {
    const application = index.byApplicationKey.get(key);
    if (application) byPriority.add(application.assetId);
  }
  if (byPriority.size > 0) return [...byPriority].map((assetId) => ({ assetId, applicationId: null, matchedBy: 'priority' }));
  const byFamily = record.familyId === null ? [] : (index.byFamilyId.get(record.familyId) ?? []);
  return byFamily.map((assetId) => ({ assetId, applicationId: null, matchedBy: 'family_id' }));
}
