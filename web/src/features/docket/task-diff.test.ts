import { describe, expect, it } from 'vitest';
import type { Task } from '#core/docket/docket-task';
import { diffTasks, hasChanges } from './task-diff.ts';

function task(id: string, due: string, status: Task['status'] = 'open'): Task {
  return { id, due, status } as Task;
}

describe('what a recomputation changed', () => {
  it('lists the open deadlines added, removed and moved, by due date', () => {
    const before = [task('a', '2027-01-31'), task('b', '2027-03-15'), task('c', '2027-02-01')];
    const after = [task('a', '2027-01-31'), task('c', '2027-04-01'), task('e', '2027-06-15'), task('d', '2027-05-15')];
    const change = diffTasks(before, after);
    expect(change.added.map((item) => item.id)).toEqual(['d', 'e']);
    expect(change.removed.map((item) => item.id)).toEqual(['b']);
    expect(change.moved).toEqual([{ task: after[1], previousDue: '2027-02-01' }]);
    expect(hasChanges(change)).toBe(true);
  });

  it('leaves resolved deadlines out, and finds nothing when nothing changed', () => {
    const before = [task('a', '2027-01-31', 'done')];
    const after = [task('a', '2027-02-28', 'done'), task('b', '2027-03-01', 'missed')];
    expect(hasChanges(diffTasks(before, after))).toBe(false);
    expect(hasChanges(diffTasks([task('x', '2027-01-01')], [task('x', '2027-01-01')]))).toBe(false);
  });
});
