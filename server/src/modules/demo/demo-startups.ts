import { DEMO_AS_OF, addDays, addMonths, maxDay, minDay, randomDay, stamp, type IsoDay } from './demo-dates.ts';
import type { TransferPlan } from './demo-deals.ts';
import type { PlannedInventor } from './demo-inventors.ts';
import { STARTUP_HEADS, STARTUP_SUFFIXES, STARTUP_TAILS } from './demo-names.ts';
import type { DemoDirectory, DemoSchool } from './demo-organisations.ts';
import { isActiveOn, type DemoPeople, type DemoPerson } from './demo-people.ts';
import type { Random } from './demo-random.ts';
import type { FounderRow, OrganisationRow, StartupRow } from './demo-rows.ts';
import { STARTUP_ACTIVITIES } from './demo-topics.ts';

/** "Some 100 start-ups in its incubators" (press release). */
export const STARTUP_COUNT = 100;
const OTHER_SPIN_OFFS = 21;
const PROJECTS = 3;
/** Incubation starts by year: the incubators have grown. */
const STARTS_BY_YEAR: readonly (readonly [number, number])[] = [
  [2015, 3], [2016, 4], [2017, 5], [2018, 6], [2019, 7], [2020, 8], [2021, 9], [2022, 10], [2023, 12], [2024, 16], [2025, 20],
];

export interface DemoStartups {
  organisations: OrganisationRow[];
  startups: StartupRow[];
  founders: FounderRow[];
  /** The spin-off created to exploit each transferred invention, by invention id. */
  spinOffOf: Map<string, SpinOff>;
}

export interface SpinOff {
  organisationId: string;
  name: string;
}

interface Lifecycle {
  stage: StartupRow['stage'];
  incubationStart: IsoDay | null;
  incubationEnd: IsoDay | null;
  foundedOn: IsoDay | null;
  lastDate: IsoDay;
}

