import { buildAgreements, numberAgreements } from './demo-agreements.ts';
import { buildAssets } from './demo-assets.ts';
import { DEMO_AS_OF, maxDay, stamp, yearOf } from './demo-dates.ts';
import { planDeals } from './demo-deals.ts';
import { chooseInventors, type PlannedInventor } from './demo-inventors.ts';
import { addCompanionAssets, planInventions, type PlannedInvention } from './demo-inventions.ts';
import { createNumbering } from './demo-numbers.ts';
import { buildDirectory } from './demo-organisations.ts';
import { buildPeople } from './demo-people.ts';
import { createRandom, type Random } from './demo-random.ts';
import type { DemoAccount, DemoData, InventionRow, InventorRow } from './demo-rows.ts';
import { buildStartups } from './demo-startups.ts';

export type { DemoData } from './demo-rows.ts';

export interface DemoOptions {
  /** Another seed gives another institution of the same shape; the default is the one everybody sees. */
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 2020;
export const DEMO_PASSWORD = 'valo-demo';

/**
 * The demo institution, modelled on Institut Mines-Télécom's 2020 press release: its eight schools,
 * ~300 people, ~120 inventions, ~150 assets (33 French applications published in 2020, 13 of them
 * co-owned with companies), ~60 agreements, ~100 startups, and six demo accounts.
 *
 * Pure and deterministic: the same options give the same rows, ids included; nothing reads the clock.
 */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const root = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const directory = buildDirectory(root.fork('directory'));
  const people = buildPeople(root.fork('people'), directory);
  const inventions = planInventions(root.fork('inventions'), directory);
  const plan = planDeals(root.fork('deals'), directory, inventions);

  const inventorRandom = root.fork('inventors');
  const partnerOf = new Map(plan.coOwnerships.flatMap((group) => group.inventions.map((invention) => [invention.id, group.company] as const)));
  const inventorsOf = new Map<string, PlannedInventor[]>();
  let atlantique = 0;
  for (const invention of byCreation(inventions)) {
    // The demo researcher, at IMT Atlantique, is an inventor on every third of its school's results.
    const withLead = invention.school.entry.key === 'atlantique' && atlantique++ % 3 === 0;
    inventorsOf.set(invention.id, chooseInventors(inventorRandom, people, invention, { partner: partnerOf.get(invention.id) ?? null, withLead }));
  }
  const companionRandom = root.fork('companions');
  for (const invention of inventions) {
    // Results shared with a company keep to their patent families, so their co-ownership covers everything.
    if (!partnerOf.get(invention.id)) addCompanionAssets(companionRandom, invention);
  }

  const startups = buildStartups(root.fork('startups'), { directory, people, transfers: plan.transfers, inventors: inventorsOf });
  const agreements = buildAgreements(root.fork('agreements'), { directory, plan, spinOffOf: startups.spinOffOf });
  const assets = buildAssets(root.fork('assets'), createNumbering(root.fork('numbers')), { directory, inventions, plan, spinOffOf: startups.spinOffOf });
  numberAgreements(agreements.agreements);

  const data: DemoData = {
    organisations: [...directory.rows, ...startups.organisations],
    people: people.people,
    affiliations: people.affiliations,
    agreements: agreements.agreements,
    agreementParties: agreements.parties,
    inventions: inventionRows(inventions, plan.transfers),
    inventors: inventorRows(inventions, inventorsOf),
    assets: assets.assets,
    ownershipShares: assets.ownershipShares,
    applications: assets.applications,
    priorityClaims: assets.priorityClaims,
    publications: assets.publications,
    applicationEvents: assets.applicationEvents,
    agreementAssets: agreements.assets,
    startups: startups.startups,
    founders: startups.founders,
    accounts: [],
  };
  data.accounts = demoAccounts(root.fork('accounts'), data, { atlantiqueId: directory.schools.find((s) => s.entry.key === 'atlantique')?.id ?? null, researcherId: people.lead.id, leadName: `${people.lead.firstName} ${people.lead.lastName}` });
  return data;
}

