import type { DemoCompany } from './demo-organisations.ts';
import { isActiveOn, type DemoPeople, type DemoPerson } from './demo-people.ts';
import type { PlannedInvention } from './demo-inventions.ts';
import type { Random } from './demo-random.ts';

export interface PlannedInventor {
  person: DemoPerson;
  /** Share of the inventive contribution in %, two decimals at most; an invention's shares sum to 100. */
  contribution: number;
}

/** Splits of the contribution, main inventor first; each sums to exactly 100 (in hundredths). */
const SPLITS: Readonly<Record<number, readonly (readonly number[])[]>> = {
  1: [[100]],
  2: [[50, 50], [60, 40], [70, 30], [55, 45]],
  3: [[40, 30, 30], [33.34, 33.33, 33.33], [50, 25, 25], [45, 35, 20]],
  4: [[25, 25, 25, 25], [40, 20, 20, 20], [30, 30, 20, 20], [35, 25, 20, 20]],
};

/**
 * One to four inventors who worked at the school when the result was disclosed: researchers of the unit
 * first, then PhD students, ARMINES engineers at the Mines schools, an engineer of the partner company for
 * results co-owned with it, colleagues of other units. `withLead` puts the demo researcher first.
 */
export function chooseInventors(
  random: Random,
  people: DemoPeople,
  invention: PlannedInvention,
  options: { partner: DemoCompany | null; withLead: boolean },
): PlannedInventor[] {
  const day = invention.disclosedOn ?? invention.createdOn;
  const key = invention.school.entry.key;
  const active = (list: readonly DemoPerson[] | undefined) => (list ?? []).filter((person) => isActiveOn(person, day));
  const schoolResearchers = active(people.researchers.get(key));
  const unitResearchers = schoolResearchers.filter((person) => person.unit?.id === invention.unit.id);
  const students = active(people.students.get(key));
  const armines = active(people.arminesStaff.get(key));
  const external = options.partner ? people.externals.get(options.partner.id) : undefined;

  const count = random.weighted([[1, 2], [2, 4], [3, 3], [4, 1]] as const);
  const chosen: DemoPerson[] = options.withLead ? [people.lead] : [];
  const add = (candidates: readonly DemoPerson[]) => {
    const fresh = candidates.filter((person) => !chosen.includes(person));
    if (fresh.length > 0) chosen.push(random.pick(fresh));
  };
  if (chosen.length === 0) add(unitResearchers.length > 0 ? unitResearchers : schoolResearchers);
  for (let attempt = 0; chosen.length < count && attempt < 20; attempt++) {
    const draw = random.next();
    if (external && !chosen.includes(external) && draw < 0.45) chosen.push(external);
    else if (draw < 0.65 && students.length > 0) add(students);
    else if (draw < 0.8 && armines.length > 0) add(armines);
    else add(random.chance(0.7) && unitResearchers.length > 0 ? unitResearchers : schoolResearchers);
  }
  const split = random.pick(SPLITS[chosen.length] ?? [[100]]);
  return chosen.map((person, index) => ({ person, contribution: split[index] ?? 0 }));
}
