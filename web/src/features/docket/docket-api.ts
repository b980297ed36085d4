import type { Page } from '#core/common';
import type {
  AbandonInput,
  AbandonResult,
  CalendarFeed,
  DigestSettings,
  DigestSettingsInput,
  ProsecutionEvent,
  ProsecutionEventInput,
  Task,
  TaskResolveInput,
  TaskSummary,
} from '#core/docket/docket-task';
import { type QueryValue, api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';

/** The docketing API as the screens use it: tasks, their actions, events, abandonment, calendar and digest. */

const ALL_PAGE_SIZE = 1000;
const ALL_MAX_PAGES = 20;

/** Every task that matches, page after page (for the CSV export, a family's section, the calendar). */
export async function fetchAllTasks(params: Record<string, QueryValue>): Promise<Task[]> {
  const items: Task[] = [];
  let offset: number | null = 0;
  for (let count = 0; offset !== null && count < ALL_MAX_PAGES; count++) {
    const page: Page<Task> = await api.list<Task>('/api/tasks', { ...params, offset, limit: ALL_PAGE_SIZE });
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

export const docketApi = {
  resolve: (id: string, input: TaskResolveInput) => api.post<Task>(`/api/tasks/${id}/resolve`, input),
  reopen: (id: string) => api.post<Task>(`/api/tasks/${id}/reopen`),
  assign: (id: string, assigneeId: string | null) => api.put<Task>(`/api/tasks/${id}/assignee`, { assigneeId }),
  events: (applicationId: string) => api.get<ProsecutionEvent[]>(`/api/applications/${applicationId}/events`),
  addEvent: (applicationId: string, input: ProsecutionEventInput) => api.post<ProsecutionEvent>(`/api/applications/${applicationId}/events`, input),
  correctEvent: (applicationId: string, eventId: string, input: ProsecutionEventInput) =>
    api.put<ProsecutionEvent>(`/api/applications/${applicationId}/events/${eventId}`, input),
  deleteEvent: (applicationId: string, eventId: string) => api.remove(`/api/applications/${applicationId}/events/${eventId}`),
  abandon: (assetId: string, input: AbandonInput) => api.post<AbandonResult>(`/api/assets/${assetId}/abandon`, input),
  createCalendarToken: () => api.post<CalendarFeed>('/api/me/calendar-token'),
  digest: () => api.get<DigestSettings>('/api/me/digest'),
  saveDigest: (input: DigestSettingsInput) => api.put<DigestSettings>('/api/me/digest', input),
};

/** Open tasks counted per school and per assignee; `version` reloads it after a change. */
export function useTaskSummary(version = 0) {
  return useResource(`/api/tasks/summary#${version}`, () => api.get<TaskSummary>('/api/tasks/summary'));
}
