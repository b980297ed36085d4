import { Invention, InventionFilter, InventionInput } from '#core/invention';
import { crudRoutes } from '../../platform/crud-routes.ts';
import type { InventionService } from './invention.service.ts';

export function inventionRoutes(service: InventionService) {
  return crudRoutes(
    {
      path: '/api/inventions',
      tag: 'inventions',
      item: Invention,
      input: InventionInput,
      filter: InventionFilter,
      summaries: {
        list: 'List the inventions the user may open; q searches title and summary by word prefix',
        get: 'One invention with its inventors',
        create: 'Disclose an invention; without a reference, the next INV-<year>-<nnnn> is given',
        update: 'Replace an invention and all its inventors',
        remove: 'Delete an invention no asset comes from',
      },
    },
    service,
  );
}
