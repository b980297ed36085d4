import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/api.ts';
import { type ImportCliIo, processImportIo, runImport } from './import.cli.ts';
import { DOCDB, FIXTURES, INPI, USPTO_GRANT } from './readers/reader.fixtures.ts';

let t: TestContext;
let folder = '';

beforeAll(async () => {
  t = await createTestContext();
  folder = await mkdtemp(join(tmpdir(), 'valo-import-cli-'));
  await mkdir(join(folder, 'bulk', 'us'), { recursive: true });
  await copyFile(`${FIXTURES}${DOCDB}DE-backfile.xml`, join(folder, 'bulk', 'DE-0074.xml'));
  await copyFile(`${FIXTURES}${INPI}2706406.xml`, join(folder, 'bulk', 'fr-2706406.xml'));
  await copyFile(`${FIXTURES}${USPTO_GRANT}ipgb20230404_wk14.zip`, join(folder, 'bulk', 'us', 'week.zip'));
  const broken = readFileSync(`${FIXTURES}${DOCDB}DE-backfile.xml`, 'utf8').split('\n');
  broken[2] = (broken[2] ?? '').replace('</kind>', '</knd>').replace('1258188', '7258188');
  await mkdir(join(folder, 'broken'));
  await writeFile(join(folder, 'broken', 'bulk.xml'), broken.join('\n'));
  await mkdir(join(folder, 'empty'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await t.close();
});

/** Runs the command on real files with a clock that moves a second at each reading. */
async function run(argv: string[], options: { isTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const io: ImportCliIo = {
    ...processImportIo,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    now: () => (clock += 1000),
  };
  const code = await runImport(argv, { imports: t.services.publications.imports, io });
  return { code, stdout, stderr };
}

describe('valo import', () => {
  it('imports files, folders and archives, shows its progress, and ends with a summary; exit 0', async () => {
    const { code, stdout, stderr } = await run([join(folder, 'bulk')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^imported in \d+\.\d s \(\d+ records\/s\), run [0-9a-f-]{36}\n/);
    expect(stdout).toMatch(/^  files +3$/m);
    expect(stdout).toMatch(/^  read +14$/m);
    expect(stdout).toMatch(/^  inserted +14$/m);
    expect(stdout).toMatch(/^  failed +0$/m);
    expect(stdout).toContain('  portfolio: 0 families updated');
    // Not a terminal: a progress line now and then, never a carriage return.
    expect(stderr).toMatch(/^\[[#.]{24}\] +\d+% file \d\/3 +\d+ records +\d+ records\/s\n/);
    expect(stderr).not.toContain('\r');
  });

  it('says every record is unchanged when the same files are imported again', async () => {
    const { code, stdout } = await run([join(folder, 'bulk', 'DE-0074.xml'), join(folder, 'bulk', 'us', 'week.zip')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^  inserted +0$/m);
    expect(stdout).toMatch(/^  updated +0$/m);
    expect(stdout).toMatch(/^  unchanged +13$/m);
  });

  it('lists a bad record with its file and position, keeps the others, and exits 1', async () => {
    const { code, stdout, stderr } = await run([join(folder, 'broken')], { isTTY: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`${join(folder, 'broken', 'bulk.xml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: record starting at line 3: unexpected close tag`));
    expect(stdout).toMatch(/^  read +10$/m);
    expect(stdout).toMatch(/^  failed +1$/m);
    // On a terminal the bar is redrawn in place and cleared before the summary.
    expect(stderr).toContain('\r\x1b[K[');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it.each([
    [[], 'usage: valo import PATH…'],
    [['--fast', 'x.xml'], "Unknown option '--fast'"],
    [['no-such-file.xml'], 'cannot read no-such-file.xml'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 when the folders hold no file to read', async () => {
    const { code, stderr } = await run([join(folder, 'empty')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`no .xml, .json, .csv or .zip file to read under ${join(folder, 'empty')}\n`);
  });
});
