import type { PublicationRecord } from '#core/publication';
import { csvParties, publicationKey, splitCell, type CsvColumns, type CsvFormat } from './csv-columns.ts';
import { addClassifications, addTitle, countryCode, emptyRecord, isoDate } from './record-values.ts';

/*
 * The Lens patent export (CSV, comma-separated, one publication per row). No sample file exists in
 * the project; the columns below are those of a Lens export's header row, of which these are read:
 *   Jurisdiction            US
 *   Kind                    A1
 *   Display Key             US 2019/0123456 A1   (older exports: Publication Number)
 *   Lens ID                 012-345-678-901-23X  (identifies the format; not kept)
 *   Publication Date        2019-04-25
 *   Application Number      US 201816123456 A    (country, number, kind: the number is kept)
 *   Application Date        2018-09-12
 *   Priority Numbers        US 201762512345 P;;US 201816123456 A
 *   Earliest Priority Date  2017-09-12           (the date of the only priority, when there is one)
 *   Title
 *   Applicants, Inventors, Owners   names separated by ";;", as Lens prints them
 *   CPC Classifications, IPCR Classifications   symbols separated by ";;"
 * Other columns (Publication Year, Abstract, URL, citation counts, Simple Family Members, Legal
 * Status…) are not part of the record. Lens prints names mostly in the EPO's standard form; they are
 * marked `original`, which says only that nothing was standardised here.
 */

const LIST = ';;';

export const LENS_CSV: CsvFormat = {
  source: 'lens-csv',
  expected: 'Lens: "Lens ID" with "Display Key" or "Publication Number"',
  isHeader: (columns) => columns.has('Lens ID') && (columns.has('Display Key') || columns.has('Publication Number')),
  records: (columns, cells) => [lensRecord(columns, cells)],
};

function lensRecord(columns: CsvColumns, cells: readonly string[]): PublicationRecord {
  const cell = (name: string) => columns.get(cells, name);
  const record = emptyRecord('lens-csv');
  const key = publicationKey(cell('Display Key') ?? cell('Publication Number'));
  record.country = countryCode(cell('Jurisdiction')) ?? key?.country ?? '';
  record.number = key?.number ?? '';
  record.kind = cell('Kind') ?? key?.kind ?? null;
  record.publicationDate = isoDate(cell('Publication Date'));
  record.applicationNumber = publicationKey(cell('Application Number'))?.number ?? cell('Application Number');
  record.filingDate = isoDate(cell('Application Date'));

  const priorities = splitCell(cell('Priority Numbers'), LIST).flatMap((text) => {
    const priority = publicationKey(text);
    return priority ? [{ country: priority.country, number: priority.number, date: null as string | null }] : [];
  });
  const [only] = priorities;
  if (only && priorities.length === 1) only.date = isoDate(cell('Earliest Priority Date'));
  record.priorities = priorities;

  addTitle(record.titles, null, cell('Title'));
  record.applicants = csvParties(splitCell(cell('Applicants'), LIST));
  record.inventors = csvParties(splitCell(cell('Inventors'), LIST));
  const owners = csvParties(splitCell(cell('Owners'), LIST));
  if (owners.length > 0) record.owners = owners;
  addClassifications(record.classifications, 'IPC', cell('IPCR Classifications'));
  addClassifications(record.classifications, 'CPC', cell('CPC Classifications'));
  return record;
}
