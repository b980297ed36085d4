import { CARNOTS, type PublicBodyKey } from './demo-catalogue.ts';
import { DEMO_AS_OF, addDays, addMonths, daysBetween, minDay, randomDay, type IsoDay } from './demo-dates.ts';
import type { PlannedInvention } from './demo-inventions.ts';
import { worksWithArmines, type DemoCompany, type DemoDirectory, type DemoSchool } from './demo-organisations.ts';
import type { Random } from './demo-random.ts';

/** The press release: 13 of the 33 French applications published in 2020 were filed jointly with companies. */
export const PUBLISHED_IN_2020_WITH_COMPANIES = 13;

/**
 * A co-ownership agreement and the results it covers. With a company, it comes out of a research
 * partnership; with ARMINES alone, it is the school's framework agreement.
 */
export interface CoOwnershipPlan {
  agreementId: string;
  school: DemoSchool;
  company: DemoCompany | null;
  withArmines: boolean;
  /** The institution's share first, then the company's, then ARMINES'; they sum to 100. */
  shares: readonly number[];
  inventions: PlannedInvention[];
  /** The research partnership the co-owned results came from (companies only). */
  partnership: PartnershipPlan | null;
}

export interface PartnershipPlan {
  agreementId: string;
  school: DemoSchool;
  company: DemoCompany;
  withArmines: boolean;
  funder: PublicBodyKey | null;
  inventions: PlannedInvention[];
}

export type TransferType = 'licence' | 'assignment' | 'startup_patent_use';

/** A transfer of an invention's assets: to a spin-off created for it, or to a company. */
export interface TransferPlan {
  agreementId: string;
  type: TransferType;
  invention: PlannedInvention;
  company: DemoCompany | null;
  signedOn: IsoDay;
  exclusive: boolean;
}

export interface OptionPlan {
  agreementId: string;
  invention: PlannedInvention;
  company: DemoCompany;
  signedOn: IsoDay;
}

export interface DealPlan {
  coOwnerships: CoOwnershipPlan[];
  partnerships: PartnershipPlan[];
  transfers: TransferPlan[];
  options: OptionPlan[];
}

const TWO_WAY: readonly (readonly number[])[] = [[50, 50], [60, 40], [70, 30]];
const THREE_WAY: readonly (readonly number[])[] = [[40, 30, 30], [33.34, 33.33, 33.33], [50, 25, 25]];
/** Spin-off routes first (the press release's preferred one), then companies. */
const TRANSFER_ROUTES: readonly (readonly [TransferType, 'spin_off' | 'company'])[] = [
  ...Array.from({ length: 5 }, () => ['startup_patent_use', 'spin_off'] as const),
  ...Array.from({ length: 3 }, () => ['licence', 'spin_off'] as const),
  ['assignment', 'spin_off'],
  ...Array.from({ length: 5 }, () => ['licence', 'company'] as const),
  ['assignment', 'company'],
  ['assignment', 'company'],
];

export function publishedIn2020Count(invention: PlannedInvention): number {
  return invention.families.filter((family) => family.publishedIn2020).length;
}

/**
 * Who owns and who uses each result. The institution limits joint ownership (press release): 13 of the
 * families published in 2020 are co-owned with a company, a few others too; Mines schools' results are
 * often shared with ARMINES; other partners get options; some results go to spin-offs and companies.
 */
