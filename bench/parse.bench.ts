/**
 * Parse throughput on a large DOCDB bulk file (bench/docdb-generator.ts, the structure of the real
 * samples), measured in one run against two baselines:
 * - raw read: the file's bytes streamed from disk and dropped, the ceiling for any reader;
 * - fast-xml-parser building the same records. It cannot take a 500 MB file whole (a JavaScript
 *   string holds at most 512 MB and its object tree would need several GB), so the baseline streams
 *   the file, cuts it at each record start tag with a byte search, decodes each record to text,
 *   parses it with fast-xml-parser (preserveOrder, no value conversion, entities decoded with Valo's
 *   table so the text is the same), turns the tree into the readers' element tree (abstracts and
 *   citations left out, as Valo leaves them) and maps it with Valo's own code (exchangeDocumentRecord,
 *   then the record schema): the same records, checked by a checksum over both runs.
 * Valo's reader is `readPublications` on the file stream, as the import reads a file.
 *
 * Each measurement runs in a child process of its own, so that its peak memory (maxRSS) is its own;
 * Valo's is measured at two file sizes to show it stays flat as the file grows. The files are
 * written to a temporary folder and deleted afterwards.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { PublicationRecord } from '../core/src/publication.ts';
import { resolveNamedEntity } from '../server/src/modules/publication/readers/character-entities.ts';
import { DOCDB_SKIPPED, docdbItems } from '../server/src/modules/publication/readers/docdb-record.ts';
import type { ReadItem } from '../server/src/modules/publication/readers/read-item.ts';
import { readPublications } from '../server/src/modules/publication/readers/read-publications.ts';
import type { XmlElement } from '../server/src/modules/publication/readers/xml-element.ts';
import { generateDocdbFile } from './docdb-generator.ts';
import type { Figure } from './stats.ts';

const LARGE_MB = Number(process.env.BENCH_PARSE_MB ?? 500);
const SMALL_MB = Number(process.env.BENCH_PARSE_SMALL_MB ?? 100);
// Each reader runs this many times on the large file; the fastest run counts (the machine may be busy).
const RUNS = Number(process.env.BENCH_PARSE_RUNS ?? 2);
const MB = 1_000_000;

type Reader = 'raw' | 'valo' | 'fast-xml-parser';

/** What a child process measures for one reader on one file. */
interface Measurement {
  bytes: number;
  records: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  checksum: number;
}

// --- the readers, run in a child -----------------------------------------------------------------

async function readRaw(file: string): Promise<Pick<Measurement, 'records' | 'errors' | 'checksum'>> {
  let length = 0;
  for await (const chunk of createReadStream(file)) length += (chunk as Buffer).length;
  return { records: 0, errors: 0, checksum: length };
}

async function readWith(items: AsyncIterable<ReadItem>): Promise<Pick<Measurement, 'records' | 'errors' | 'checksum'>> {
  let records = 0;
  let errors = 0;
  let checksum = 0;
  for await (const item of items) {
    if (!item.ok) {
      errors += 1;
      continue;
    }
    records += 1;
    checksum = (checksum + recordChecksum(item.record)) >>> 0;
  }
  return { records, errors, checksum };
}

/**
 * A cheap fingerprint of a record, summed over the file: equal sums say both readers built the same
 * records (the tests compare them field by field; this only has to catch a baseline gone astray).
 */
function recordChecksum(record: PublicationRecord): number {
  let hash = 0x811c9dc5;
  for (const text of [record.country, record.number, record.kind ?? '', record.applicants[0]?.name ?? '', record.titles[0]?.text ?? '']) {
    hash = Math.imul(hash ^ text.length, 0x01000193);
    hash = Math.imul(hash ^ text.charCodeAt(text.length - 1), 0x01000193);
  }
  const counts = record.priorities.length + 7 * record.applicants.length + 31 * record.inventors.length + 127 * record.classifications.length;
  return (hash ^ counts) >>> 0;
}

const RECORD_START = Buffer.from('<exch:exchange-document');
const RECORD_END = Buffer.from('</exch:exchange-document>');

/** The next record start tag at or after `from`: the marker followed by a space or `>`. */
function nextRecordStart(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(RECORD_START, from); at !== -1; at = bytes.indexOf(RECORD_START, at + 1)) {
    const after = bytes[at + RECORD_START.length];
    if (after === 0x20 || after === 0x3e) return at;
  }
  return -1;
}

