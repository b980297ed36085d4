import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../platform/config.ts';
import { startOpsReplayServer, type OpsReplayServer } from './ops-replay-server.ts';
import { runOps, type OpsCliIo } from './ops.cli.ts';

let replay: OpsReplayServer;
let dataDir: string;
let config: Config;
beforeEach(async () => {
  replay = await startOpsReplayServer();
  dataDir = await mkdtemp(join(tmpdir(), 'valo-ops-cli-'));
  config = loadConfig({ VALO_DATA_DIR: dataDir, VALO_OPS_URL: replay.url, VALO_OPS_KEY: replay.consumerKey, VALO_OPS_SECRET: replay.consumerSecret });
});
afterEach(async () => {
  await replay.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function run(argv: string[], withConfig = config) {
  let stdout = '';
  let stderr = '';
  const io: OpsCliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    untilStopped: () => Promise.resolve(),
  };
  const code = await runOps(argv, io, withConfig);
  const lines = stdout === '' ? [] : stdout.trimEnd().split('\n');
  return { code, stdout, stderr, lines };
}

describe('valo ops fetch', () => {
  it('prints the publications of an OPS answer as JSON lines', async () => {
    const { code, lines, stderr } = await run(['fetch', 'biblio', 'EP2400812']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ source: 'ops', country: 'EP', number: '2400812', kind: 'A1', publicationDate: '2011-12-28' }),
    ]);
  });

  it('keeps the answer under the data folder and says so when it serves it again', async () => {
    await run(['fetch', 'legal', 'EP2400812']);
    const again = await run(['fetch', 'legal', 'EP2400812']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^from the cache, as EPO OPS gave it at .+; --fresh asks again\n$/);
    expect(replay.log.filter((entry) => entry.kind === 'data')).toHaveLength(1);
    expect(await readdir(join(dataDir, 'ops-cache'))).toHaveLength(1);
    await run(['fetch', 'legal', 'EP2400812', '--fresh']);
    expect(replay.log.filter((entry) => entry.kind === 'data')).toHaveLength(2);
  });

  it('prints the XML as received with --xml, and asks by application number with --application', async () => {
    const { code, stdout } = await run(['fetch', 'procedural-steps', 'EP10167109', '--application', '--xml']);
    expect(code).toBe(0);
    expect(stdout).toContain('<ns3:procedural-step-code>RFEE</ns3:procedural-step-code>');
    expect(replay.log.at(-1)?.path).toBe('/3.2/rest-services/register/application/epodoc/EP10167109/procedural-steps');
  });

  it('asks in the format given with --format', async () => {
    await run(['fetch', 'family', 'EP2400812A1', '--format', 'epodoc']);
    expect(replay.log.at(-1)?.path).toBe('/3.2/rest-services/family/publication/epodoc/EP2400812/biblio');
  });

  it('exits 1 with the reason when OPS has nothing for the number', async () => {
    const { code, stderr, lines } = await run(['fetch', 'register', 'EP9999999']);
    expect(code).toBe(1);
    expect(lines).toEqual([]);
    expect(stderr).toBe('EPO OPS has no Register biblio of EP9999999 (SERVER.EntityNotFound: No results found)\n');
  });

  it('exits 2 and names the settings when OPS is not configured', async () => {
    const unconfigured = loadConfig({ VALO_DATA_DIR: dataDir });
    expect(unconfigured.opsUrl).toBe('https://ops.epo.org');
    const { code, stderr } = await run(['fetch', 'biblio', 'EP2400812'], unconfigured);
    expect(code).toBe(2);
    expect(stderr).toBe('EPO OPS is not configured: set VALO_OPS_KEY and VALO_OPS_SECRET (the consumer key and secret of an OPS account)\n');
  });

  it.each([
    [['fetch', 'claims', 'EP2400812'], 'WHAT must be one of biblio, full-cycle, family, legal, register, register-events, procedural-steps'],
    [['fetch', 'biblio', 'EP-2400812'], 'number "EP-2400812" is not a patent number'],
    [['fetch', 'biblio', 'EP2400812', '--format', 'original'], 'format must be epodoc or docdb'],
    [['fetch', 'biblio'], 'unknown or incomplete command "ops fetch biblio"'],
    [['fetch', 'biblio', 'EP2400812', '--verbose'], "Unknown option '--verbose'"],
    [[], 'what to do?'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: valo ops');
    expect(replay.log).toEqual([]);
  });
});

describe('valo ops search', () => {
  it('prints the hits of a CQL search', async () => {
    const { code, lines } = await run(['search', 'pa = Siemens', '--biblio', '--range', '1-3']);
    expect(code).toBe(0);
    expect(lines.map((line) => (JSON.parse(line) as { number: string }).number)).toEqual(['2024270787', '2024265697', '3740998']);
  });
});

describe('valo ops replay', () => {
  it('serves recorded answers until stopped, and says how to point Valo at it', async () => {
    let stderr = '';
    let url = '';
    let statusWhileRunning = 0;
    const io: OpsCliIo = {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      untilStopped: async () => {
        url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1] ?? '';
        statusWhileRunning = (await fetch(`${url}/3.2/rest-services/legal/publication/epodoc/EP2400812`)).status;
      },
    };
    expect(await runOps(['replay', '--port', '0'], io, config)).toBe(0);
    expect(statusWhileRunning).toBe(401);
    expect(stderr).toContain(`VALO_OPS_URL=${url} VALO_OPS_KEY=replay-key VALO_OPS_SECRET=replay-secret`);
    await expect(fetch(`${url}/3.2/auth/accesstoken`, { method: 'POST' })).rejects.toThrow();
  });
});
