// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

const refusal = {
  error: {
    kind: 'invalid',
    message: 'name: is required; companyCategory: is required for a company',
    issues: [
      { path: 'name', message: 'is required' },
      { path: 'companyCategory', message: 'is required for a company' },
    ],
  },
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a record form', () => {
  it('shows the API’s field errors next to each field and in a summary that takes the focus', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? json(400, refusal) : json(200, { items: [], total: 0, limit: 30, offset: 0, nextOffset: null }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(
      <I18nProvider lang="en">
        <OrganisationForm organisation={null} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText(/^Kind/), { target: { value: 'company' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem with the form');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const link = screen.getByRole('link', { name: 'Name' });
    expect(link.getAttribute('href')).toBe('#field-name');

    const name = screen.getByLabelText(/^Name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('field-name-error');
    expect(document.getElementById('field-name-error')?.textContent).toBe('is required');
    expect(document.getElementById('field-companyCategory-error')?.textContent).toBe('is required for a company');

    const posted = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(posted?.[1]?.body))).toMatchObject({ kind: 'company', name: '', companyCategory: null, country: 'FR' });
  });

  it('marks required fields for sight and for screen readers', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { items: [], total: 0, limit: 30, offset: 0, nextOffset: null })));
    render(
      <I18nProvider lang="fr">
        <OrganisationForm organisation={null} />
      </I18nProvider>,
    );
    const name = screen.getByLabelText(/^Nom/);
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Les champs marqués d’un astérisque (*) sont obligatoires.')).toBeTruthy();
    expect(screen.getByLabelText(/^Sigle/).getAttribute('aria-required')).toBeNull();
  });
});
