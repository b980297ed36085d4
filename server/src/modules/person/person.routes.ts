import { Person, PersonFilter, PersonInput } from '#core/person';
import { crudRoutes } from '../../platform/crud-routes.ts';
import type { PersonService } from './person.service.ts';

export function personRoutes(service: PersonService) {
  return crudRoutes(
    {
      path: '/api/people',
      tag: 'people',
      item: Person,
      input: PersonInput,
      filter: PersonFilter,
      summaries: {
        list: 'List people (researchers and contacts); q searches names and e-mail',
        get: 'One person with their affiliations',
        create: 'Create a person with their affiliations',
        update: 'Replace a person and all their affiliations',
        remove: 'Delete a person who is no inventor and has no account',
      },
    },
    service,
  );
}
