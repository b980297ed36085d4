import { createRouter } from '../../platform/http.ts';
import { calendarRoutes } from './calendar.routes.ts';
import type { DocketServices } from './docket.services.ts';
import { prosecutionEventRoutes } from './prosecution-event.routes.ts';
import { taskRoutes } from './task.routes.ts';

/** Every docketing route: events of an application, tasks, abandonment, the calendar feed and digest settings. */
export function docketRoutes(docket: DocketServices) {
  return createRouter()
    .route('/', prosecutionEventRoutes(docket.events))
    .route('/', taskRoutes(docket.tasks, docket.abandon))
    .route('/', calendarRoutes(docket.calendar));
}
