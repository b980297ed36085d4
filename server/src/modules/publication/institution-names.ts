import type { InstitutionNames } from './publication.repository.ts';
import { normaliseName } from './publication-keys.ts';
import type { StoredParty } from './publication-record.ts';

export interface InstitutionOrganisation {
  id: string;
  name: string;
  shortName: string | null;
  siren: string | null;
}

/** A normalised name this short would be found inside too many others ("EC", "IT"). */
const MIN_LENGTH = 3;

function usable(name: string | null): string | null {
  const normalised = name === null ? '' : normaliseName(name);
  return normalised.length >= MIN_LENGTH ? normalised : null;
}

/**
 * What the review list looks for: an organisation's name as whole words anywhere in an applicant's
 * name ("IMT ATLANTIQUE" in "IMT ATLANTIQUE BRETAGNE PAYS DE LA LOIRE"); its short name only as the
 * whole name (short names are too common inside others'); its SIREN against INPI's identifiers.
 */
export function institutionNames(organisations: InstitutionOrganisation[]): InstitutionNames {
  const phrases = new Set<string>();
  const exactKeys = new Set<string>();
  for (const organisation of organisations) {
    const name = usable(organisation.name);
    if (name !== null) phrases.add(name);
    const shortName = usable(organisation.shortName);
    if (shortName !== null) exactKeys.add(shortName);
    if (organisation.siren !== null) exactKeys.add(`SIREN:${organisation.siren.replace(/\s+/g, '')}`);
  }
  return { phrases: [...phrases], exactKeys: [...exactKeys] };
}

/** The organisations these applicants match, by the same rules as the review list's query. */
export function matchingOrganisations(applicants: StoredParty[], organisations: InstitutionOrganisation[]): InstitutionOrganisation[] {
  const names = applicants.map((applicant) => ` ${normaliseName(applicant.name)} `);
  const identifiers = new Set(applicants.map((applicant) => applicant.identifier).filter((value): value is string => value !== null));
  return organisations.filter((organisation) => {
    const name = usable(organisation.name);
    const shortName = usable(organisation.shortName);
    return (
      (name !== null && names.some((candidate) => candidate.includes(` ${name} `))) ||
      (shortName !== null && names.includes(` ${shortName} `)) ||
      (organisation.siren !== null && identifiers.has(organisation.siren.replace(/\s+/g, '')))
    );
  });
}
