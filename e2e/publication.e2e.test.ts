import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Page as ListPage } from '#core/common';
import type { Organisation } from '#core/organisation';
import type { FamilyPublications, PublicationSummary, ReviewItem } from '#core/publication-corpus';
import { systemActor } from '../server/src/platform/actor.ts';
import { browserSession } from './browser-session.ts';
import { type E2eServer, startServer } from './e2e-server.ts';

/*
 * The patent-office data pages in a real browser, signed in as a school's officer: a DOCDB bulk file
 * imported through the file input (then again, unchanged, then a copy with one record cut short), an
 * INPI record and an EP Register answer; the publications browser; the review list of the
 * institution's publications, one linked to its family and one dismissed; the family's page showing
 * the publication linked, then unlinked from it (back on the review list). The school's research
 * units are named as two of the samples' applicants are (one by name, one by the SIREN INPI gives), so
 * those publications count as the institution's.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(root, 'server/src/modules/publication/readers/fixtures');
/** Ten DE documents of 1968, one per line; DE1258194's applicants include a French ballistics laboratory. */
const DOCDB_BULK = join(FIXTURES, 'epo-docdb-xml/max-planck-innovation-competition_go-epo-bdds/DE-backfile.xml');
/** FR2706406 B1 with four register entries; its applicant's SIREN is 389191982. */
const INPI_RECORD = join(FIXTURES, 'inpi-xml/aymondebroglie_Paf2015/src/2706406.xml');
/** The EP Register procedural steps of EP2400812. */
const REGISTER_STEPS = join(FIXTURES, 'epo-ops-xml/patent-dev_epo-ops/demo/examples/get_register_procedural_steps/response.xml');
const OFFICER = { email: 'officer@e2e.valo', password: 'e2e officer 2026', displayName: 'Olivia Leroy' };

const session = browserSession('publication');
let server: E2eServer;
let filesDir: string;
let cutCopy: string;
let school: Organisation;
let family: Asset;

function mainNav() {
  return session.page.getByRole('navigation', { name: 'Navigation principale' });
}

/** A detail list's labels and values as the reader sees them. */
function detailsOf(list: Locator): Promise<Record<string, string>> {
  return list.evaluate((element) =>
    Object.fromEntries([...element.querySelectorAll(':scope > div')].map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? ''])),
  );
}

const report = () => session.page.locator('section[aria-labelledby="report-title"]');
/** The review page's message saying what was just done. */
const notice = () => session.page.locator('[role="status"].notice');

async function importFile(path: string): Promise<void> {
  await session.page.getByLabel('Fichier').setInputFiles(path);
  await session.page.getByRole('button', { name: 'Importer', exact: true }).click();
}

async function reviewItems(): Promise<string[]> {
  return (await server.api<ListPage<ReviewItem>>('GET', '/api/publications/review?limit=100')).items.map((item) => `${item.country}${item.number}`);
}

