import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';
import { DOCDB, EP_PUBLICATION, FIXTURES, OPS_PATENT_CLIENT, OPS_PATENT_DEV, readText } from './reader.fixtures.ts';
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
  ])('recognises %s from its root element', (path, format, root, prefix) => {
    expect(detectFormat(head(path))).toEqual({ format, root, prefix });
  });

  it('names a root it does not read, and finds none in a prolog that stops short', () => {
    expect(detectFormat('<?xml version="1.0"?><fr-patent-document lang="fr">')).toEqual({ format: null, root: 'fr-patent-document', prefix: '' });
    expect(detectFormat('<?xml version="1.0"?><!-- no root yet -->')).toBeNull();
  });

  it('stops at the root start tag, so a broken first record is left to the reader', () => {
    expect(detectFormat('<exch:exchange-documents><exch:exchange-document country="DE"></oops>')?.format).toBe('docdb');
  });

  it('throws on a refused DOCTYPE', () => {
    expect(() => detectFormat('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(XmlReadError);
  });
});

describe('readPublications on inputs that are not patent XML', () => {
  it('reports a file of another format by its root element', async () => {
    const { records, errors } = await readText('<us-patent-grant><x/></us-patent-grant>', 'grant.xml');
    expect(records).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'grant.xml',
        line: null,
        column: null,
        message: '<us-patent-grant> is not a format read here (ep-patent-document, OPS world-patent-data, DOCDB exchange-documents)',
      },
    ]);
  });

  it('reports an empty file and text that is not XML', async () => {
    expect((await readText('', 'empty.xml')).errors.map((error) => error.message)).toEqual(['no root element: the file is empty or is not XML']);
    const notXml = await readText('name,number\nACME,1\n', 'list.csv');
    expect(notXml.errors).toEqual([{ file: 'list.csv', line: expect.any(Number), column: expect.any(Number), message: 'text data outside of root node.' }]);
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