function byCreation(inventions: PlannedInvention[]): PlannedInvention[] {
  return [...inventions].sort((a, b) => (a.createdOn < b.createdOn ? -1 : a.createdOn > b.createdOn ? 1 : 0));
}

function inventionRows(inventions: PlannedInvention[], transfers: { invention: PlannedInvention; signedOn: string }[]): InventionRow[] {
  const transferredOn = new Map(transfers.map((transfer) => [transfer.invention.id, transfer.signedOn]));
  const perYear = new Map<number, number>();
  const references = new Map<string, string>();
  // INV-YYYY-NNNN: the year of the disclosure (or of the draft), numbered in date order.
  for (const invention of byCreation(inventions)) {
    const year = yearOf(invention.createdOn);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    references.set(invention.id, `INV-${year}-${String(next).padStart(4, '0')}`);
  }
  return inventions.map((invention) => ({
    id: invention.id,
    reference: references.get(invention.id) ?? null,
    title: invention.topic[0],
    summary: invention.topic[1],
    status: invention.status,
    schoolId: invention.school.id,
    researchUnitId: invention.unit.id,
    partnershipAgreementId: invention.partnershipAgreementId,
    carnotId: invention.carnotId,
    funding: invention.funding,
    disclosedOn: invention.disclosedOn,
    decidedOn: invention.decidedOn,
    createdAt: stamp(invention.createdOn),
    updatedAt: stamp(maxDay(invention.createdOn, invention.decidedOn ?? invention.createdOn, transferredOn.get(invention.id) ?? invention.createdOn)),
  }));
}

function inventorRows(inventions: PlannedInvention[], inventorsOf: Map<string, PlannedInventor[]>): InventorRow[] {
  return inventions.flatMap((invention) =>
    (inventorsOf.get(invention.id) ?? []).map((inventor, index) => ({
      inventionId: invention.id,
      personId: inventor.person.id,
      contribution: inventor.contribution,
      rank: index + 1,
    })),
  );
}

/**
 * The six demo accounts. The partner works for the company most involved with the institution: party to
 * the most agreements among those that co-own an asset.
 */
function demoAccounts(
  random: Random,
  data: DemoData,
  links: { atlantiqueId: string | null; researcherId: string; leadName: string },
): DemoAccount[] {
  const companyIds = new Set(data.organisations.filter((o) => o.kind === 'company').map((o) => o.id));
  const coOwners = new Set(data.ownershipShares.filter((share) => companyIds.has(share.organisationId)).map((share) => share.organisationId));
  const agreementCount = new Map<string, number>();
  for (const party of data.agreementParties) agreementCount.set(party.organisationId, (agreementCount.get(party.organisationId) ?? 0) + 1);
  const partner = data.organisations
    .filter((o) => coOwners.has(o.id) && (agreementCount.get(o.id) ?? 0) >= 2)
    .sort((a, b) => (agreementCount.get(b.id) ?? 0) - (agreementCount.get(a.id) ?? 0))[0];
  if (!partner) throw new Error('the demo needs a company that co-owns an asset');

  const createdAt = stamp(DEMO_AS_OF);
  const account = (email: string, displayName: string, role: DemoAccount['role'], linksOf: Partial<Pick<DemoAccount, 'schoolId' | 'personId' | 'organisationId'>> = {}): DemoAccount => ({
    id: random.uuid(),
    email,
    displayName,
    role,
    schoolId: linksOf.schoolId ?? null,
    personId: linksOf.personId ?? null,
    organisationId: linksOf.organisationId ?? null,
    isDisabled: false,
    createdAt,
  });
  return [
    account('admin@demo.valo', 'Demo administrator', 'admin'),
    account('officer@demo.valo', 'Demo officer (central office)', 'officer'),
    account('officer.atlantique@demo.valo', 'Demo officer (IMT Atlantique)', 'officer', { schoolId: links.atlantiqueId }),
    account('researcher@demo.valo', links.leadName, 'researcher', { personId: links.researcherId }),
    account('partner@demo.valo', `Demo partner (${partner.shortName ?? partner.name})`, 'partner', { organisationId: partner.id }),
    account('reader@demo.valo', 'Demo reader', 'reader'),
  ];
}
