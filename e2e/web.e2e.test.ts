import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import { browserSession } from './browser-session.ts';
import { createPortfolio } from './e2e-data.ts';
import { ADMIN, type E2eServer, startServer } from './e2e-server.ts';

// The empty title the edit step saves answers 400: that one is expected too.
const session = browserSession('web', { viewport: { width: 1280, height: 900 }, expectedStatuses: [400] });
let server: E2eServer;
let family: Asset;

describe('the web app in a real browser', () => {
  beforeAll(async () => {
    await session.open(async () => {
      server = await startServer();
      ({ family } = await createPortfolio(server));
    });
  }, 180_000);
  afterAll(() => session.close(() => server?.close()));

  it('signs in through the labelled form, after announcing a wrong password', async () => {
    const page = session.ready();
    await page.goto(server.baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à Valo');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await session.checkAccessibility('login');

    await session.signIn(ADMIN.email, 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');

    await session.signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Le portefeuille en un coup d’œil' }).waitFor();
    await page.locator('.chart svg[role="img"]').waitFor();
    await session.checkAccessibility('home');
    await page.screenshot({ path: '/tmp/valo-home.png', fullPage: true });
  }, 60_000);

  it('finds the family through the search box and opens it', async () => {
    const page = session.ready();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Familles de brevets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Familles de brevets' }).waitFor();
    expect(await page.getByRole('link', { name: 'Familles de brevets', exact: true }).first().getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await session.checkAccessibility('family list');

    await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill('graphène');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('graphène');

    await page.getByRole('link', { name: 'Capteur de graphène' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capteur de graphène' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/families/${family.id}`);
    await expect.poll(() => page.getByText('FR2401234').count()).toBeGreaterThan(0);
    await session.checkAccessibility('family detail');
  }, 60_000);

  it('shows the API’s field errors next to the field and in a focused summary', async () => {
    const page = session.ready();
    await page.getByRole('link', { name: 'Modifier' }).click();
    const title = page.getByLabel('Titre', { exact: false }).first();
    await expect.poll(() => title.inputValue()).toBe('Capteur de graphène');
    await session.checkAccessibility('family edit');
    await page.screenshot({ path: '/tmp/valo-family-edit.png', fullPage: true });

    await title.fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await page.locator('#field-title-error').textContent()).toBeTruthy();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await session.checkAccessibility('family edit with errors');
  }, 60_000);

  it('saves a new title, shows it and stores it', async () => {
    const page = session.ready();
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
    const page = session.ready();
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
    const page = session.ready();
    await page.getByRole('button', { name: 'Alice Martin' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion à Valo' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
