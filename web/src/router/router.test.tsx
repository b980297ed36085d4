// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link, Routes, matchPath, navigate, useSearchParams } from './router.tsx';

function Filters() {
  const [params, set] = useSearchParams();
  return (
    <div>
      <p>status={params.get('status') ?? 'none'}</p>
      <button type="button" onClick={() => set({ status: 'granted', offset: null })}>
        granted
      </button>
    </div>
  );
}

const routes = [
  { path: '/', render: () => <h1>Home</h1> },
  { path: '/families', render: () => <Filters /> },
  { path: '/families/:id', render: ({ id }: Record<string, string>) => <h1>Family {id}</h1> },
];

function App() {
  return (
    <>
      <Link to="/families/42">Open 42</Link>
      <Routes routes={routes} fallback={<h1>Not found</h1>} />
    </>
  );
}

describe('matchPath', () => {
  it('matches a pattern and decodes its parameters', () => {
    expect(matchPath('/families/:id/edit', '/families/a%20b/edit')).toEqual({ id: 'a b' });
  });
  it('refuses paths of another length or another literal part', () => {
    expect(matchPath('/families/:id', '/families/42/edit')).toBeNull();
    expect(matchPath('/families/:id', '/agreements/42')).toBeNull();
  });
  it('ignores a trailing slash', () => {
    expect(matchPath('/families', '/families/')).toEqual({});
  });
});

describe('the router', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(cleanup);

  it('renders the route of the address and follows navigate()', () => {
    render(<App />);
    expect(screen.getByRole('heading').textContent).toBe('Home');
    act(() => navigate('/families/7'));
    expect(screen.getByRole('heading').textContent).toBe('Family 7');
    act(() => navigate('/nowhere'));
    expect(screen.getByRole('heading').textContent).toBe('Not found');
  });

  it('navigates in place when a link is clicked, and pushes a history entry', () => {
    render(<App />);
    const before = window.history.length;
    fireEvent.click(screen.getByRole('link', { name: 'Open 42' }));
    expect(window.location.pathname).toBe('/families/42');
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByRole('heading').textContent).toBe('Family 42');
  });

  it('leaves modified clicks to the browser (open in a new tab)', () => {
    render(<App />);
    // fireEvent answers false when a handler prevented the default action.
    expect(fireEvent.click(screen.getByRole('link', { name: 'Open 42' }), { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(screen.getByRole('link', { name: 'Open 42' }))).toBe(false);
  });

  it('follows the back button', async () => {
    render(<App />);
    act(() => navigate('/families/1'));
    act(() => navigate('/families/2'));
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByRole('heading').textContent).toBe('Family 1');
  });

  it('keeps list state in the query string, changing one key and keeping the others', () => {
    window.history.replaceState(null, '', '/families?q=graph&offset=25');
    render(<App />);
    expect(screen.getByText('status=none')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'granted' }));
    expect(screen.getByText('status=granted')).toBeTruthy();
    const params = new URLSearchParams(window.location.search);
    expect(params.get('q')).toBe('graph');
    expect(params.get('status')).toBe('granted');
    expect(params.has('offset')).toBe(false);
  });
});
