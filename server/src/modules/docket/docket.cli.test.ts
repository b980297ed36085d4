import { describe, expect, it } from 'vitest';
import { runDocketCompute, type DocketCliIo } from './docket.cli.ts';

const EP2400812 = {
  office: 'EP',
  filingDate: '2010-06-24',
  priorityDate: null,
  events: [{ type: 'grant-published', date: '2019-11-27' }],
};

/** Runs the command on in-memory files; returns the exit code and what it wrote. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: DocketCliIo = {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await runDocketCompute(argv, io);
  return { code, stdout, stderr };
}

const compute = (document: unknown) => run(['compute', '--input', 'case.json'], { 'case.json': JSON.stringify(document) });

describe('valo docket compute', () => {
  it('prints one JSON document with the five fixed keys on every deadline', async () => {
    const { code, stdout, stderr } = await compute(EP2400812);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    const output = JSON.parse(stdout) as { deadlines: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['deadlines']);
    expect(output.deadlines.length).toBeGreaterThan(0);
    for (const deadline of output.deadlines) {
      expect(Object.keys(deadline).slice(0, 5)).toEqual(['kind', 'due', 'graceEnd', 'year', 'basis']);
      expect(deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(deadline.graceEnd === null || /^\d{4}-\d{2}-\d{2}$/.test(String(deadline.graceEnd))).toBe(true);
      expect(deadline.year === null || typeof deadline.year === 'number').toBe(true);
      expect(typeof deadline.basis).toBe('string');
    }
  });

  it('computes the EP2400812 renewals and opposition period', async () => {
    const { deadlines } = JSON.parse((await compute(EP2400812)).stdout) as { deadlines: Record<string, unknown>[] };
    expect(deadlines.filter((deadline) => deadline.kind === 'renewal').map((deadline) => deadline.year)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(deadlines.find((deadline) => deadline.kind === 'renewal' && deadline.year === 3)).toMatchObject({
      due: '2012-07-02',
      graceEnd: '2013-01-02',
    });
    expect(deadlines.find((deadline) => deadline.kind === 'opposition-end')).toMatchObject({
      kind: 'opposition-end',
      due: '2020-08-27',
      graceEnd: null,
      year: null,
    });
  });

  it('gives maintenance fees with their year for a US case', async () => {
    const { deadlines } = JSON.parse(
      (await compute({ office: 'US', filingDate: '2008-03-03', priorityDate: null, events: [{ type: 'grant-published', date: '2010-01-05' }] }))
        .stdout,
    ) as { deadlines: Record<string, unknown>[] };
    expect(deadlines.filter((deadline) => deadline.kind === 'maintenance-fee').map((deadline) => deadline.year)).toEqual([3.5, 7.5, 11.5]);
  });

  it('accepts the options without the compute word', async () => {
    const { code } = await run(['--input', 'case.json'], { 'case.json': JSON.stringify(EP2400812) });
    expect(code).toBe(0);
  });

  const badInputs: [string, unknown, string][] = [
    ['an unknown office', { ...EP2400812, office: 'JP' }, 'office'],
    ['a date that does not exist', { ...EP2400812, filingDate: '2010-02-30' }, 'filingDate'],
    ['a date in another format', { ...EP2400812, priorityDate: '24/06/2009' }, 'priorityDate'],
    ['a priority date after the filing date', { ...EP2400812, priorityDate: '2010-07-01' }, 'priorityDate'],
    ['an unknown event type', { ...EP2400812, events: [{ type: 'granted', date: '2019-11-27' }] }, 'events.0.type'],
    ['a bad event date', { ...EP2400812, events: [{ type: 'grant-published', date: 'soon' }] }, 'events.0.date'],
    ['events that are not a list', { ...EP2400812, events: 'none' }, 'events'],
    ['a missing office', { filingDate: '2010-06-24', priorityDate: null, events: [] }, 'office'],
    ['a missing filing date', { office: 'EP', priorityDate: null, events: [] }, 'filingDate'],
    ['a missing priority date', { office: 'EP', filingDate: '2010-06-24', events: [] }, 'priorityDate'],
    ['missing events', { office: 'EP', filingDate: '2010-06-24', priorityDate: null }, 'events'],
  ];

  it.each(badInputs)('exits 2 on %s, naming the field', async (_what, document, field) => {
    const { code, stdout, stderr } = await compute(document);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${field}:`);
  });

  it('says a missing key is required', async () => {
    const { stderr } = await compute({ office: 'EP', filingDate: '2010-06-24', events: [] });
    expect(stderr).toContain('priorityDate: is required');
  });

  it('exits 2 on a document that is not an object', async () => {
    const { code, stderr } = await compute([EP2400812]);
    expect(code).toBe(2);
    expect(stderr).toContain('must be a JSON object');
  });

  it('exits 2 on bad JSON, naming the input', async () => {
    const { code, stderr } = await run(['compute', '--input', 'case.json'], { 'case.json': '{"office": "EP",' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^input: case\.json is not valid JSON/);
  });

  it('exits 2 on an unreadable file, naming the input', async () => {
    const { code, stderr } = await run(['compute', '--input', 'missing.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^input: cannot read missing\.json/);
  });

  it('exits 2 without --input or with an unknown option', async () => {
    expect((await run(['compute'])).stderr).toMatch(/^input: --input CASE\.json is required/);
    expect((await run(['compute'])).code).toBe(2);
    const unknown = await run(['compute', '--input', 'case.json', '--format', 'csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format');
  });
});
