import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { AssetRepository } from '../asset/asset.repository.ts';
import type { OrganisationRepository } from '../organisation/organisation.repository.ts';
import { createAbandonService } from './abandon.service.ts';
import { createCalendarService } from './calendar.service.ts';
import { createDigestService } from './digest.service.ts';
import { createDocketRecompute } from './docket-recompute.ts';
import { createDocketRepository } from './docket.repository.ts';
import { createDocketSettingsRepository } from './docket-settings.repository.ts';
import { createProsecutionEventRepository } from './prosecution-event.repository.ts';
import { createProsecutionEventService } from './prosecution-event.service.ts';
import { createTaskRepository } from './task.repository.ts';
import { createTaskService } from './task.service.ts';

/**
 * The docketing module wired in plain view: its repositories, the recomputation every write goes
 * through, and the services the routes, the CLI and the scheduler use.
 */
export function createDocketServices(deps: { db: Db; assets: AssetRepository; organisations: OrganisationRepository; clock: Clock }) {
  const { db, assets, organisations, clock } = deps;
  const docket = createDocketRepository(db);
  const events = createProsecutionEventRepository(db);
  const tasks = createTaskRepository(db);
  const settings = createDocketSettingsRepository(db);
  const recompute = createDocketRecompute({ db, docket, clock });
  return {
    recompute,
    events: createProsecutionEventService({ db, events, recompute, clock }),
    tasks: createTaskService({ db, tasks, recompute, clock }),
    abandon: createAbandonService({ db, assets, organisations, events, tasks, recompute, clock }),
    calendar: createCalendarService({ settings, tasks, clock }),
    digest: createDigestService({ settings, tasks, clock }),
  };
}
export type DocketServices = ReturnType<typeof createDocketServices>;