/** The baseline: each record cut from the stream, parsed by fast-xml-parser, mapped by Valo's code. */
async function* readWithFastXmlParser(file: string): AsyncGenerator<ReadItem> {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let pending = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const bytes = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let start = nextRecordStart(bytes, 0);
    for (let end = start === -1 ? -1 : bytes.indexOf(RECORD_END, start); end !== -1; end = start === -1 ? -1 : bytes.indexOf(RECORD_END, start)) {
      const tree = parser.parse(bytes.toString('utf8', start, end + RECORD_END.length)) as OrderedNode[];
      const root = tree.find((node) => 'exchange-document' in node);
      if (root) yield* docdbItems(elementOf('exchange-document', root), file);
      start = nextRecordStart(bytes, end);
    }
    // Without a record start, the last bytes are kept: they could begin one.
    pending = Buffer.from(bytes.subarray(start === -1 ? Math.max(0, bytes.length - RECORD_START.length) : start));
  }
}

/** fast-xml-parser's ordered output: one key per node (its name, or `#text`), attributes under `:@`. */
type OrderedNode = Record<string, unknown>;

const NO_POSITION = { line: 0, column: 0 };

function elementOf(name: string, node: OrderedNode): XmlElement {
  const attributes: Record<string, string> = {};
  const given = (node[':@'] ?? {}) as Record<string, string>;
  for (const key of Object.keys(given)) attributes[key] = decodeEntities(given[key] ?? '');
  const content: (string | XmlElement)[] = [];
  for (const child of node[name] as OrderedNode[]) {
    for (const key of Object.keys(child)) {
      if (key === ':@') continue;
      if (key === '#text') content.push(decodeEntities(String(child[key])));
      else if (!DOCDB_SKIPPED.has(key)) content.push(elementOf(key, child));
    }
  }
  return { name, attributes, content, position: NO_POSITION };
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[^;&\s]+);/g, (_reference, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return resolveNamedEntity(name);
  });
}

async function measure(reader: Reader, file: string): Promise<Measurement> {
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  const read =
    reader === 'raw'
      ? await readRaw(file)
      : await readWith(reader === 'valo' ? readPublications(createReadStream(file), { fileName: file }) : readWithFastXmlParser(file));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(startedCpu);
  return {
    ...read,
    bytes: statSync(file).size,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: peakRssMiB(),
  };
}

/**
 * The process's own peak resident memory: VmHWM, which the kernel keeps per address space and so
 * starts afresh at exec. getrusage's maxRSS does not: it keeps the peak of the parent process the
 * child was forked from (the whole benchmark, with its 100,000 families), hiding the parser's.
 */
function peakRssMiB(): number {
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return Math.round((kib === undefined ? process.resourceUsage().maxRSS : Number(kib)) / 1024);
}

// --- the benchmark, run in the parent ------------------------------------------------------------

function measureInChild(reader: Reader, file: string): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', reader, file], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`measuring ${reader} on ${file} exited with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Measurement;
}

/**
 * Runs the readers in turn, `runs` rounds, and keeps each one's fastest run: on a machine others use
 * too, taking turns gives every reader the same chances of a quiet moment.
 */
function fastestInTurn(readers: Reader[], file: string, runs: number): Map<Reader, Measurement> {
  const measured = new Map<Reader, Measurement[]>(readers.map((reader) => [reader, []]));
  for (let round = 0; round < runs; round += 1) {
    for (const reader of readers) measured.get(reader)?.push(measureInChild(reader, file));
  }
  const fastest = new Map<Reader, Measurement>();
  for (const [reader, runsOf] of measured) {
    const best = runsOf.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    fastest.set(reader, best);
    console.log(`parse ${reader} on ${round(best.bytes / MB)} MB: ${runsOf.map((m) => `${mbPerSecond(m)} MB/s`).join(', ')} (${best.records} records, peak ${best.peakRssMiB} MiB)`);
  }
  return fastest;
}

function measured(results: Map<Reader, Measurement>, reader: Reader): Measurement {
  const measurement = results.get(reader);
  if (!measurement) throw new Error(`${reader} was not measured`);
  return measurement;
}

