import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import { type AxeFinding, axeViolations, isSerious } from './axe-check.ts';
import { createPortfolio } from './e2e-data.ts';
import { ADMIN, type E2eServer, startServer } from './e2e-server.ts';
import { ensureWebBuild } from './web-build.ts';

const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let server: E2eServer;
let context: BrowserContext;
let page: Page;
let profileDir: string;
let family: Asset;
const axeReport: Record<string, AxeFinding[]> = {};
let missingChromium: Error | null = null;

/** Every step fails, none is skipped, when the browser is missing. */
function ready(): void {
  if (missingChromium) throw missingChromium;
}
const pageErrors: string[] = [];

async function checkAccessibility(name: string): Promise<void> {
  const findings = await axeViolations(page);
  axeReport[name] = findings;
  expect(findings.filter(isSerious), `serious or critical axe violations on the ${name} page`).toEqual([]);
}

describe('the web app in a real browser', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      missingChromium = new Error('Chromium not found: apt-get install chromium');
      return;
    }
    ensureWebBuild(root);
    server = await startServer();
    ({ family } = await createPortfolio(server));
    profileDir = mkdtempSync(join(tmpdir(), 'valo-e2e-chromium-'));
    // A persistent context on a fresh profile folder: no state from any earlier run.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The browser logs every 4xx answer; those the steps expect (401 before sign-in, 400 for the empty
      // title) are not faults. Anything else, CSP refusals first, is.
      if (message.type() === 'error' && !/status of 40[01]/.test(message.text())) pageErrors.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    for (const [name, findings] of Object.entries(axeReport)) {
      const summary = findings.map((finding) => `${finding.impact ?? '?'} ${finding.id}: ${finding.help}`).join('; ') || 'none';
      console.warn(`axe ${name}: ${summary}`);
    }
    await context?.close();
    await server?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('signs in through the labelled form, after announcing a wrong password', async () => {
    ready();
    await page.goto(server.baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à Valo');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await checkAccessibility('login');

    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');

    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Le portefeuille en un coup d’œil' }).waitFor();
    await page.locator('.chart svg').waitFor();
    await checkAccessibility('home');
    await page.screenshot({ path: '/tmp/valo-home.png', fullPage: true });
  }, 60_000);

  it('finds the family through the search box and opens it', async () => {
    ready();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Familles de brevets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Familles de brevets' }).waitFor();
    expect(await page.getByRole('link', { name: 'Familles de brevets', exact: true }).first().getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await checkAccessibility('family list');

    await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill('graphène');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('graphène');

    await page.getByRole('link', { name: 'Capteur de graphène' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capteur de graphène' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/families/${family.id}`);
    await expect.poll(() => page.getByText('FR2401234').count()).toBeGreaterThan(0);
    await checkAccessibility('family detail');
  }, 60_000);

  it('shows the API’s field errors next to the field and in a focused summary', async () => {
    ready();
    await page.getByRole('link', { name: 'Modifier' }).click();
    const title = page.getByLabel('Titre', { exact: false }).first();
    await expect.poll(() => title.inputValue()).toBe('Capteur de graphène');
    await checkAccessibility('family edit');
    await page.screenshot({ path: '/tmp/valo-family-edit.png', fullPage: true });

    await title.fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await page.locator('#field-title-error').textContent()).toBeTruthy();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility('family edit with errors');
  }, 60_000);

  it('saves a new title, shows it and stores it', async () => {
    ready();
    await page.getByLabel('Titre', { exact: false }).first().fill('Capteur de graphène souple');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capteur de graphène souple' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/families/${family.id}`);
    const stored = await server.api<Asset>('GET', `/api/families/${family.id}`);
    expect(stored.title).toBe('Capteur de graphène souple');
    expect(stored.applications.map((application) => application.applicationNumber)).toEqual(['FR2401234']);
    expect(stored.owners.map((owner) => owner.share)).toEqual(expect.arrayContaining([60, 40]));
  }, 60_000);

  it('switches to English and back, and remembers the choice', async () => {
    ready();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.getByRole('link', { name: 'Modifier' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  }, 60_000);

  it('signs out from the user menu', async () => {
    ready();
    await page.getByRole('button', { name: 'Alice Martin' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion à Valo' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
