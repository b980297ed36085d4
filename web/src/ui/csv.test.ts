// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BOM, csvCell, downloadCsv, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(toCsv([['Titre', 'Année'], ['Capteur', 2024]])).toBe('Titre,Année\r\n' + 'Capteur,2024\r\n');
  });

  it('quotes cells holding the separator, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('Nanogrid, SAS', ',')).toBe('"Nanogrid, SAS"');
    expect(csvCell('le "graphène"', ',')).toBe('"le ""graphène"""');
    expect(csvCell('ligne 1\nligne 2', ',')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
  });

  it('keeps leading and trailing spaces by quoting', () => {
    expect(csvCell(' FR ', ',')).toBe('" FR "');
  });

  it('writes nothing for null and undefined', () => {
    expect(toCsv([[null, undefined, 'x']], ';')).toBe(';;x\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+33 1 23', ',')).toBe("'+33 1 23");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell(-12, ',')).toBe('-12');
  });

  it('downloads a UTF-8 file that starts with a byte-order mark, for Excel', async () => {
    let saved: Blob | null = null;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:csv';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    downloadCsv('families.csv', toCsv([['Titre'], ['Capteur de graphène']]));
    expect(click).toHaveBeenCalledOnce();
    expect(saved).not.toBeNull();
    const bytes = new Uint8Array(await (saved as unknown as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}Titre\r\nCapteur de graphène\r\n`);
    expect((saved as unknown as Blob).type).toBe('text/csv;charset=utf-8');
    create.mockRestore();
    click.mockRestore();
  });
});
