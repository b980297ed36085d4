import { Agreement, AgreementFilter, AgreementInput } from '#core/agreement';
import { crudRoutes } from '../../platform/crud-routes.ts';
import type { AgreementService } from './agreement.service.ts';

export function agreementRoutes(service: AgreementService) {
  return crudRoutes(
    {
      path: '/api/agreements',
      tag: 'agreements',
      item: Agreement,
      input: AgreementInput,
      filter: AgreementFilter,
      summaries: {
        list: 'List the agreements the user may open: partnerships, licences, options, assignments, co-ownership, NDAs, MTAs',
        get: 'One agreement, with its parties and assets',
        create: 'Create an agreement; without a reference it gets the next AGR-<year>-<number>',
        update: 'Replace an agreement, its parties and its assets',
        remove: 'Delete an agreement that no invention or asset refers to',
      },
    },
    service,
  );
}
