/**
 * Docketing figures: the time to compute the full docket of 100,000 applications with the pure rules
 * engine, and the time to recompute the deadline tasks of 10,000 applications in the database (PGlite),
 * first from nothing and then again with nothing changed.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeDocket } from '../core/src/docket/compute-docket.ts';
import type { DocketCase, DocketEvent, DocketOffice } from '../core/src/docket/docket-case.ts';
import { addMonths } from '../core/src/docket/iso-date.ts';
import { systemActor } from '../server/src/platform/actor.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { applications, prosecutionEvents } from '../server/src/platform/schema.ts';
import { createServices } from '../server/src/services.ts';
import { generatePortfolio } from './portfolio.generator.ts';
import type { Figure } from './stats.ts';


const CASES = Number(process.env.BENCH_DOCKET_CASES ?? 100_000);
const DB_APPLICATIONS = Number(process.env.BENCH_DOCKET_APPLICATIONS ?? 10_000);
const OFFICES: DocketOffice[] = ['FR', 'EP', 'WO', 'US'];

/** A deterministic case: offices in turn, filings over 2010–2025, and the events each office records. */
export function generatedCase(index: number): DocketCase {
  const office = OFFICES[index % OFFICES.length]!;
  const filingDate = `${2010 + (index % 16)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
  const priorityDate = office !== 'FR' && index % 5 !== 0 ? addMonths(filingDate, -12) : null;
  const at = (months: number) => addMonths(filingDate, months);
  const events: DocketEvent[] = [];
  switch (office) {
    case 'EP':
      events.push({ type: 'search-report-published', date: at(8) });
      if (index % 3 === 0) events.push({ type: 'r71-3-notified', date: at(36) });
      if (index % 2 === 0) events.push({ type: 'grant-published', date: at(48) });
      break;
    case 'FR':
      if (index % 2 === 0) events.push({ type: 'search-report-notified', date: at(9) });
      if (index % 3 === 0) events.push({ type: 'grant-published', date: at(30) });
      if (index % 7 === 0) events.push({ type: 'pct-filed', date: at(12) });
      break;
    case 'US':
      if (index % 2 === 0) events.push({ type: 'grant-published', date: at(36) });
      break;
    case 'WO':
      break;
  }
  if (index % 50 === 0) events.push({ type: 'co-ownership-decision', date: at(2) });
  return { office, filingDate, priorityDate, events };
}

async function engineFigure(): Promise<Figure> {
  const cases = Array.from({ length: CASES }, (_, index) => generatedCase(index));
  for (const docketCase of cases.slice(0, 1000)) computeDocket(docketCase);
  const started = performance.now();
  let deadlines = 0;
  for (const docketCase of cases) deadlines += computeDocket(docketCase).length;
  const elapsed = performance.now() - started;
  console.log(`docket engine: ${CASES} applications, ${deadlines} deadlines in ${Math.round(elapsed)} ms`);
  return {
    name: 'docket.compute.engine',
    value: Math.round(elapsed),
    unit: 'ms',
    inputs: { applications: CASES, deadlines, offices: 'FR, EP, WO, US in turn', what: 'computeDocket over generated cases with events' },
  };
}

/** Families of the benchmark portfolio until about `target` applications, with search reports and grants on EP members. */
async function recomputeFigures(target: number): Promise<Figure[]> {
  const database = await openDatabase({ dataDir: 'memory' });
  try {
    await database.migrate();
    const { db } = database;
    // The generator gives 2.2 applications per family on average.
    const portfolio = await generatePortfolio(db, Math.ceil(target / 2.2));
    const rows = await db.select({ id: applications.id, office: applications.office, filingDate: applications.filingDate }).from(applications);
    const events = rows
      .filter((row) => row.office === 'EP')
      .flatMap((row, index) => [
        { id: crypto.randomUUID(), applicationId: row.id, type: 'search-report-published' as const, date: addMonths(row.filingDate, 8), note: null, recordedBy: null, createdAt: '2026-01-01T00:00:00.000Z' },
        ...(index % 2 === 0
          ? [{ id: crypto.randomUUID(), applicationId: row.id, type: 'grant-published' as const, date: addMonths(row.filingDate, 48), note: null, recordedBy: null, createdAt: '2026-01-01T00:00:00.000Z' }]
          : []),
      ]);
    for (let start = 0; start < events.length; start += 1000) await db.insert(prosecutionEvents).values(events.slice(start, start + 1000));
    const services = createServices(database, { clock: systemClock, sessionHours: 1 });
    const timed = async () => {
      const started = performance.now();
      const summary = await services.docket.recompute.recomputeAll(systemActor);
      return { ms: Math.round(performance.now() - started), summary };
    };
    const first = await timed();
    const again = await timed();
    const inputs = { database: 'pglite', families: portfolio.families, applications: portfolio.applications, events: events.length };
    console.log(
      `docket recompute on pglite: ${portfolio.applications} applications, ${first.summary.inserted} tasks written in ${first.ms} ms; again in ${again.ms} ms`,
    );
    return [
      { name: 'docket.recompute.first.pglite', value: first.ms, unit: 'ms', inputs: { ...inputs, tasksInserted: first.summary.inserted } },
      { name: 'docket.recompute.unchanged.pglite', value: again.ms, unit: 'ms', inputs: { ...inputs, tasksUpdated: again.summary.updated } },
    ];
  } finally {
    await database.close();
  }
}

/** The docketing figures for bench/results.json. */
export async function docketFigures(): Promise<Figure[]> {
  return [await engineFigure(), ...(await recomputeFigures(DB_APPLICATIONS))];
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  console.log(JSON.stringify(await docketFigures(), null, 2));
}
