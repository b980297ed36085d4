import type { Organisation, OrganisationKind } from '#core/organisation';
import type { Person } from '#core/person';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import type { Option } from '../../ui/Select.tsx';

/** The directory (organisations, people) as the pickers of every form search it. */
const PICKER_SIZE = 30;

export function organisationLabel(organisation: Pick<Organisation, 'name' | 'shortName'>): string {
  return organisation.shortName ? `${organisation.name} (${organisation.shortName})` : organisation.name;
}

export function personLabel(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`;
}

export async function searchOrganisations(q: string, kind?: OrganisationKind): Promise<Option[]> {
  const page = await api.list<Organisation>('/api/organisations', { q: q || undefined, kind, limit: PICKER_SIZE, sort: 'name' });
  return page.items.map((organisation) => ({ value: organisation.id, label: organisationLabel(organisation) }));
}

export async function resolveOrganisation(id: string): Promise<string> {
  return organisationLabel(await api.get<Organisation>(`/api/organisations/${id}`));
}

export async function searchPeople(q: string): Promise<Option[]> {
  const page = await api.list<Person>('/api/people', { q: q || undefined, limit: PICKER_SIZE, sort: 'lastName' });
  return page.items.map((person) => ({ value: person.id, label: personLabel(person) }));
}

export async function resolvePerson(id: string): Promise<string> {
  return personLabel(await api.get<Person>(`/api/people/${id}`));
}

/** The institution's schools, for filters and forms (a handful: loaded once per page). */
export function useSchoolOptions(): Option[] {
  const schools = useResource('schools', () => api.list<Organisation>('/api/organisations', { kind: 'school', limit: 200, sort: 'name' }));
  return schools.data?.items.map((school) => ({ value: school.id, label: organisationLabel(school) })) ?? [];
}
