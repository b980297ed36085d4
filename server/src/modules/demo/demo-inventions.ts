import { SCHOOLS } from './demo-catalogue.ts';
import { DEMO_AS_OF, addDays, daysBetween, minDay, randomDay, type IsoDay } from './demo-dates.ts';
import type { DemoDirectory, DemoSchool, DemoUnit } from './demo-organisations.ts';
import { LATEST_PRIORITY_FOR, scheduleFirstFilings, type FamilyFate, type FirstFiling } from './demo-patents.ts';
import type { Random } from './demo-random.ts';
import type { InventionRow } from './demo-rows.ts';
import { FUNDING_SOURCES, TOPICS, type Topic } from './demo-topics.ts';

/** What the committee made of a disclosure, which decides its status and its assets. */
export type InventionOutcome = 'patent' | 'software' | 'know_how' | 'publish' | 'declined' | 'draft' | 'submitted' | 'under_assessment';

export interface PlannedFamily {
  assetId: string;
  priorityDate: IsoDay;
  publishedIn2020: boolean;
  fate: FamilyFate;
  /** A later family protecting an improvement of the same invention. */
  isImprovement: boolean;
}

/** An invention as it is planned, before its rows are written; deals and people are attached to it later. */
export interface PlannedInvention {
  id: string;
  school: DemoSchool;
  unit: DemoUnit;
  outcome: InventionOutcome;
  status: InventionRow['status'];
  createdOn: IsoDay;
  disclosedOn: IsoDay | null;
  decidedOn: IsoDay | null;
  topic: Topic;
  funding: string | null;
  families: PlannedFamily[];
  software: { assetId: string; depositDate: IsoDay } | null;
  knowHow: { assetId: string; recordedOn: IsoDay } | null;
  partnershipAgreementId: string | null;
  carnotId: string | null;
}

/** Disclosures that did not lead to a patent, by outcome; software-only results fill the rest. */
const OTHER_OUTCOMES: readonly (readonly [InventionOutcome, number])[] = [
  ['draft', 2],
  ['submitted', 3],
  ['under_assessment', 3],
  ['publish', 5],
  ['declined', 3],
  ['know_how', 8],
];

const STATUS_OF: Readonly<Record<InventionOutcome, InventionRow['status']>> = {
  patent: 'protect',
  software: 'protect',
  know_how: 'keep_know_how',
  publish: 'publish',
  declined: 'abandoned',
  draft: 'draft',
  submitted: 'submitted',
  under_assessment: 'under_assessment',
};

/** ~120 inventions from 2015 to 2026, each school's share as in the catalogue, the patented ones first. */
export function planInventions(random: Random, directory: DemoDirectory): PlannedInvention[] {
  const patentGroups = groupImprovements(random, scheduleFirstFilings(random));
  const fates = chooseFates(random, patentGroups);
  const total = SCHOOLS.reduce((sum, school) => sum + school.inventions, 0);
  const others = OTHER_OUTCOMES.flatMap(([outcome, count]) => Array.from({ length: count }, () => outcome));
  const softwareCount = Math.max(0, total - patentGroups.length - others.length);
  const outcomes: InventionOutcome[] = [...patentGroups.map(() => 'patent' as const), ...Array.from({ length: softwareCount }, () => 'software' as const), ...others];

  const schoolLabels = shareOut(random, directory.schools, outcomes);
  const bySize = directory.schools.map((school) => [school, school.entry.inventions] as const);
  const topicsLeft = new Map(directory.schools.map((school) => [school.entry.key, random.shuffle(TOPICS[school.entry.key])]));

  return outcomes.map((outcome, index) => {
    const school = schoolLabels[index] ?? random.weighted(bySize);
    const group = outcome === 'patent' ? patentGroups[index] : undefined;
    const dates = group ? patentDates(random, group.first.priorityDate) : otherDates(random, outcome);
    const topic = topicsLeft.get(school.entry.key)?.shift() ?? variantOf(random.pick(TOPICS[school.entry.key]));
    const families: PlannedFamily[] = group
      ? [
          { assetId: random.uuid(), ...group.first, fate: fates.get(group) ?? 'alive', isImprovement: false },
          ...(group.improvement ? [{ assetId: random.uuid(), ...group.improvement, fate: 'alive' as const, isImprovement: true }] : []),
        ]
      : [];
    const isDead = families.length > 0 && families.every((family) => family.fate !== 'alive');
    return {
      id: random.uuid(),
      school,
      unit: random.pick(school.units),
      outcome,
      status: isDead ? 'abandoned' : STATUS_OF[outcome],
      ...dates,
      topic,
      funding: dates.disclosedOn ? random.weighted(FUNDING_SOURCES) : null,
      families,
      software: null,
      knowHow: null,
      partnershipAgreementId: null,
      carnotId: null,
    };
  });
}

/** Software deposits and recorded know-how that come alongside some patented inventions. */
export function addCompanionAssets(random: Random, invention: PlannedInvention): void {
  const decided = invention.decidedOn;
  if (!decided) return;
  const isSoftwareOnly = invention.outcome === 'software';
  const isPatented = invention.outcome === 'patent' && invention.status !== 'abandoned';
  if (isSoftwareOnly || (isPatented && random.chance(0.25))) {
    invention.software = { assetId: random.uuid(), depositDate: randomDay(random, addDays(decided, 20), minDay(addDays(decided, 300), DEMO_AS_OF)) };
  }
  if (invention.outcome === 'know_how' || (isPatented && random.chance(0.15))) {
    invention.knowHow = { assetId: random.uuid(), recordedOn: randomDay(random, addDays(decided, 5), minDay(addDays(decided, 120), DEMO_AS_OF)) };
  }
}

