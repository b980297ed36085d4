import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, syntaxOf } from './detect-format.ts';
import { DOCDB, EP_PUBLICATION, FIXTURES, INPI, OPS_PATENT_CLIENT, OPS_PATENT_DEV, USPTO_ASSIGNMENT, readAll, readText } from './reader.fixtures.ts';
import { XmlReadError } from './safe-xml-parser.ts';

const head = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8').slice(0, 4096);

describe('detectFormat', () => {
  it.each([
    [`${EP_PUBLICATION}application/v1-0-A1-1.xml`, 'ep-publication', 'ep-patent-document', ''],
    [`${EP_PUBLICATION}grant/v1-5-B2-1.xml`, 'ep-publication', 'ep-patent-document', ''],
    [`${OPS_PATENT_DEV}testdata/biblio.xml`, 'ops', 'ops:world-patent-data', 'ops:'],
    [`${OPS_PATENT_DEV}demo/examples/get_register_biblio/response.xml`, 'ops', 'ns2:world-patent-data', 'ns2:'],
    [`${OPS_PATENT_CLIENT}legal/fixtures/example_1.xml`, 'ops', 'ops:world-patent-data', 'ops:'],
    [`${DOCDB}DE-backfile.xml`, 'docdb', 'exch:exchange-documents', 'exch:'],
    [`${DOCDB}WO-2022259205-A1_544370561.xml`, 'docdb', 'exch:exchange-document', 'exch:'],
    [`${DOCDB}AP-1206-A_302101161.xml`, 'docdb', 'exchange-document', ''],
    [`${INPI}2706406.xml`, 'inpi', 'fr-patent-document', ''],
    [`${USPTO_ASSIGNMENT}assignment_1.xml`, 'uspto-assignment', 'response', ''],
  ])('recognises %s from its root element', (path, format, root, prefix) => {
    expect(detectFormat(head(path))).toEqual({ format, root, prefix });
  });

  it('recognises a USPTO grant past its DOCTYPE with an empty internal subset, and a bulk assignment file', () => {
    const grant = '<?xml version="1.0"?>\n<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v47-2022-02-17.dtd" [ ]>\n<us-patent-grant lang="EN">';
    expect(detectFormat(grant)).toEqual({ format: 'uspto-grant', root: 'us-patent-grant', prefix: '' });
    expect(detectFormat('<us-patent-assignments dtd-version="0.8">')?.format).toBe('uspto-assignment');
  });

  it('names a root it does not read, and finds none in a prolog that stops short', () => {
    expect(detectFormat('<?xml version="1.0"?><us-patent-application lang="EN">')).toEqual({ format: null, root: 'us-patent-application', prefix: '' });
    expect(detectFormat('<?xml version="1.0"?><!-- no root yet -->')).toBeNull();
  });

  it('stops at the root start tag, so a broken first record is left to the reader', () => {
    expect(detectFormat('<exch:exchange-documents><exch:exchange-document country="DE"></oops>')?.format).toBe('docdb');
  });

  it('throws on a refused DOCTYPE', () => {
    expect(() => detectFormat('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(XmlReadError);
  });
});

describe('syntaxOf', () => {
  it.each([
    ['  \n<?xml version="1.0"?>', 'xml'],
    ['\uFEFF{"count": 1}', 'json'],
    ['[{"a": 1}]', 'json'],
    ['"#",Jurisdiction,Kind', 'csv'],
    ['No;Title', 'csv'],
    [' \r\n\t', null],
  ])('tells %j is %s from its first character', (head, syntax) => {
    expect(syntaxOf(head)).toBe(syntax);
  });
});

describe('readPublications on inputs that are not patent data', () => {
  it('reports an XML file of another format by its root element', async () => {
    const { records, errors } = await readText('<us-patent-application><x/></us-patent-application>', 'application.xml');
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'application.xml',
        line: null,
        column: null,
        message:
          '<us-patent-application> is not a format read here (ep-patent-document, OPS world-patent-data, DOCDB exchange-documents, ' +
          'INPI fr-patent-document, us-patent-grant, us-patent-assignments)',
      },
    ]);
  });

  it('stops a file of white space after 10 MB', async () => {
    async function* blanks() {
      for (let sent = 0; sent < 2048; sent += 1) yield ' '.repeat(1024 * 1024);
    }
    const { errors } = await readAll(blanks(), { fileName: 'blank.txt' });
    expect(errors).toEqual([{ file: 'blank.txt', line: 1, column: 1, message: 'only white space in the first 10 MB' }]);
  });

  it('reports an empty file, and an XML file with no root element', async () => {
    expect((await readText('', 'empty.xml')).errors.map((error) => error.message)).toEqual(['the file is empty']);
    expect((await readText(' \n \n', 'blank.csv')).errors.map((error) => error.message)).toEqual(['the file is empty']);
    expect((await readText('<?xml version="1.0"?><!-- nothing -->', 'prolog.xml')).errors.map((error) => error.message)).toEqual([
      'no root element: the XML file ends before one starts',
    ]);
  });

  it('keeps the records read before XML that is not well-formed, and reports where it broke', async () => {
    const ep = readFileSync(`${FIXTURES}${OPS_PATENT_DEV}demo/examples/get_full_cycle_multiple/response.xml`, 'utf8');
    const broken = ep.replace(/(<exchange-document [^>]*kind="B1">)/, '$1<oops></exchange-document>');
    const { records, errors } = await readText(broken, 'broken.xml');
    expect(records.map((record) => record.kind)).toEqual(['A1']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'broken.xml', line: expect.any(Number), column: expect.any(Number) });
    expect(errors[0]?.message).toMatch(/close tag/);
  });
});
