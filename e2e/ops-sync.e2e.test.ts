import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '#core/asset';
import type { Organisation } from '#core/organisation';
import { createOpsClient } from '../server/src/modules/publication/ops/ops-client.ts';
import { type OpsReplayServer, startOpsReplayServer } from '../server/src/modules/publication/ops/ops-replay-server.ts';
import { systemActor } from '../server/src/platform/actor.ts';
import { browserSession } from './browser-session.ts';
import { type E2eServer, startServer } from './e2e-server.ts';

/*
 * "Sync now" on a family's page in a real browser, against the replay server of the recorded EPO OPS
 * answers: an officer opens a family whose EP application (10167109) the office has since published
 * and granted as EP2400812, syncs it, and sees the application granted, its publications with their
 * Register steps, and what each request to OPS found.
 */

const OFFICER = { email: 'sync-officer@e2e.valo', password: 'e2e officer 2026', displayName: 'Paul Girard' };

const session = browserSession('sync');
let replay: OpsReplayServer;
let server: E2eServer;
let family: Asset;

describe('a family synced with EPO OPS in a real browser', () => {
  beforeAll(async () => {
    await session.open(async () => {
      replay = await startOpsReplayServer();
      const client = createOpsClient({ baseUrl: replay.url, consumerKey: replay.consumerKey, consumerSecret: replay.consumerSecret, baseDelayMs: 10 });
      server = await startServer({ ops: { client, syncDays: 7 } });
      const school = await server.api<Organisation>('POST', '/api/organisations', { kind: 'school', name: 'IMT Nord Europe', shortName: 'IMT NE', city: 'Lille' });
      await server.services.auth.createUser(systemActor, { ...OFFICER, role: 'officer', schoolId: school.id, personId: null, organisationId: null });
      family = await server.api<Asset>('POST', '/api/families', {
        title: 'Localisation de personnes par radio',
        reference: 'NE-EP-007',
        schoolId: school.id,
        owners: [{ organisationId: school.id, share: 100 }],
        applications: [{ office: 'EP', applicationNumber: 'EP10167109.1', filingDate: '2010-06-24', route: 'ep_direct' }],
      });
    });
  }, 180_000);
  afterAll(() =>
    session.close(async () => {
      await server?.close();
      await replay?.close();
    }),
  );

  it('syncs the family now and shows what the office said', async () => {
    const page = session.ready();
    await page.goto(`${server.baseUrl}/families/${family.id}`);
    await session.signIn(OFFICER.email, OFFICER.password);
    await page.getByRole('heading', { level: 1, name: 'Localisation de personnes par radio' }).waitFor();
    const panel = page.getByRole('region', { name: 'Office européen des brevets (OPS)' });
    await panel.getByText('Jamais synchronisée avec l’OEB.').waitFor();
    await page.getByText('Aucune publication importée pour cette famille.').waitFor();
    await session.checkAccessibility('family before sync');

    await panel.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await panel.getByRole('status').filter({ hasText: 'Synchronisation terminée' }).waitFor();
    expect(await panel.getByRole('status').textContent()).toContain('2 publication(s) ajoutée(s) aux demandes');
    await panel.getByText(/^Dernière synchronisation le /).waitFor();
    await panel.getByText(/^Prochaine synchronisation automatique : /).waitFor();

    // The family was read again: its application is granted, with both publications.
    const applications = page.locator('table').filter({ hasText: '10167109' }).first();
    await expect.poll(() => applications.textContent()).toContain('Délivrée');
    const publications = page.getByRole('region', { name: 'Publications' });
    await publications.getByRole('link', { name: 'EP 2400812 A1' }).waitFor();
    await publications.getByRole('link', { name: 'EP 2400812 B1' }).waitFor();

    await panel.getByText('Détail des 5 requêtes').click();
    const rows = panel.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.filter({ hasText: 'Registre européen : étapes de procédure' }).textContent()).toContain('reçu');
    expect(await rows.filter({ hasText: 'Événements juridiques (INPADOC)' }).textContent()).toContain('EP2400812');
    await session.checkAccessibility('family after sync');

    const saved = await server.api<Asset>('GET', `/api/families/${family.id}`);
    expect(saved.applications[0]).toMatchObject({ status: 'granted', grantDate: '2019-11-27' });

    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = page.getByRole('region', { name: 'European Patent Office (OPS)' });
    await english.getByText(/^Last synced /).waitFor();
    expect(await english.getByRole('button', { name: 'Sync now' }).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