describe('the patent-office data pages in a real browser', () => {
  beforeAll(async () => {
    await session.open(async () => {
      server = await startServer();
      school = await server.api<Organisation>('POST', '/api/organisations', { kind: 'school', name: 'Télécom Paris', shortName: 'TP', city: 'Palaiseau' });
      await server.api('POST', '/api/organisations', { kind: 'research_unit', name: 'Laboratoire de recherches balistiques et aérodynamiques', parentId: school.id });
      await server.api('POST', '/api/organisations', { kind: 'research_unit', name: 'Laboratoire ferroviaire', siren: '389191982', parentId: school.id });
      await server.services.auth.createUser(systemActor, { ...OFFICER, role: 'officer', schoolId: school.id, personId: null, organisationId: null });

      filesDir = mkdtempSync(join(tmpdir(), 'valo-e2e-files-'));
      // The bulk file with its fifth line (DE1258192) cut in the middle: the reader skips that record and names it.
      const lines = readFileSync(DOCDB_BULK, 'utf8').split('\n');
      lines[4] = (lines[4] ?? '').slice(0, Math.floor((lines[4] ?? '').length / 2));
      cutCopy = join(filesDir, 'DE-backfile-cut.xml');
      writeFileSync(cutCopy, lines.join('\n'));
    });
  }, 180_000);
  afterAll(() =>
    session.close(async () => {
      await server?.close();
      if (filesDir) rmSync(filesDir, { recursive: true, force: true });
    }),
  );

  it('imports a bulk file through the file input and reports what it read', async () => {
    const page = session.ready();
    await page.goto(server.baseUrl);
    await session.signIn(OFFICER.email, OFFICER.password);
    await mainNav().getByRole('link', { name: 'Publications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publications' }).waitFor();
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer des publications' }).waitFor();
    await page.getByText('Aucun import pour l’instant.').waitFor();
    await session.checkAccessibility('import');

    await importFile(DOCDB_BULK);
    await expect.poll(() => report().getByRole('status').textContent()).toBe('Import terminé : tous les enregistrements ont été lus.');
    expect(await detailsOf(report().locator('dl'))).toMatchObject({ Fichiers: 'DE-backfile.xml', Lus: '10', Ajoutés: '10', 'Mis à jour': '0', Inchangés: '0', 'En erreur': '0' });
    expect((await server.api<ListPage<PublicationSummary>>('GET', '/api/publications')).total).toBe(10);
    await session.checkAccessibility('import report');
  }, 60_000);

  it('shows a second import of the same file as unchanged', async () => {
    const page = session.ready();
    await importFile(DOCDB_BULK);
    await expect.poll(() => detailsOf(report().locator('dl'))).toMatchObject({ Lus: '10', Ajoutés: '0', 'Mis à jour': '0', Inchangés: '10', 'En erreur': '0' });
    expect(await report().getByRole('status').textContent()).toBe('Import terminé : tous les enregistrements ont été lus.');
    const runs = page.getByRole('table', { name: 'Imports récents' }).locator('tbody tr');
    await expect.poll(() => runs.count()).toBe(2);
    expect(await runs.first().textContent()).toContain(OFFICER.displayName);
    // Each run opens by a button that names when it started, to the minute.
    expect(await runs.getByRole('button').allTextContents()).toEqual([expect.stringMatching(/\d{2}:\d{2}$/), expect.stringMatching(/\d{2}:\d{2}$/)]);
  }, 60_000);

  it('names the record it could not read, with its line and column, and keeps the others', async () => {
    const page = session.ready();
    await importFile(cutCopy);
    await expect.poll(() => report().getByRole('status').textContent()).toBe('Import terminé : 1 enregistrement(s) illisible(s), listés ci-dessous.');
    expect(await detailsOf(report().locator('dl'))).toMatchObject({ Fichiers: 'DE-backfile-cut.xml', Lus: '10', Ajoutés: '0', Inchangés: '9', 'En erreur': '1' });
    const bad = report().getByRole('table', { name: 'Enregistrements illisibles' });
    expect(await bad.locator('thead th').allTextContents()).toEqual(['Fichier', 'Ligne', 'Colonne', 'Problème']);
    const cells = await bad.locator('tbody tr td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['DE-backfile-cut.xml', '5', '5']);
    expect(cells[3]).toMatch(/^record starting at line 5: it ends before its closing tag/);
    await session.checkAccessibility('import report with a bad record');
    await page.screenshot({ path: '/tmp/valo-import-report.png', fullPage: true });

    // An INPI record with its register entries, and an EP Register answer with its procedural steps.
    await importFile(INPI_RECORD);
    await expect.poll(() => detailsOf(report().locator('dl'))).toMatchObject({ Fichiers: '2706406.xml', Lus: '1', Ajoutés: '1', 'En erreur': '0' });
    await importFile(REGISTER_STEPS);
    await expect.poll(() => detailsOf(report().locator('dl'))).toMatchObject({ Fichiers: 'response.xml', Lus: '1', Ajoutés: '1', 'En erreur': '0' });
    expect((await server.api<ListPage<PublicationSummary>>('GET', '/api/publications')).total).toBe(12);
  }, 60_000);

  it('finds a publication by its number and shows its title, applicants and priority', async () => {
    const page = session.ready();
    await mainNav().getByRole('link', { name: 'Publications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publications' }).waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    await session.checkAccessibility('publication list');

    await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill('DE1258194');
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('DE1258194');
    await page.getByRole('link', { name: 'DE 1258194 B' }).click();
    await page.getByRole('heading', { level: 1, name: 'DE 1258194 B' }).waitFor();
    expect(await page.getByText('Fluessigkeitseinspritzvorrichtung fuer eine Raketenbrennkammer').count()).toBe(1);
    const details = await detailsOf(page.locator('article dl.details'));
    expect(details['Déposants']).toContain('LABORATOIRE DE RECHERCHES BALISTIQUES ET AERODYNAMIQUES DE VERNON');
    expect(details['Priorités revendiquées']).toBe('FR 961921 (29 janv. 1964)');
    expect(details['Date de publication']).toBe('4 janv. 1968');
    await session.checkAccessibility('publication detail');
  }, 60_000);

  it('shows an INPI record’s register entries and an EP Register’s procedural steps, in French and in English', async () => {
    const page = session.ready();
    await page.goBack();
    const search = page.getByRole('searchbox', { name: 'Rechercher', exact: true });
    await search.fill('EP2400812');
    await page.getByRole('link', { name: 'EP 2400812' }).click();
    await page.getByRole('heading', { level: 1, name: 'EP 2400812' }).waitFor();
    const steps = page.getByText(/^Étapes de procédure du Registre \(\d+\)$/);
    await steps.click();
    const stepRows = page.getByRole('table', { name: 'Étapes de procédure (Registre européen)' }).locator('tbody tr');
    expect(await stepRows.filter({ hasText: 'RFEE' }).count()).toBe(8);

    await page.goBack();
    await search.fill('FR 2706406');
    await page.getByRole('link', { name: 'FR 2706406 B1' }).click();
    await page.getByRole('heading', { level: 1, name: 'FR 2706406 B1' }).waitFor();
    expect(await page.getByText('VEHICULE ROUTIER OU FEROVIAIRE ET SON PROCEDE D\'ASSEMBLAGE').count()).toBe(1);
    const details = await detailsOf(page.locator('article dl.details'));
    expect(details).toMatchObject({ Déposants: 'GEC ALSTHOM TRANSPORT SA', Titulaires: 'ALSTOM TRANSPORT TECHNOLOGIES', 'Numéro de demande': expect.stringContaining('9307182') });
    await page.getByText(/^Événements juridiques \(\d+\)$/).click();
    const events = page.getByRole('table', { name: 'Événements juridiques' }).locator('tbody tr');
    expect(await events.filter({ hasText: 'Transmission totale de propriété' }).count()).toBe(1);
    await session.checkAccessibility('publication detail with legal events');
    await page.screenshot({ path: '/tmp/valo-publication.png', fullPage: true });

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(Object.keys(await detailsOf(page.locator('article dl.details')))).toEqual(expect.arrayContaining(['Publication date', 'Applicants', 'Owners', 'Priority claims']));
    expect(await page.getByText(/^Legal events \(\d+\)$/).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Legal events' }).locator('thead th').allTextContents()).toEqual(['Date', 'Code', 'Event', 'State', 'Effective']);
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  }, 60_000);

  it('lists the institution’s publications no family knows, and links one to its family', async () => {
    const page = session.ready();
    // The family knows only its European application: nothing links the French publication to it.
    family = await server.api<Asset>('POST', '/api/families', {
      title: 'Caisse de véhicule ferroviaire',
      reference: 'TP-FR-1993-01',
      status: 'active',
      schoolId: school.id,
      owners: [{ organisationId: school.id, share: 100 }],
      applications: [{ office: 'EP', applicationNumber: 'EP94401234', filingDate: '1994-06-03' }],
    });
    expect(await reviewItems()).toEqual(['FR2706406', 'DE1258194']);

    await mainNav().getByRole('link', { name: 'Publications' }).click();
    await page.getByRole('link', { name: 'À examiner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publications de l’établissement à examiner' }).waitFor();
    const items = page.locator('article.publication-entry');
    await expect.poll(() => items.count()).toBe(2);
    const inpi = page.getByRole('article', { name: 'FR 2706406 B1' });
    expect(await inpi.textContent()).toContain('Correspond à : Laboratoire ferroviaire');
    expect(await page.getByRole('article', { name: 'DE 1258194 B' }).textContent()).toContain('Correspond à : Laboratoire de recherches balistiques et aérodynamiques');
    await session.checkAccessibility('review');

    await inpi.getByRole('button', { name: 'Rattacher à une famille…' }).click();
    await inpi.getByRole('searchbox', { name: 'Rechercher une famille — Famille' }).fill('ferroviaire');
    const picker = inpi.getByRole('combobox', { name: 'Famille', exact: true });
    await expect.poll(() => picker.locator('option').allTextContents()).toContain('TP-FR-1993-01 — Caisse de véhicule ferroviaire');
    await picker.selectOption({ label: 'TP-FR-1993-01 — Caisse de véhicule ferroviaire' });
    // The family has no FR application, so none is chosen for the FR publication.
    const application = inpi.getByRole('combobox', { name: 'Demande publiée' });
    await expect.poll(() => application.inputValue()).toBe('');
    await session.checkAccessibility('review link form');
    await page.screenshot({ path: '/tmp/valo-review.png', fullPage: true });
    await inpi.getByRole('button', { name: 'Rattacher', exact: true }).click();

    await expect.poll(() => notice().textContent()).toBe('FR 2706406 B1 est rattachée à sa famille.');
    await expect.poll(() => items.count()).toBe(1);
    // The item has left the list: the focus is on the message that says what was done.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('FR 2706406 B1 est rattachée à sa famille.');
    const linked = (await server.api<FamilyPublications>('GET', `/api/families/${family.id}/publications`)).items;
    expect(linked.map((publication) => [`${publication.country}${publication.number}`, publication.links.map((link) => [link.assetId, link.applicationId, link.matchedBy, link.isConfirmed])])).toEqual([
      ['FR2706406', [[family.id, null, 'manual', true]]],
    ]);
    expect(await reviewItems()).toEqual(['DE1258194']);
  }, 60_000);

  it('dismisses a publication after asking, and it leaves the list', async () => {
    const page = session.ready();
    const item = page.getByRole('article', { name: 'DE 1258194 B' });
    await item.getByRole('button', { name: 'Écarter' }).click();
    const question = item.getByRole('group', { name: 'Écarter DE 1258194 B de la liste ?' });
    await question.getByRole('button', { name: 'Oui, écarter' }).click();
    await expect.poll(() => notice().textContent()).toBe('DE 1258194 B a été écartée.');
    await page.getByText('Rien à examiner.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('DE 1258194 B a été écartée.');
    expect(await reviewItems()).toEqual([]);
    await session.checkAccessibility('review emptied');
  }, 60_000);

  it('shows the linked publication in the family’s Publications section', async () => {
    const page = session.ready();
    await page.goto(`${server.baseUrl}/families/${family.id}`);
    await page.getByRole('heading', { level: 1, name: 'Caisse de véhicule ferroviaire' }).waitFor();
    const section = page.locator('section[aria-labelledby="publications-title"]');
    await section.getByRole('heading', { level: 2, name: 'Publications' }).waitFor();
    const entry = section.getByRole('article', { name: 'FR 2706406 B1' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Rattachée par rattachement manuel');
    expect(await entry.getByRole('link', { name: 'FR 2706406 B1' }).getAttribute('href')).toBe(`/publications/${(await server.api<FamilyPublications>('GET', `/api/families/${family.id}/publications`)).items[0]?.id}`);
    await session.checkAccessibility('family publications');
    await page.screenshot({ path: '/tmp/valo-family-publications.png', fullPage: true });
  }, 60_000);

  it('unlinks a publication from the family after asking, and it goes back to the review list', async () => {
    const page = session.ready();
    const section = page.locator('section[aria-labelledby="publications-title"]');
    const entry = section.getByRole('article', { name: 'FR 2706406 B1' });
    await entry.getByRole('button', { name: 'Ce n’est pas cette famille' }).click();
    const question = entry.getByRole('group', { name: /^Détacher FR 2706406 B1 de TP-FR-1993-01 \?/ });
    await question.getByRole('button', { name: 'Oui, détacher' }).click();
    const message = 'FR 2706406 B1 n’est plus rattachée à TP-FR-1993-01.';
    await expect.poll(() => section.locator('[role="status"].notice').textContent()).toBe(message);
    await section.getByText('Aucune publication importée pour cette famille.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(message);
    expect(await reviewItems()).toEqual(['FR2706406']);
    await session.checkAccessibility('family publications after unlinking');
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
