import { Startup, StartupFilter, StartupInput } from '#core/startup';
import { crudRoutes } from '../../platform/crud-routes.ts';
import type { StartupService } from './startup.service.ts';

export function startupRoutes(service: StartupService) {
  return crudRoutes(
    {
      path: '/api/startups',
      tag: 'startups',
      item: Startup,
      input: StartupInput,
      filter: StartupFilter,
      summaries: {
        list: 'List startups and spin-offs, with their founders and agreements',
        get: 'One startup, with its founders and the agreements it is party to',
        create: 'Record a startup for an organisation of category startup',
        update: 'Replace a startup and its founders',
        remove: 'Delete a startup record (its organisation stays)',
      },
    },
    service,
  );
}
