import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page as ListPage } from '#core/common';
import type { Task } from '#core/docket/docket-task';
import { addDays, addMonths } from '#core/docket/iso-date';
import type { Organisation } from '#core/organisation';
import { systemActor } from '../server/src/platform/actor.ts';
import { browserSession } from './browser-session.ts';
import { type E2eServer, startServer } from './e2e-server.ts';

/*
 * The docketing pages in a real browser, signed in as a school's officer: the deadlines list and its
 * resolve dialog, a procedural event recorded on the family's page and the deadlines it changes, the
 * renewal budget, and the calendar with its feed address. Dates are set from today, so the same
 * deadlines are overdue, in their grace period or ahead whenever the test runs.
 */

const OFFICER = { email: 'officer@e2e.valo', password: 'e2e officer 2026', displayName: 'Olivia Leroy' };

const today = new Date().toISOString().slice(0, 10);
/** An EP application filed 51 months ago, granted 20 days ago, claiming an FR filing 11 months older. */
const epFiling = addMonths(today, -51);
const frFiling = addMonths(epFiling, -11);
const grantDate = addDays(today, -20);
const r713Date = addDays(today, -10);

const session = browserSession('docket');
let server: E2eServer;
let family: Asset;

async function tasksOf(query: string): Promise<Task[]> {
  return (await server.api<ListPage<Task>>('GET', `/api/tasks?assetId=${family.id}&limit=1000&${query}`)).items;
}

function mainNav() {
  return session.page.getByRole('navigation', { name: 'Navigation principale' });
}

