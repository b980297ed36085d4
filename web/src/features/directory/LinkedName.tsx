import type { Organisation } from '#core/organisation';
import type { Person } from '#core/person';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { Link } from '../../router/router.tsx';
import { organisationLabel, personLabel } from './directory-api.ts';

/** A link to an organisation or a person known only by id, named once the directory answers. */
export function LinkedName({ kind, id }: { kind: 'organisation' | 'person'; id: string }) {
  const path = kind === 'organisation' ? `/organisations/${id}` : `/people/${id}`;
  const record = useResource(path, () => api.get<Organisation | Person>(`/api${path}`));
  const name = record.data ? ('name' in record.data ? organisationLabel(record.data) : personLabel(record.data)) : id;
  return <Link to={path}>{name}</Link>;
}