export function planDeals(random: Random, directory: DemoDirectory, inventions: PlannedInvention[]): DealPlan {
  const patented = inventions.filter((invention) => invention.families.length > 0);
  const in2020 = random.shuffle(patented.filter((invention) => publishedIn2020Count(invention) === 1));
  if (in2020.length < PUBLISHED_IN_2020_WITH_COMPANIES) throw new Error('too few families published in 2020 to share with companies');
  const withCompany = new Set([
    ...in2020.slice(0, PUBLISHED_IN_2020_WITH_COMPANIES),
    // Families published in 2020 are either among the 13 or owned without a company, so the count holds.
    ...patented.filter((invention) => publishedIn2020Count(invention) === 0 && random.chance(0.1)),
  ]);
  const withArmines = new Set(patented.filter((invention) => worksWithArmines(invention.school) && random.chance(0.35)));

  const plan: DealPlan = { coOwnerships: [], partnerships: [], transfers: [], options: [] };
  const partners = directory.companies.map((company) => [company, { large: 3, eti: 3, pme: 2, startup: 1 }[company.entry.category]] as const);
  const established = directory.companies.filter((company) => company.entry.category !== 'startup');

  const byDisclosure = [...withCompany].sort((a, b) => ((a.disclosedOn ?? '') < (b.disclosedOn ?? '') ? -1 : 1));
  for (const invention of byDisclosure) {
    const shared = withArmines.has(invention);
    const open = plan.coOwnerships.filter(
      (group) =>
        group.company !== null &&
        group.school === invention.school &&
        group.withArmines === shared &&
        group.inventions.length < 3 &&
        daysBetween(group.inventions[0]?.disclosedOn ?? '', invention.disclosedOn ?? '') <= 900,
    );
    const joined = open.length > 0 && random.chance(0.7) ? random.pick(open) : null;
    if (joined) {
      joined.inventions.push(invention);
      joined.partnership?.inventions.push(invention);
      continue;
    }
    const company = random.weighted(partners);
    const shares = shared ? random.pick(THREE_WAY) : company.entry.category === 'startup' ? [70, 30] : random.pick(TWO_WAY);
    const partnership: PartnershipPlan = {
      agreementId: random.uuid(),
      school: invention.school,
      company,
      withArmines: shared,
      funder: random.chance(0.25) ? random.pick(['anr', 'bpi'] as const) : null,
      inventions: [invention],
    };
    plan.partnerships.push(partnership);
    plan.coOwnerships.push({ agreementId: random.uuid(), school: invention.school, company, withArmines: shared, shares, inventions: [invention], partnership });
  }

  for (const school of directory.schools.filter(worksWithArmines)) {
    const shared = patented.filter((invention) => invention.school === school && withArmines.has(invention) && !withCompany.has(invention));
    if (shared.length > 0) {
      plan.coOwnerships.push({ agreementId: random.uuid(), school, company: null, withArmines: true, shares: random.pick(TWO_WAY.slice(0, 2)), inventions: shared, partnership: null });
    }
  }

  const alive = (invention: PlannedInvention) => invention.families.every((family) => family.fate === 'alive');
  const ownedAlone = random.shuffle(patented.filter((invention) => alive(invention) && !withCompany.has(invention) && !withArmines.has(invention)));
  // Partnerships whose results the institution keeps, the partner taking an option (the policy's flexible options).
  for (const invention of ownedAlone.splice(0, 5)) {
    const company = random.pick(established);
    plan.partnerships.push({ agreementId: random.uuid(), school: invention.school, company, withArmines: false, funder: null, inventions: [invention] });
    const priority = invention.families[0]?.priorityDate ?? DEMO_AS_OF;
    if (plan.options.length < 4) {
      plan.options.push({ agreementId: random.uuid(), invention, company, signedOn: randomDay(random, addDays(priority, 30), minDay(addDays(priority, 180), DEMO_AS_OF)) });
    } else {
      ownedAlone.push(invention); // may still be licensed to its partner below
    }
  }

  const candidates = ownedAlone.filter((invention) => (invention.families[0]?.priorityDate ?? DEMO_AS_OF) <= '2023-06-30');
  for (const [type, to] of TRANSFER_ROUTES) {
    // An assignment makes a company the sole owner: keep it off the families published in 2020.
    const index = candidates.findIndex((invention) => type !== 'assignment' || publishedIn2020Count(invention) === 0);
    const invention = index >= 0 ? candidates.splice(index, 1)[0] : undefined;
    if (!invention) break;
    const priority = invention.families[0]?.priorityDate ?? DEMO_AS_OF;
    const partner = plan.partnerships.find((partnership) => partnership.inventions.includes(invention))?.company;
    plan.transfers.push({
      agreementId: random.uuid(),
      type,
      invention,
      company: to === 'spin_off' ? null : (partner ?? random.pick(established)),
      signedOn: randomDay(random, addMonths(priority, 10), minDay(addMonths(priority, 48), addDays(DEMO_AS_OF, -30))),
      exclusive: to === 'spin_off' || random.chance(0.5),
    });
    invention.status = 'transferred';
  }

  for (const partnership of plan.partnerships) {
    for (const invention of partnership.inventions) {
      invention.partnershipAgreementId = partnership.agreementId;
      invention.carnotId = partnership.school.carnotId;
      invention.funding = `Recherche partenariale — ${CARNOTS[partnership.school.entry.carnot].shortName}`;
    }
  }
  return plan;
}
