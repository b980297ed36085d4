import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PartyName, PublicationRecord } from '#core/publication';
import type { PublicationSource } from './publication-sources.ts';
import { readPublications, type ReadError, type ReaderOptions } from './read-publications.ts';

/** The sample files, copied with their source repositories' folder names (see fixtures/FIXTURES.md). */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const EP_PUBLICATION = 'ep-publication-xml/max-planck-innovation-competition_go-epo-eps/pkg/eps/test-data/';
export const OPS_PATENT_DEV = 'epo-ops-xml/patent-dev_epo-ops/';
export const OPS_PATENT_CLIENT = 'epo-ops-xml/parkerhancock_patent_client/epo/ops/';
export const DOCDB = 'epo-docdb-xml/max-planck-innovation-competition_go-epo-bdds/';
export const INPI = 'inpi-xml/aymondebroglie_Paf2015/src/';
export const USPTO_GRANT = 'uspto-grant-xml/dspinellis_alexandria3k/';
export const USPTO_ASSIGNMENT = 'uspto-assignment-xml/parkerhancock_patent_client/';
export const USPTO_ODP = 'uspto-odp-json/parkerhancock_patent_client/';

export interface ReadResult {
  records: PublicationRecord[];
  errors: ReadError[];
}

/** Reads every item of a stream into records and errors. */
export async function readAll(input: AsyncIterable<Uint8Array | string>, options: ReaderOptions): Promise<ReadResult> {
  const result: ReadResult = { records: [], errors: [] };
  for await (const item of readPublications(input, options)) {
    if (item.ok) result.records.push(item.record);
    else result.errors.push(item.error);
  }
  return result;
}

/** Reads a sample file, streamed from disk as the CLI does. */
export function readFixture(path: string): Promise<ReadResult> {
  return readAll(createReadStream(`${FIXTURES}${path}`), { fileName: path });
}

/** Reads every source under a path (a folder, a file, or a .zip's entries), each under its own name. */
export async function readSources(sources: AsyncIterable<PublicationSource>): Promise<ReadResult> {
  const result: ReadResult = { records: [], errors: [] };
  for await (const source of sources) {
    const read = await readAll(source.open(), { fileName: source.name });
    result.records.push(...read.records);
    result.errors.push(...read.errors);
  }
  return result;
}

/** Reads XML given as text, in chunks of `chunkLength` to exercise records cut across chunks. */
export function readText(text: string, fileName = 'sample.xml', chunkLength = text.length): Promise<ReadResult> {
  async function* chunks() {
    for (let start = 0; start < text.length; start += chunkLength) yield text.slice(start, start + chunkLength);
  }
  return readAll(chunks(), { fileName });
}

/** The names of one format, as `[sequence, name, country]` for compact assertions. */
export function namesIn(parties: PartyName[], format: PartyName['format']): [number | null, string, string | null][] {
  return parties.filter((party) => party.format === format).map((party) => [party.sequence, party.name, party.country]);
}

/** The only record with this kind; fails the test when there is not exactly one. */
export function withKind(records: PublicationRecord[], kind: string): PublicationRecord {
  const found = records.filter((record) => record.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} record, found ${found.length}`);
  return found[0] as PublicationRecord;
}
