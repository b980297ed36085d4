import { ARMINES, type SchoolKey } from './demo-catalogue.ts';
import { DEMO_AS_OF, addMonths, addDays, maxDay, randomDay, stamp, type IsoDay } from './demo-dates.ts';
import { FIRST_NAMES, LAST_NAMES, RESEARCHER_TITLES, emailPart } from './demo-names.ts';
import { RECORDS_SINCE, worksWithArmines, type DemoCompany, type DemoDirectory, type DemoSchool, type DemoUnit } from './demo-organisations.ts';
import type { Random } from './demo-random.ts';
import type { AffiliationRow, PersonRow } from './demo-rows.ts';

type Status = PersonRow['employmentStatus'];

/** A person as the rest of the demo needs them: where they work and since when. */
export interface DemoPerson {
  id: string;
  firstName: string;
  lastName: string;
  status: Status;
  school: DemoSchool | null;
  unit: DemoUnit | null;
  company: DemoCompany | null;
  since: IsoDay;
  until: IsoDay | null;
}

export interface DemoPeople {
  people: PersonRow[];
  affiliations: AffiliationRow[];
  all: DemoPerson[];
  researchers: Map<SchoolKey, DemoPerson[]>;
  students: Map<SchoolKey, DemoPerson[]>;
  arminesStaff: Map<SchoolKey, DemoPerson[]>;
  externals: Map<string, DemoPerson>;
  /** The IMT Atlantique professor behind the demo researcher account, inventor on many results. */
  lead: DemoPerson;
}

export function isActiveOn(person: DemoPerson, day: IsoDay): boolean {
  return person.since <= day && (person.until === null || day <= person.until);
}

const STUDENTS = 28;
const ARMINES_STAFF = 18;

/** ~300 people: the schools' researchers, ARMINES staff, PhD students, and engineers at partner companies. */
export function buildPeople(random: Random, directory: DemoDirectory): DemoPeople {
  const out: Omit<DemoPeople, 'lead'> = {
    people: [],
    affiliations: [],
    all: [],
    researchers: new Map(),
    students: new Map(),
    arminesStaff: new Map(),
    externals: new Map(),
  };
  let lead: DemoPerson | undefined;
  const emails = new Set<string>();

  const addPerson = (input: {
    status: Status;
    school: DemoSchool | null;
    unit: DemoUnit | null;
    company: DemoCompany | null;
    domain: string;
    since: IsoDay;
    until: IsoDay | null;
    affiliations: { organisationId: string; title: string; startDate: IsoDay; endDate: IsoDay | null }[];
  }): DemoPerson => {
    let firstName = '';
    let lastName = '';
    let email = '';
    do {
      firstName = random.pick(FIRST_NAMES);
      lastName = random.pick(LAST_NAMES);
      email = `${emailPart(firstName)}.${emailPart(lastName)}@${input.domain}`;
    } while (emails.has(email));
    emails.add(email);
    const person: DemoPerson = { id: random.uuid(), firstName, lastName, ...input };
    const dates = input.affiliations.flatMap((a) => [a.startDate, ...(a.endDate && a.endDate <= DEMO_AS_OF ? [a.endDate] : [])]);
    const createdOn = maxDay(RECORDS_SINCE, ...input.affiliations.map((a) => a.startDate).slice(0, 1));
    out.people.push({
      id: person.id,
      firstName,
      lastName,
      email,
      employmentStatus: input.status,
      orcid: null,
      createdAt: stamp(createdOn),
      updatedAt: stamp(maxDay(createdOn, ...dates)),
    });
    for (const affiliation of input.affiliations) out.affiliations.push({ id: random.uuid(), personId: person.id, ...affiliation });
    out.all.push(person);
    return person;
  };
  const listOf = (map: Map<SchoolKey, DemoPerson[]>, key: SchoolKey): DemoPerson[] => {
    const list = map.get(key) ?? [];
    map.set(key, list);
    return list;
  };

  for (const school of directory.schools) {
    for (let i = 0; i < school.entry.researchers; i++) {
      const isLead = school.entry.key === 'atlantique' && i === 0;
      const unit = school.units[i % school.units.length] as DemoUnit;
      const since = isLead ? '2006-09-01' : random.chance(0.8) ? randomDay(random, '1996-09-01', '2014-09-01') : randomDay(random, '2015-01-05', '2021-09-01');
      const until = !isLead && random.chance(0.06) ? randomDay(random, maxDay(addMonths(since, 36), '2019-01-01'), '2025-12-31') : null;
      const title = isLead ? 'Professeur' : random.weighted(RESEARCHER_TITLES);
      const affiliations = [{ organisationId: unit.id, title, startDate: since, endDate: until }];
      if (!isLead && random.chance(0.12) && school.units.length > 1) {
        // Moved between units of the school: the earlier affiliation is closed the day before.
        const previous = school.units[(i + 1) % school.units.length] as DemoUnit;
        affiliations.unshift({ organisationId: previous.id, title, startDate: addMonths(since, -random.int(36, 96)), endDate: addDays(since, -1) });
      }
      const person = addPerson({ status: 'public_employee', school, unit, company: null, domain: school.entry.domain, since, until, affiliations });
      listOf(out.researchers, school.entry.key).push(person);
      if (isLead) lead = person;
    }
  }

  const minesSchools = directory.schools.filter(worksWithArmines);
  for (let i = 0; i < ARMINES_STAFF; i++) {
    const school = minesSchools[i % minesSchools.length] as DemoSchool;
    const unit = random.pick(school.units);
    const since = randomDay(random, '2008-01-01', '2021-06-30');
    const title = 'Ingénieur de recherche ARMINES';
    const person = addPerson({
      status: 'private_employee',
      school,
      unit,
      company: null,
      domain: ARMINES.domain,
      since,
      until: null,
      affiliations: [
        { organisationId: directory.arminesId, title, startDate: since, endDate: null },
        { organisationId: unit.id, title, startDate: since, endDate: null },
      ],
    });
    listOf(out.arminesStaff, school.entry.key).push(person);
  }

  const bySize = directory.schools.map((school) => [school, school.entry.researchers] as const);
  for (let i = 0; i < STUDENTS; i++) {
    // The first eight go one to each school, so every school has PhD students.
    const school = i < directory.schools.length ? (directory.schools[i] as DemoSchool) : random.weighted(bySize);
    const unit = random.pick(school.units);
    const since = randomDay(random, '2014-09-01', '2023-10-31');
    const end = addMonths(since, 36);
    const until = end <= DEMO_AS_OF ? end : null;
    const person = addPerson({
      status: 'student',
      school,
      unit,
      company: null,
      domain: school.entry.domain,
      since,
      until,
      affiliations: [{ organisationId: unit.id, title: 'Doctorant', startDate: since, endDate: until }],
    });
    listOf(out.students, school.entry.key).push(person);
  }

  for (const company of directory.companies.filter((c) => c.entry.category !== 'startup')) {
    const since = randomDay(random, '2008-01-01', '2017-12-31');
    const person = addPerson({
      status: 'external',
      school: null,
      unit: null,
      company,
      domain: company.entry.domain,
      since,
      until: null,
      affiliations: [{ organisationId: company.id, title: 'Ingénieur R&D', startDate: since, endDate: null }],
    });
    out.externals.set(company.id, person);
  }
  if (!lead) throw new Error('the demo needs IMT Atlantique researchers');
  return { ...out, lead };
}
