import { describe, expect, it } from 'vitest';
import { defaultSort, resolutionOf, viewOf, viewQuery } from './task-views.ts';

describe('the quick views of the deadlines page', () => {
  it('asks the API for overdue, due within 30 or 90 days, open and resolved deadlines', () => {
    expect(viewQuery('overdue', 'done')).toEqual({ overdue: 'true' });
    expect(viewQuery('due30', 'done')).toEqual({ dueWithin: '30' });
    expect(viewQuery('due90', 'done')).toEqual({ dueWithin: '90' });
    expect(viewQuery('open', 'done')).toEqual({ status: 'open' });
    expect(viewQuery('done', 'missed')).toEqual({ status: 'missed' });
  });

  it('falls back on every open deadline, and on done, for a view the address does not name', () => {
    expect(viewOf(null)).toBe('open');
    expect(viewOf('someday')).toBe('open');
    expect(viewOf('due90')).toBe('due90');
    expect(resolutionOf('waived')).toBe('waived');
    expect(resolutionOf('open')).toBe('done');
  });

  it('shows resolved deadlines newest first and the others nearest first', () => {
    expect(defaultSort('done')).toBe('-due');
    expect(defaultSort('overdue')).toBe('due');
  });
});
