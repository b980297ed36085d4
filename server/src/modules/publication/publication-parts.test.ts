import { describe, expect, it } from 'vitest';
import { mergedRecord, partsHash, partsOf, storedParts, withPart } from './publication-parts.ts';
import { type StoredRecord, recordHash } from './publication-record.ts';

const base: StoredRecord = {
  country: 'EP',
  number: '2400812',
  kind: 'A1',
  publicationDate: '2011-12-28',
  applicationNumber: '10167109',
  filingDate: '2010-06-24',
  familyId: null,
  titles: [{ lang: 'en', text: 'BLUETOOTH NETWORKING' }],
  applicants: [],
  inventors: [],
  owners: [],
  priorities: [],
  classifications: [],
  legalEvents: [],
  proceduralSteps: [],
};
const biblio = { ...base, familyId: '43088294' };
const legal = { ...base, titles: [], legalEvents: [{ code: 'PG25', date: '2020-05-01', description: null, country: 'BG', effectiveDate: null, text: null, feeYear: null }] };
const retitled = { ...biblio, titles: [{ lang: 'en', text: 'Bluetooth networking' }] };

describe('the parts of a publication', () => {
  it('lays the files over each other: what one leaves out, another gives', () => {
    const parts = withPart(withPart([], 'biblio.xml', biblio), 'legal.xml', legal);
    expect(mergedRecord(parts)).toEqual({ ...biblio, legalEvents: legal.legalEvents });
  });

  it('changes nothing when a file says again what it said, whatever was read in between', () => {
    const parts = withPart(withPart([], 'a.xml', biblio), 'b.xml', retitled);
    expect(withPart(parts, 'a.xml', biblio)).toBe(parts);
    expect(withPart(parts, 'b.xml', retitled)).toBe(parts);
    expect(mergedRecord(parts).titles).toEqual(retitled.titles);
  });

  it('lets a file that now says something else win, as the latest', () => {
    const parts = withPart(withPart([], 'a.xml', biblio), 'b.xml', retitled);
    const corrected = { ...biblio, titles: [{ lang: 'en', text: 'WIRELESS NETWORKING' }] };
    const after = withPart(parts, 'a.xml', corrected);
    expect(after.map((part) => part.origin)).toEqual(['b.xml', 'a.xml']);
    expect(mergedRecord(after).titles).toEqual(corrected.titles);
  });

  it('keeps a single part as the row itself, and its hash is the record’s', () => {
    const parts = withPart([], 'a.xml', biblio);
    expect(storedParts(parts)).toEqual([{ origin: 'a.xml', hash: recordHash(biblio) }]);
    expect(partsHash(parts)).toBe(recordHash(biblio));
    expect(partsOf(storedParts(parts), biblio)).toEqual(parts);
    const two = withPart(parts, 'b.xml', legal);
    expect(partsOf(storedParts(two), mergedRecord(two))).toEqual(two);
    expect(partsHash(two)).not.toBe(partsHash(parts));
  });
});