export function buildStartups(
  random: Random,
  input: { directory: DemoDirectory; people: DemoPeople; transfers: TransferPlan[]; inventors: Map<string, PlannedInventor[]> },
): DemoStartups {
  const { directory, people } = input;
  const out: DemoStartups = { organisations: [], startups: [], founders: [], spinOffOf: new Map() };
  const names = new Set(directory.companies.map((company) => company.entry.name));

  const add = (school: DemoSchool, life: Lifecycle, isSpinOff: boolean, description: string, founders: DemoPerson[]): SpinOff => {
    const organisationId = random.uuid();
    const name = uniqueName(random, names);
    const createdOn = life.incubationStart ?? life.lastDate;
    const incubator = directory.rows.find((row) => row.id === school.incubatorId);
    out.organisations.push({
      id: organisationId,
      kind: 'company',
      name,
      shortName: null,
      parentId: null,
      companyCategory: 'startup',
      mandataireId: null,
      siren: null,
      rnsr: null,
      ror: null,
      country: 'FR',
      city: incubator?.city ?? school.entry.city,
      createdAt: stamp(createdOn),
      updatedAt: stamp(life.lastDate),
    });
    const id = random.uuid();
    out.startups.push({
      id,
      organisationId,
      stage: life.stage,
      isSpinOff,
      schoolId: school.id,
      incubatorId: school.incubatorId,
      incubationStart: life.incubationStart,
      incubationEnd: life.incubationEnd,
      foundedOn: life.foundedOn,
      description,
      createdAt: stamp(createdOn),
      updatedAt: stamp(life.lastDate),
    });
    founders.forEach((person, index) => out.founders.push({ startupId: id, personId: person.id, role: founderRole(person, index) }));
    return { organisationId, name };
  };

  // Spin-offs created to exploit a transferred invention: founded before the transfer is signed.
  for (const transfer of input.transfers.filter((t) => t.company === null)) {
    const { invention } = transfer;
    const foundedOn = maxDay(addDays(transfer.signedOn, -random.int(30, 240)), addDays(invention.decidedOn ?? invention.createdOn, 30));
    const life = lifecycle(random, addDays(foundedOn, -random.int(60, 300)), foundedOn, false);
    const inventorsOf = (input.inventors.get(invention.id) ?? []).map((inventor) => inventor.person).filter((person) => person.status !== 'external');
    const description = `Spin-off exploitant « ${invention.topic[0]} ». ${invention.topic[1]}`;
    out.spinOffOf.set(invention.id, add(invention.school, life, true, description, inventorsOf.slice(0, 2)));
  }

  const bySize = directory.schools.map((school) => [school, school.entry.researchers] as const);
  let remaining = STARTUP_COUNT - out.startups.length;
  for (let i = 0; remaining > 0; i++, remaining--) {
    const school = random.weighted(bySize);
    const activity = random.pick(STARTUP_ACTIVITIES[school.entry.key]);
    if (i < PROJECTS) {
      // Projects preparing to enter the incubator: no incubation yet.
      const since = randomDay(random, '2025-10-01', DEMO_AS_OF);
      add(school, { stage: 'project', incubationStart: null, incubationEnd: null, foundedOn: null, lastDate: since }, false, `Projet en pré-incubation : ${activity.toLowerCase()}.`, []);
      continue;
    }
    const year = random.weighted(STARTS_BY_YEAR);
    const start = randomDay(random, `${year}-01-05`, minDay(`${year}-12-15`, addDays(DEMO_AS_OF, -30)));
    const life = lifecycle(random, start, null, true);
    const isSpinOff = i < PROJECTS + OTHER_SPIN_OFFS;
    const day = life.foundedOn ?? start;
    const active = (list: readonly DemoPerson[] | undefined) => (list ?? []).filter((person) => isActiveOn(person, day));
    const founders = isSpinOff
      ? random.shuffle(active(people.researchers.get(school.entry.key))).slice(0, random.int(1, 2))
      : random.chance(0.35)
        ? random.shuffle(active(people.students.get(school.entry.key))).slice(0, 1)
        : [];
    const description = isSpinOff ? `Spin-off de laboratoire — ${activity.toLowerCase()}.` : `${activity}.`;
    add(school, life, isSpinOff, description, founders);
  }
  return out;
}

/** Incubation for 12 to 30 months; after it, most companies go on, some close or are bought. */
function lifecycle(random: Random, start: IsoDay, foundedOn: IsoDay | null, mayEnd: boolean): Lifecycle {
  const end = addMonths(start, random.int(12, 30));
  if (end > DEMO_AS_OF) {
    const founded = foundedOn ?? (random.chance(0.5) ? minDay(addMonths(start, random.int(1, 8)), DEMO_AS_OF) : null);
    return { stage: 'incubated', incubationStart: start, incubationEnd: null, foundedOn: founded, lastDate: maxDay(start, founded ?? start) };
  }
  const founded = foundedOn ?? minDay(addMonths(start, random.int(0, 10)), end);
  const draw = random.next();
  if (mayEnd && end <= '2023-12-31' && draw < 0.22) {
    const later = minDay(addMonths(end, random.int(12, 30)), DEMO_AS_OF);
    return { stage: draw < 0.13 ? 'closed' : 'acquired', incubationStart: start, incubationEnd: end, foundedOn: founded, lastDate: later };
  }
  return { stage: 'created', incubationStart: start, incubationEnd: end, foundedOn: founded, lastDate: maxDay(end, founded) };
}

/** Code de la recherche L.531-1 (creating the company) and L.531-8 (scientific support) for public staff. */
function founderRole(person: DemoPerson, index: number): string {
  switch (person.status) {
    case 'public_employee':
      return index === 0 ? 'Fondateur — création d’entreprise (C. rech. L.531-1)' : 'Concours scientifique (C. rech. L.531-8)';
    case 'student':
      return 'Président';
    case 'private_employee':
    case 'external':
      return 'Cofondateur';
  }
}

function uniqueName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(STARTUP_HEADS)}${random.pick(STARTUP_TAILS)}${random.pick(STARTUP_SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