const mbPerSecond = (m: Measurement) => round(m.bytes / MB / m.seconds);
const round = (value: number) => Math.round(value * 100) / 100;

/** The parse figures for bench/results.json. */
export async function parseFigures(): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'valo-parse-'));
  try {
    const large = join(folder, `docdb-${LARGE_MB}mb.xml`);
    const small = join(folder, `docdb-${SMALL_MB}mb.xml`);
    const generated = generateDocdbFile(large, LARGE_MB * MB);
    generateDocdbFile(small, SMALL_MB * MB);
    const load = round(loadavg()[0] ?? 0);
    const onLarge = fastestInTurn(['raw', 'valo', 'fast-xml-parser'], large, RUNS);
    const [raw, valo, baseline] = [measured(onLarge, 'raw'), measured(onLarge, 'valo'), measured(onLarge, 'fast-xml-parser')];
    const valoSmall = measured(fastestInTurn(['valo'], small, 1), 'valo');
    if (valo.records !== baseline.records || valo.checksum !== baseline.checksum || valo.errors !== 0) {
      throw new Error(`Valo and fast-xml-parser built different records (${valo.records} and ${baseline.records}, ${valo.errors} errors)`);
    }
    const inputs = {
      file: `generated DOCDB, ${round(generated.bytes / MB)} MB, ${generated.records} records`,
      runs: `${RUNS}, in turn, the fastest kept`,
      loadAverage: load,
      cpuSeconds: `Valo ${round(valo.cpuSeconds)}, fast-xml-parser ${round(baseline.cpuSeconds)}`,
    };
    const figures: Figure[] = [
      { name: 'parse.docdb.raw-read', value: mbPerSecond(raw), unit: 'MB/s', inputs: { ...inputs, what: 'the file streamed from disk and dropped' } },
      { name: 'parse.docdb.raw-read.peak-rss', value: raw.peakRssMiB, unit: 'MiB', inputs: { ...inputs, what: 'the same process reading nothing: the floor for the peaks below' } },
      { name: 'parse.docdb.fast-xml-parser', value: mbPerSecond(baseline), unit: 'MB/s', inputs: { ...inputs, what: 'fast-xml-parser record by record, mapped by Valo: the same records' } },
      { name: 'parse.docdb.fast-xml-parser.records', value: Math.round(baseline.records / baseline.seconds), unit: 'records/s', inputs },
      { name: 'parse.docdb.fast-xml-parser.peak-rss', value: baseline.peakRssMiB, unit: 'MiB', inputs },
      { name: 'parse.docdb.valo', value: mbPerSecond(valo), unit: 'MB/s', inputs: { ...inputs, what: 'readPublications on the file stream' } },
      { name: 'parse.docdb.valo.records', value: Math.round(valo.records / valo.seconds), unit: 'records/s', inputs },
      { name: 'parse.docdb.valo-vs-fast-xml-parser', value: round(baseline.seconds / valo.seconds), unit: 'x', inputs },
      { name: 'parse.docdb.valo-vs-raw-read', value: round(raw.seconds / valo.seconds), unit: 'x', inputs: { ...inputs, what: "Valo's speed as a share of reading the bytes alone" } },
      { name: `parse.docdb.valo.peak-rss.${LARGE_MB}mb`, value: valo.peakRssMiB, unit: 'MiB', inputs },
      { name: `parse.docdb.valo.peak-rss.${SMALL_MB}mb`, value: valoSmall.peakRssMiB, unit: 'MiB', inputs: { ...inputs, file: `generated DOCDB, ${SMALL_MB} MB` } },
    ];
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const [flag, reader, file] = process.argv.slice(2);
  if (flag === '--measure' && file) console.log(JSON.stringify(await measure(reader as Reader, file)));
  else {
    const figures = await parseFigures();
    for (const figure of figures) console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
    // `--update-results`: the parse figures replace those of bench/results.json, the others stay.
    if (flag === '--update-results') {
      const path = join('bench', 'results.json');
      const results = JSON.parse(readFileSync(path, 'utf8')) as { figures: Figure[] };
      results.figures = [...results.figures.filter((figure) => !figure.name.startsWith('parse.')), ...figures];
      writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
      console.log(`updated ${path}`);
    }
  }
}