describe('docketing in a real browser', () => {
  beforeAll(async () => {
    await session.open(async () => {
      server = await startServer();
      const school = await server.api<Organisation>('POST', '/api/organisations', { kind: 'school', name: 'Télécom Paris', shortName: 'TP', city: 'Palaiseau' });
      await server.services.auth.createUser(systemActor, { ...OFFICER, role: 'officer', schoolId: school.id, personId: null, organisationId: null });
      family = await server.api<Asset>('POST', '/api/families', {
        title: 'Capteur de graphène',
        reference: 'TP-EP-001',
        status: 'granted',
        schoolId: school.id,
        owners: [{ organisationId: school.id, share: 100 }],
        applications: [
          { office: 'FR', applicationNumber: 'FR2101234', filingDate: frFiling },
          {
            office: 'EP',
            applicationNumber: 'EP22181234',
            filingDate: epFiling,
            route: 'ep_direct',
            status: 'granted',
            grantNumber: 'EP4012345',
            grantDate,
            priorities: [{ country: 'FR', number: 'FR2101234', date: frFiling }],
          },
        ],
      });
    });
  }, 180_000);
  afterAll(() => session.close(() => server?.close()));

  it('shows the officer the EP renewals on the deadlines page, overdue ones said in words', async () => {
    const page = session.ready();
    await page.goto(server.baseUrl);
    await session.signIn(OFFICER.email, OFFICER.password);
    await page.getByRole('heading', { name: 'Échéances', level: 2 }).waitFor();
    await expect.poll(() => page.locator('.deadlines-card .card-value').first().textContent()).not.toBe('…');

    await mainNav().getByRole('link', { name: 'Échéances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Échéances' }).waitFor();
    const rows = page.locator('.task-table tbody tr');
    await expect.poll(() => rows.filter({ hasText: 'Annuité EP, année 5' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Annuité EP, année 4' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Annuité EP, année 4' }).textContent()).toContain('En retard');
    // Year 5 fell due three months ago: its grace period (with surcharge) is still running.
    expect(await rows.filter({ hasText: 'Annuité EP, année 5' }).textContent()).toContain('Délai de grâce');
    expect(await rows.filter({ hasText: 'Annuité EP, année 5' }).getByRole('link', { name: 'TP-EP-001' }).count()).toBe(1);
    await session.checkAccessibility('deadlines');
    await page.screenshot({ path: '/tmp/valo-deadlines.png', fullPage: true });

    await page.getByRole('link', { name: 'En retard', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('overdue');
    await expect.poll(() => rows.filter({ hasText: 'Annuité EP, année 5' }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'Annuité EP, année 4' }).count()).toBe(1);
  }, 60_000);

  it('marks a renewal done with a reason in an accessible dialog', async () => {
    const page = session.ready();
    const rows = page.locator('.task-table tbody tr');
    const opener = page.getByRole('button', { name: /^Traiter… — Annuité EP, année 4/ });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Traiter l’échéance' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Faite/ }).isChecked()).toBe(true);
    // Escape closes the dialog and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);

    await opener.click();
    await dialog.waitFor();
    // Tab stays inside the dialog.
    for (let step = 0; step < 8; step++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await session.checkAccessibility('resolve dialog');
    await dialog.getByLabel('Motif').fill('Payée avec la surtaxe');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Échéance traitée : Annuité EP, année 4.' }).count()).toBe(1);
    await expect.poll(() => rows.filter({ hasText: 'Annuité EP, année 4' }).count()).toBe(0);
    // The row has left the list: the focus is on the message that says what was done.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Échéance traitée : Annuité EP, année 4.');

    // Done by the officer; the other done tasks are those the record shows (priority used, publication).
    const done = (await tasksOf('status=done')).filter((task) => task.resolvedByName !== null);
    expect(done.map((task) => [task.kind, task.year, task.office, task.reason, task.resolvedByName])).toEqual([['renewal', 4, 'EP', 'Payée avec la surtaxe', OFFICER.displayName]]);
  }, 60_000);

  it('records an R.71(3) communication on the family’s page and shows the deadline it gives', async () => {
    const page = session.ready();
    expect(await tasksOf('kind=r71-3-reply')).toEqual([]);
    await page.getByRole('link', { name: 'TP-EP-001' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Capteur de graphène' }).waitFor();
    const deadlines = page.locator('section[aria-labelledby="deadlines-title"] .task-table tbody tr');
    await expect.poll(() => deadlines.count()).toBeGreaterThan(3);
    expect(await deadlines.filter({ hasText: 'Réponse à la notification R.71(3)' }).count()).toBe(0);
    await expect.poll(() => page.locator('section[aria-labelledby="costs-title"] .cost-cards').textContent()).toContain('€');
    expect(await page.locator('section[aria-labelledby="costs-title"] .verify').count()).toBeGreaterThan(0);

    const ep = family.applications.find((application) => application.office === 'EP');
    const events = page.locator(`section[aria-labelledby="application-${ep?.id}"]`);
    await events.getByText('Ajouter un événement').click();
    await events.getByLabel('Événement').selectOption({ label: 'Notification R.71(3) (intention de délivrer)' });
    await events.getByLabel('Date').fill(r713Date);
    await events.getByLabel('Note').fill('Texte accepté');
    await events.getByRole('button', { name: 'Enregistrer l’événement' }).click();

    const effect = events.locator('.task-change');
    await effect.waitFor();
    expect(await effect.textContent()).toContain('Nouvelles échéances (1)');
    expect(await effect.textContent()).toContain('Réponse à la notification R.71(3)');
    // The nearest deadlines come first; the others are a click away.
    await page.getByRole('button', { name: /^Afficher les \d+ échéances$/ }).click();
    await expect.poll(() => deadlines.filter({ hasText: 'Réponse à la notification R.71(3)' }).count()).toBe(1);
    expect(await events.locator('tbody tr').filter({ hasText: 'Texte accepté' }).count()).toBe(1);
    expect((await tasksOf('kind=r71-3-reply')).map((task) => task.due)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    await session.checkAccessibility('family docket');
    await page.screenshot({ path: '/tmp/valo-family-docket.png', fullPage: true });
  }, 60_000);

  it('shows the renewal budget per school with amounts and [verify] marks', async () => {
    const page = session.ready();
    await mainNav().getByRole('link', { name: 'Budget' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget des annuités' }).waitFor();
    const table = page.locator('.budget-table');
    await table.waitFor();
    expect(await table.locator('tbody th').first().textContent()).toContain('Télécom Paris');
    expect(await table.locator('tfoot').textContent()).toMatch(/\d[\d\s\u202f]*\s?€/);
    expect(await page.locator('.stacked-chart svg[role="img"] rect').count()).toBeGreaterThan(0);
    expect(await page.locator('.verify').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Par office' }).click();
    await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('FR')]));
    await page.getByRole('button', { name: 'Par école' }).click();
    await session.checkAccessibility('forecast');
    await page.screenshot({ path: '/tmp/valo-forecast.png', fullPage: true });
  }, 60_000);

  it('shows the deadlines on the month grid, moves with the keyboard and gives a calendar address', async () => {
    const page = session.ready();
    const reply = (await tasksOf('kind=r71-3-reply'))[0];
    if (!reply) throw new Error('no R.71(3) reply task');
    await mainNav().getByRole('link', { name: 'Calendrier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendrier des échéances' }).waitFor();
    await page.getByRole('grid').waitFor();
    await session.checkAccessibility('calendar');
    await page.screenshot({ path: '/tmp/valo-calendar.png', fullPage: true });

    await page.goto(`${server.baseUrl}/calendar?month=${reply.due.slice(0, 7)}`);
    const day = page.locator(`[role="gridcell"][data-date="${reply.due}"]`);
    await expect.poll(() => day.textContent()).toContain('1 échéance');
    await day.click();
    await expect.poll(() => page.locator('.day-panel').textContent()).toContain('Réponse à la notification R.71(3)');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe(addDays(reply.due, 1));
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-date'))).toBe(addMonths(addDays(reply.due, 1), 1));

    await page.getByRole('button', { name: 'Liste' }).click();
    await page.getByRole('heading', { level: 2, name: /^Échéances de / }).waitFor();
    await session.checkAccessibility('calendar list');

    await page.getByRole('button', { name: 'Créer mon adresse d’agenda' }).click();
    const address = page.getByLabel('Adresse de votre agenda (iCalendar)');
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = await feed.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('BEGIN:VEVENT');

    await page.getByLabel('Recevoir le récapitulatif quotidien').uncheck();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Enregistré : vous ne recevrez plus le récapitulatif.').waitFor();
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
