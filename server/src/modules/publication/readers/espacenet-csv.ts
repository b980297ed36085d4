import type { PublicationRecord } from '#core/publication';
import { csvParties, publicationKey, splitCell, type CsvColumns, type CsvFormat } from './csv-columns.ts';
import { addClassifications, addTitle, emptyRecord, isoDate } from './record-values.ts';

/*
 * Espacenet's result-list export (CSV). No sample file exists in the project; what is assumed:
 * - a few lines about the search may come before the header row, which is found among the first
 *   lines; fields are separated by `;` (a `,` file is read too);
 * - one row per family, with these columns (others are ignored):
 *     No                    position in the result list (not kept)
 *     Title
 *     Inventors             one per line, `SURNAME FIRSTNAME [FR]`
 *     Applicants            one per line, `INST MINES TELECOM [FR]`
 *     Publication number    the family's publications, one per line: `FR3012345A1`, `EP3123456B1`
 *     Earliest priority     a date (no number: not a priority claim of the record)
 *     IPC, CPC              symbols, one per line (`H04W84/20`, possibly followed by details)
 *     Publication date      the publications' dates, one per line, in the same order
 *     Earliest publication  a date (not kept)
 *     Family number         the DOCDB family identifier
 * A row yields one record per publication number, all sharing the family's bibliography. Names
 * with a `[CC]` suffix are in the EPO's epodoc form; other names are marked `original`.
 */

const LINES = /\r?\n/;

export const ESPACENET_CSV: CsvFormat = {
  source: 'espacenet-csv',
  expected: 'Espacenet: "Publication number" with "Title" or "Family number"',
  isHeader: (columns) => !columns.has('Lens ID') && columns.has('Publication number') && (columns.has('Title') || columns.has('Family number')),
  records: espacenetRecords,
};

function espacenetRecords(columns: CsvColumns, cells: readonly string[]): PublicationRecord[] {
  const cell = (name: string) => columns.get(cells, name);
  const numbers = splitCell(cell('Publication number'), /[\s;]+/);
  const dates = splitCell(cell('Publication date'), /[\s;]+/);
  return numbers.map((text, index) => {
    const record = emptyRecord('espacenet-csv');
    const key = publicationKey(text);
    record.country = key?.country ?? '';
    record.number = key?.number ?? '';
    record.kind = key?.kind ?? null;
    // Dates pair with numbers only when the export gives one per publication.
    record.publicationDate = dates.length === numbers.length ? isoDate(dates[index]) : null;
    record.familyId = cell('Family number');
    addTitle(record.titles, null, cell('Title'));
    record.applicants = csvParties(splitCell(cell('Applicants'), LINES));
    record.inventors = csvParties(splitCell(cell('Inventors'), LINES));
    addClassifications(record.classifications, 'IPC', cell('IPC'));
    addClassifications(record.classifications, 'CPC', cell('CPC'));
    return record;
  });
}
