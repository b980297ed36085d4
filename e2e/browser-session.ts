import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { type AxeFinding, axeViolations, isSerious } from './axe-check.ts';
import { ensureWebBuild } from './web-build.ts';

const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BrowserSessionOptions {
  viewport?: { width: number; height: number };
  /** HTTP statuses the steps provoke on purpose, besides the 401 the app meets before sign-in. */
  expectedStatuses?: number[];
}

export interface BrowserSession {
  /** Checks the browser, builds the web app, runs `setUp` (the server and its data), then opens Chromium on a fresh profile. */
  open(setUp: () => Promise<void>): Promise<void>;
  /** Prints each page's axe findings, closes the browser, runs `tearDown` (if `setUp` ran) and removes the profile. */
  close(tearDown?: () => Promise<void> | undefined): Promise<void>;
  /** The first line of every step: fails the step when Chromium is missing, rather than skipping it; gives the page. */
  ready(): Page;
  readonly page: Page;
  /** What the page threw and the console errors it logged, other than the expected answers. */
  readonly pageErrors: string[];
  /** Fails the step on serious or critical axe violations; the others are printed when the session closes. */
  checkAccessibility(name: string): Promise<void>;
  /** Fills the sign-in form the page shows and submits it. */
  signIn(email: string, password: string): Promise<void>;
}

/** One Chromium page for a file of steps that follow each other; `name` names its profile folder. */
export function browserSession(name: string, options: BrowserSessionOptions = {}): BrowserSession {
  const axeReport: Record<string, AxeFinding[]> = {};
  const pageErrors: string[] = [];
  const expected = new RegExp(`status of (${[401, ...(options.expectedStatuses ?? [])].join('|')})`);
  let missingChromium: Error | null = null;
  let hasSetUp = false;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  function currentPage(): Page {
    if (missingChromium) throw missingChromium;
    if (!page) throw new Error(`the ${name} browser session is not open`);
    return page;
  }

  return {
    async open(setUp) {
      if (!existsSync(CHROMIUM)) {
        missingChromium = new Error('Chromium not found: apt-get install chromium');
        return;
      }
      ensureWebBuild(root);
      hasSetUp = true;
      await setUp();
      profileDir = mkdtempSync(join(tmpdir(), `valo-e2e-${name}-`));
      // A persistent context on a fresh profile folder: no state from any earlier run.
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        locale: 'fr-FR',
        viewport: options.viewport ?? { width: 1366, height: 900 },
      });
      const opened = context.pages()[0] ?? (await context.newPage());
      opened.setDefaultTimeout(10_000);
      opened.on('pageerror', (error) => pageErrors.push(error.message));
      opened.on('console', (message) => {
        // The browser logs every 4xx answer; those the steps expect are not faults. Anything else, CSP refusals first, is.
        if (message.type() === 'error' && !expected.test(message.text())) pageErrors.push(message.text());
      });
      page = opened;
    },

    async close(tearDown) {
      for (const [pageName, findings] of Object.entries(axeReport)) {
        const summary = findings.map((finding) => `${finding.impact ?? '?'} ${finding.id}: ${finding.help}`).join('; ') || 'none';
        console.warn(`axe ${pageName}: ${summary}`);
      }
      await context?.close();
      if (hasSetUp) await tearDown?.();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    },

    ready: currentPage,
    get page() {
      return currentPage();
    },
    pageErrors,

    async checkAccessibility(pageName) {
      const findings = await axeViolations(currentPage());
      axeReport[pageName] = findings;
      expect(findings.filter(isSerious), `serious or critical axe violations on the ${pageName} page`).toEqual([]);
    },

    async signIn(email, password) {
      const signInPage = currentPage();
      await signInPage.getByLabel('Adresse e-mail').fill(email);
      await signInPage.getByLabel('Mot de passe').fill(password);
      await signInPage.getByRole('button', { name: 'Se connecter' }).click();
    },
  };
}
