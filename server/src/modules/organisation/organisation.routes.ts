import { Organisation, OrganisationFilter, OrganisationInput } from '#core/organisation';
import { crudRoutes } from '../../platform/crud-routes.ts';
import type { OrganisationService } from './organisation.service.ts';

export function organisationRoutes(service: OrganisationService) {
  return crudRoutes(
    {
      path: '/api/organisations',
      tag: 'organisations',
      item: Organisation,
      input: OrganisationInput,
      filter: OrganisationFilter,
      summaries: {
        list: 'List organisations: schools, units, Carnot institutes, incubators, companies, public bodies',
        get: 'One organisation',
        create: 'Create an organisation',
        update: 'Replace an organisation',
        remove: 'Delete an organisation that nothing refers to',
      },
    },
    service,
  );
}
