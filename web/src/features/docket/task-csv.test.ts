import { describe, expect, it } from 'vitest';
import type { Task, TaskSummary } from '#core/docket/docket-task';
import { type MessageKey, translate } from '../../i18n/i18n.tsx';
import { assigneeOptions, taskCsvRows } from './task-csv.ts';

const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

const task = {
  id: 't1',
  due: '2027-01-31',
  graceEnd: '2027-07-31',
  status: 'open',
  isOverdue: false,
  kind: 'renewal',
  year: 5,
  office: 'EP',
  assetReference: 'TP-2024-001',
  assetTitle: 'Capteur de graphène',
  applicationNumber: 'EP24150001',
  schoolName: 'Télécom Paris',
  assigneeName: null,
  basis: 'EPC Art. 86(1), R.51(1)',
  resolvedOn: null,
  reason: null,
} as unknown as Task;

describe('the deadlines as a spreadsheet', () => {
  it('writes a header and a row per deadline, with ISO dates and the legal basis', () => {
    const [header, row] = taskCsvRows(en, [task], String);
    expect(header?.[0]).toBe('Due');
    expect(row).toEqual(['2027-01-31', '2027-07-31', 'Open', 'No', 'EP renewal, year 5', 'TP-2024-001', 'Capteur de graphène', 'EP', 'EP24150001', 'Télécom Paris', null, 'EPC Art. 86(1), R.51(1)', null, null]);
  });
});

describe('whom a deadline may be given to', () => {
  it('offers the reader first, then the others who hold deadlines, by name, without the unassigned', () => {
    const summary: TaskSummary = {
      total: { overdue: 0, dueIn30: 0, dueIn90: 0 },
      schools: [],
      assignees: [
        { assigneeId: 'u3', assigneeName: 'Zoé Petit', overdue: 1, dueIn30: 0, dueIn90: 0 },
        { assigneeId: null, assigneeName: null, overdue: 4, dueIn30: 0, dueIn90: 0 },
        { assigneeId: 'me', assigneeName: 'Alice Martin', overdue: 0, dueIn30: 1, dueIn90: 1 },
        { assigneeId: 'u2', assigneeName: 'Bruno Caron', overdue: 0, dueIn30: 0, dueIn90: 2 },
      ],
    };
    expect(assigneeOptions(en, { id: 'me', displayName: 'Alice Martin' }, summary)).toEqual([
      { value: 'me', label: 'Me (Alice Martin)' },
      { value: 'u2', label: 'Bruno Caron' },
      { value: 'u3', label: 'Zoé Petit' },
    ]);
    expect(assigneeOptions(en, { id: 'me', displayName: 'Alice Martin' }, null)).toHaveLength(1);
  });
});
