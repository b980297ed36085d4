import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core on the page as it is now (WCAG 2.x A and AA rules and best practices) and returns the
 * violations; the test fails on the serious and critical ones and prints the others.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const isLoaded = await page.evaluate(() => 'axe' in window);
  // The server's CSP refuses inline scripts (so addScriptTag({ content }) is blocked, as it should be):
  // the source is evaluated through the DevTools protocol instead, and the app's own CSP stays enforced.
  if (!isLoaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (results as AxeResults).violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

export function isSerious(finding: AxeFinding): boolean {
  return finding.impact === 'serious' || finding.impact === 'critical';
}
