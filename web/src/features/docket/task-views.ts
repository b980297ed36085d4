import type { QueryValue } from '../../api/client.ts';

/** The quick views of the deadlines page, as the address bar names them (`?view=due30`). */
export const taskViews = ['overdue', 'due30', 'due90', 'open', 'done'] as const;
export type TaskView = (typeof taskViews)[number];

export const resolutions = ['done', 'waived', 'missed'] as const;
export type Resolution = (typeof resolutions)[number];

export const DEFAULT_VIEW: TaskView = 'open';

export function viewOf(text: string | null): TaskView {
  return (taskViews as readonly string[]).includes(text ?? '') ? (text as TaskView) : DEFAULT_VIEW;
}

export function resolutionOf(text: string | null): Resolution {
  return (resolutions as readonly string[]).includes(text ?? '') ? (text as Resolution) : 'done';
}

/** The filters of the page that the API takes as they are. */
export const taskFilterNames = ['schoolId', 'assigneeId', 'kind', 'office'] as const;

/**
 * The API query of a view: overdue (open, past the last day), due within 30 or 90 days (open, not
 * overdue; a task in its grace period counts as due), every open task, or the resolved ones (done by
 * default; waived or missed on request).
 */
export function viewQuery(view: TaskView, resolution: Resolution): Record<string, QueryValue> {
  switch (view) {
    case 'overdue':
      return { overdue: 'true' };
    case 'due30':
      return { dueWithin: '30' };
    case 'due90':
      return { dueWithin: '90' };
    case 'open':
      return { status: 'open' };
    case 'done':
      return { status: resolution };
  }
}

/** Resolved tasks read best newest first; open ones by the nearest due date. */
export function defaultSort(view: TaskView): string {
  return view === 'done' ? '-due' : 'due';
}
