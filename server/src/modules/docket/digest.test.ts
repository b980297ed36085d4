import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { createTestContext, type Client, type TestContext } from '../../test/api.ts';
import { createDirectory, type Directory } from '../asset/asset.fixtures.ts';
import { digestCommand } from './digest.cli.ts';
import { type Mailer, createSmtpMailer } from './digest.mail.ts';
import { startDigestScheduler } from './digest.scheduler.ts';
import { applicationOf, createFamily, familyInput } from './docket.fixtures.ts';
import { type TestSmtpServer, startSmtpServer } from './smtp.fixture.ts';

let t: TestContext;
let smtp: TestSmtpServer;
let dir: Directory;
let admin: Client;
const emails: Record<string, string> = {};

async function emailOf(client: Client): Promise<string> {
  return (await client.get<{ user: { email: string } }>('/api/auth/me')).body.user.email;
}

beforeAll(async () => {
  t = await createTestContext();
  smtp = await startSmtpServer();
  admin = await t.signIn('admin');
  dir = await createDirectory(admin);
  const officerA = await t.signIn('officer', { schoolId: dir.schoolA.id });
  await officerA.put('/api/me/digest', { isEnabled: true, locale: 'en' });
  const optedOut = await t.signIn('officer', { schoolId: dir.schoolA.id });
  await optedOut.put('/api/me/digest', { isEnabled: false, locale: 'fr' });
  const officerB = await t.signIn('officer', { schoolId: dir.schoolB.id });
  await t.signIn('reader');
  emails.admin = await emailOf(admin);
  emails.officerA = await emailOf(officerA);
  emails.officerB = await emailOf(officerB);
  const family = await createFamily(admin, familyInput(dir, { title: 'Membrane <sélective>' }));
  await admin.post(`/api/applications/${applicationOf(family, 'EP').id}/events`, { type: 'r71-3-notified', date: '2025-11-20' });
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const mailerFor = (server: TestSmtpServer): Mailer => createSmtpMailer({ smtpUrl: server.url, from: 'Valo <valo@test.valo>' });

describe('the daily digest', () => {
  it('previews the messages without sending or marking anything', async () => {
    const preview = await t.services.docket.digest.preview();
    expect(preview.messages.map((message) => message.to).sort()).toEqual([emails.admin, emails.officerA].sort());
    expect(preview.withNothingDue).toBe(1);
    expect(smtp.received).toEqual([]);
  });

  it('sends each officer and admin the deadlines they may see over SMTP, in their language', async () => {
    const mailer = mailerFor(smtp);
    const report = await t.services.docket.digest.send(mailer);
    mailer.close();
    expect(report).toMatchObject({ day: '2026-03-02', withNothingDue: 1, failed: [] });
    expect(smtp.received.map((mail) => mail.to)).toEqual(expect.arrayContaining([[emails.admin], [emails.officerA]]));
    expect(smtp.received).toHaveLength(2);
    const english = smtp.received.find((mail) => mail.to[0] === emails.officerA)!;
    expect(english.from).toBe('valo@test.valo');
    expect(english.subject).toMatch(/^Valo — \d+ overdue, 1 due within 30 days$/);
    expect(english.text).toContain('Hello Test officer,');
    expect(english.text).toContain('Due within 30 days (1)');
    expect(english.text).toMatch(/- 2026-03-20 — EP \S+ — R\.71\(3\) reply due — Membrane <sélective>/);
    expect(english.html).toContain('Membrane &lt;sélective&gt;');
    const french = smtp.received.find((mail) => mail.to[0] === emails.admin)!;
    expect(french.subject).toMatch(/^Valo — \d+ échéance\(s\) en retard, 1 dans les 30 jours$/);
    expect(french.text).toContain('En retard (');
  });

  it('does not send the same day twice', async () => {
    const mailer = mailerFor(smtp);
    const again = await t.services.docket.digest.send(mailer);
    mailer.close();
    expect(again.messages).toEqual([]);
    expect(smtp.received).toHaveLength(2);
  });

  it('gives the day back when the SMTP server is down, so a later run sends it', async () => {
    const down = await startSmtpServer();
    await down.close();
    const day = '2026-03-03';
    const failing = await t.services.docket.digest.send(mailerFor(down), { day });
    expect(failing.failed.map((failure) => failure.to).sort()).toEqual([emails.admin, emails.officerA].sort());
    const retried = await t.services.docket.digest.send(mailerFor(smtp), { day });
    expect(retried.messages).toHaveLength(2);
    expect(smtp.received).toHaveLength(4);
  });
});

describe('the digest scheduler', () => {
  const config = loadConfig({ VALO_DIGEST_HOUR: '7', VALO_LOG: 'silent' });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends once, at the first check on or after the hour, and not again after a restart', async () => {
    const server = await startSmtpServer();
    const mailer = mailerFor(server);
    const options = { intervalMs: 10, mailer, logger: createLogger('silent') };
    try {
      // Local times: the digest hour is the server's.
      t.clock.set('2026-03-05T06:59:00');
      const stop = startDigestScheduler(t.services, config, t.clock, options);
      await wait(60);
      expect(server.received).toEqual([]);
      t.clock.set('2026-03-05T07:00:00');
      for (let tries = 0; tries < 100 && server.received.length < 2; tries++) await wait(20);
      await stop();
      expect(server.received.map((mail) => mail.to[0]).sort()).toEqual([emails.admin, emails.officerA].sort());
      const restarted = startDigestScheduler(t.services, config, t.clock, options);
      await wait(60);
      await restarted();
      expect(server.received).toHaveLength(2);
    } finally {
      t.clock.set('2026-03-02T09:00:00Z');
      mailer.close();
      await server.close();
    }
  });

  it('stays off without an SMTP server', async () => {
    const stop = startDigestScheduler(t.services, config, t.clock, { logger: createLogger('silent') });
    await stop();
  });
});

describe('valo digest send', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'valo-digest-'));
    try {
      const config = loadConfig({ VALO_DATA_DIR: dataDir, VALO_LOG: 'silent', ...env });
      const code = await digestCommand(config, argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
      return { code, out: out.join(''), err: err.join('') };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  it('answers 2 for bad arguments and for a send without an SMTP server', async () => {
    expect((await run(['mail'])).code).toBe(2);
    expect((await run(['send', '--now'])).code).toBe(2);
    const noSmtp = await run(['send']);
    expect(noSmtp.code).toBe(2);
    expect(noSmtp.err).toContain('VALO_SMTP_URL');
  });

  it('lists what it would send with --dry-run', async () => {
    const dry = await run(['send', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/: 0 digest\(s\) to send, 0 user\(s\) with nothing due\n$/);
  });
});