/** Which school each outcome goes to: each school its share, and no patents for schools that seldom file. */
function shareOut(random: Random, schools: readonly DemoSchool[], outcomes: readonly InventionOutcome[]): DemoSchool[] {
  const labelsOf = (list: readonly DemoSchool[]) => random.shuffle(list.flatMap((school) => Array.from({ length: school.entry.inventions }, () => school)));
  const nonFilers = labelsOf(schools.filter((school) => !school.entry.filesPatents));
  const filers = labelsOf(schools.filter((school) => school.entry.filesPatents));
  const otherSlots = random.shuffle(outcomes.flatMap((outcome, index) => (outcome === 'patent' ? [] : [index])));
  const nonFilerSlots = new Set(otherSlots.slice(0, nonFilers.length));
  return outcomes.map((_, index) => (nonFilerSlots.has(index) ? nonFilers.shift() : filers.shift()) ?? (filers[0] ?? nonFilers[0] ?? (schools[0] as DemoSchool)));
}

interface PatentGroup {
  first: FirstFiling;
  improvement: FirstFiling | null;
}

/** Some first filings protect an improvement of an earlier invention of 5 to 20 months before. */
function groupImprovements(random: Random, filings: FirstFiling[]): PatentGroup[] {
  const groups: PatentGroup[] = [];
  for (const filing of filings) {
    const candidates = groups.filter((group) => {
      const gap = daysBetween(group.first.priorityDate, filing.priorityDate);
      // Two families published in 2020 stay apart, so each can be co-owned on its own.
      const bothIn2020 = group.first.publishedIn2020 && filing.publishedIn2020;
      return group.improvement === null && !bothIn2020 && gap >= 150 && gap <= 600;
    });
    if (candidates.length > 0 && random.chance(0.65)) random.pick(candidates).improvement = filing;
    else groups.push({ first: filing, improvement: null });
  }
  return groups;
}

/** How many single-family inventions end each way; the others live. */
const ENDINGS: readonly (readonly [Exclude<FamilyFate, 'alive'>, number])[] = [
  ['lapsed', 6],
  ['abandoned', 4],
  ['withdrawn', 3],
];

/** Families that did not live, drawn among those old enough for their end to have come. */
function chooseFates(random: Random, groups: PatentGroup[]): Map<PatentGroup, FamilyFate> {
  const fates = new Map<PatentGroup, FamilyFate>();
  const singles = random.shuffle(groups.filter((group) => group.improvement === null));
  for (const [fate, count] of ENDINGS) {
    const eligible = singles.filter(
      (group) =>
        !fates.has(group) &&
        group.first.priorityDate <= LATEST_PRIORITY_FOR[fate] &&
        // A family published in 2020 was not withdrawn before its publication.
        !(fate === 'withdrawn' && group.first.publishedIn2020),
    );
    for (const group of eligible.slice(0, count)) fates.set(group, fate);
  }
  return fates;
}

type Dates = Pick<PlannedInvention, 'createdOn' | 'disclosedOn' | 'decidedOn'>;

/** Disclosed 1.5 to 5 months before the first filing, decided (to protect) before it. */
function patentDates(random: Random, priorityDate: IsoDay): Dates {
  const disclosedOn = addDays(priorityDate, -random.int(45, 150));
  const decidedOn = addDays(disclosedOn, random.int(15, Math.min(60, daysBetween(disclosedOn, priorityDate) - 5)));
  return { createdOn: disclosedOn, disclosedOn, decidedOn };
}

function otherDates(random: Random, outcome: InventionOutcome): Dates {
  switch (outcome) {
    case 'draft':
      return { createdOn: randomDay(random, '2025-11-03', '2026-02-27'), disclosedOn: null, decidedOn: null };
    case 'submitted': {
      const disclosedOn = randomDay(random, '2025-12-01', '2026-02-25');
      return { createdOn: disclosedOn, disclosedOn, decidedOn: null };
    }
    case 'under_assessment': {
      const disclosedOn = randomDay(random, '2025-06-02', '2026-01-30');
      return { createdOn: disclosedOn, disclosedOn, decidedOn: null };
    }
    case 'patent':
    case 'software':
    case 'know_how':
    case 'publish':
    case 'declined': {
      const disclosedOn = randomDay(random, '2015-02-02', outcome === 'software' ? '2025-03-31' : '2025-06-30');
      return { createdOn: disclosedOn, disclosedOn, decidedOn: addDays(disclosedOn, random.int(20, 75)) };
    }
  }
}

function variantOf([title, summary]: Topic): Topic {
  return [`${title} — variante`, summary];
}

/** Every asset that comes from an invention: its patent families, software and know-how. */
export function assetIdsOf(invention: PlannedInvention): string[] {
  return [
    ...invention.families.map((family) => family.assetId),
    ...(invention.software ? [invention.software.assetId] : []),
    ...(invention.knowHow ? [invention.knowHow.assetId] : []),
  ];
}
