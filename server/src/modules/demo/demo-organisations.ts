import {
  ARMINES,
  CARNOTS,
  COMPANIES,
  INSTITUTION,
  PUBLIC_BODIES,
  SCHOOLS,
  type CarnotKey,
  type CompanyEntry,
  type PublicBodyKey,
  type SchoolEntry,
  type UnitEntry,
} from './demo-catalogue.ts';
import { stamp } from './demo-dates.ts';
import type { Random } from './demo-random.ts';
import type { OrganisationRow } from './demo-rows.ts';

/** The day the office started keeping its records in Valo: the fixed directory is dated from it. */
export const RECORDS_SINCE = '2015-01-05';

export interface DemoUnit {
  id: string;
  entry: UnitEntry;
}

export interface DemoSchool {
  id: string;
  entry: SchoolEntry;
  units: DemoUnit[];
  /** The incubator its startups join (its own, or the one it shares). */
  incubatorId: string;
  carnotId: string;
}

export interface DemoCompany {
  id: string;
  entry: CompanyEntry;
}

/** The directory with handles on what the rest of the demo links to. */
export interface DemoDirectory {
  rows: OrganisationRow[];
  institutionId: string;
  arminesId: string;
  schools: DemoSchool[];
  carnots: Record<CarnotKey, string>;
  companies: DemoCompany[];
  publicBodies: Record<PublicBodyKey, string>;
}

export function buildDirectory(random: Random): DemoDirectory {
  const rows: OrganisationRow[] = [];
  const add = (fields: Omit<OrganisationRow, 'id' | 'createdAt' | 'updatedAt'>): string => {
    const id = random.uuid();
    rows.push({ id, ...fields, createdAt: stamp(RECORDS_SINCE), updatedAt: stamp(RECORDS_SINCE) });
    return id;
  };
  const blank = { parentId: null, companyCategory: null, mandataireId: null, siren: null, rnsr: null, ror: null, country: 'FR' };

  const institutionId = add({ ...blank, kind: 'institution', name: INSTITUTION.name, shortName: INSTITUTION.shortName, siren: INSTITUTION.siren, city: INSTITUTION.city });
  // ARMINES is a non-profit association (loi 1901) running contract research with the Mines schools.
  const arminesId = add({ ...blank, kind: 'other', name: ARMINES.name, shortName: ARMINES.shortName, city: ARMINES.city });
  const carnots: Record<CarnotKey, string> = {
    // The Carnot M.I.N.E.S label is carried with ARMINES; Carnot TSN by the institution.
    mines: add({ ...blank, kind: 'carnot', name: CARNOTS.mines.name, shortName: CARNOTS.mines.shortName, parentId: arminesId, city: 'Paris' }),
    tsn: add({ ...blank, kind: 'carnot', name: CARNOTS.tsn.name, shortName: CARNOTS.tsn.shortName, parentId: institutionId, city: 'Palaiseau' }),
  };

  const schools: DemoSchool[] = [];
  const incubatorBySchool = new Map<string, string>();
  for (const entry of SCHOOLS) {
    const id = add({ ...blank, kind: 'school', name: entry.name, shortName: entry.shortName, parentId: institutionId, city: entry.city });
    const units = entry.units.map((unit) => ({
      entry: unit,
      // Code de la recherche L.533-1: one mandataire unique per unit; the institution for joint units
      // (it holds the rights), the school for its own research centres.
      id: add({ ...blank, kind: 'research_unit', name: unit.name, shortName: unit.shortName, parentId: id, mandataireId: unit.isJointUnit ? institutionId : id, city: unit.city }),
    }));
    if (entry.incubator) {
      incubatorBySchool.set(entry.key, add({ ...blank, kind: 'incubator', name: entry.incubator.name, shortName: entry.incubator.shortName, parentId: id, city: entry.incubator.city }));
    }
    schools.push({ id, entry, units, incubatorId: '', carnotId: carnots[entry.carnot] });
  }
  for (const school of schools) {
    school.incubatorId = incubatorBySchool.get(school.entry.key) ?? incubatorBySchool.get('tsp') ?? '';
  }

  const publicBodies = Object.fromEntries(
    PUBLIC_BODIES.map((body) => [body.key, add({ ...blank, kind: 'public_body', name: body.name, shortName: body.shortName, city: body.city })]),
  ) as Record<PublicBodyKey, string>;

  const companies = COMPANIES.map((entry) => ({
    entry,
    id: add({ ...blank, kind: 'company', name: entry.name, shortName: entry.shortName, companyCategory: entry.category, city: entry.city }),
  }));

  return { rows, institutionId, arminesId, schools, carnots, companies, publicBodies };
}

/** Mines schools share results with ARMINES, which runs their contract research (Carnot M.I.N.E.S). */
export function worksWithArmines(school: DemoSchool): boolean {
  return school.entry.carnot === 'mines';
}
