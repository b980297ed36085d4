// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportRun } from '#core/publication-corpus';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { ImportPage } from './ImportPage.tsx';

const running: ImportRun = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  status: 'running',
  startedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: null,
  startedById: null,
  startedByName: 'Alice Martin',
  files: ['bulk.xml'],
  read: 250,
  inserted: 250,
  updated: 0,
  unchanged: 0,
  failed: 0,
  linked: 0,
  portfolio: { families: 0, statusChanges: 0, publicationsAdded: 0, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 },
  errors: [],
  omittedErrors: 0,
  message: null,
};
const finished: ImportRun = {
  ...running,
  status: 'finished',
  finishedAt: '2026-03-02T09:00:05.000Z',
  read: 10,
  inserted: 9,
  failed: 1,
  errors: [{ file: 'bulk.xml', line: 3, column: 17, message: 'record starting at line 3: unexpected close tag.' }],
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the import page', () => {
  it('sends the file, follows the run while it reads, then shows the bad record with its place', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json(200, { user: {}, csrfToken: 'token' });
      if (url.startsWith('/api/imports?fileName=')) return json(202, running);
      if (url === `/api/imports/${running.id}`) return json(200, finished);
      void init;
      return json(200, { items: [], total: 0, limit: 20, offset: 0, nextOffset: null });
    });
    vi.stubGlobal('fetch', fetchMock);
    render(
      <I18nProvider lang="en">
        <ImportPage />
      </I18nProvider>,
    );
    const file = new File(['<xml/>'], 'bulk.xml', { type: 'text/xml' });
    fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    await screen.findByText('Importing…');
    const upload = fetchMock.mock.calls.find(([url]) => url.startsWith('/api/imports?fileName='));
    expect(upload?.[0]).toBe('/api/imports?fileName=bulk.xml');
    expect(upload?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'token', 'content-type': 'application/octet-stream' });
    expect(upload?.[1]?.body).toBe(file);

    await waitFor(() => expect(screen.getByText('Import finished: 1 record(s) could not be read, listed below.')).toBeTruthy(), { timeout: 3000 });
    const row = screen.getByText('record starting at line 3: unexpected close tag.').closest('tr');
    expect(row?.textContent).toContain('bulk.xml');
    expect(row?.textContent).toContain('17');
  });
});
