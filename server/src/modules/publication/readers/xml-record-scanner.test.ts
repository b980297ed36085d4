import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytePosition } from './byte-position.ts';
import { DOCDB_SKIPPED } from './docdb-record.ts';
import { keptElements } from './kept-elements.ts';
import { DEFAULT_XML_LIMITS, SafeXmlParser, XmlReadError } from './safe-xml-parser.ts';
import { RecordCollector, type XmlElement } from './xml-element.ts';
import { XmlRecordScanner } from './xml-record-scanner.ts';

/** The record's tree as the byte scanner builds it, keeping every element (but the skipped). */
function scanned(record: string, chunkLength = record.length): XmlElement | null {
  const bytes = Buffer.from(record);
  const scanner = new XmlRecordScanner(keptElements('all', DOCDB_SKIPPED), DEFAULT_XML_LIMITS, new BytePosition());
  scanner.begin();
  // Windows grow by `chunkLength` bytes; what a window cuts short is read again from its start.
  let start = 0;
  for (let end = Math.min(chunkLength, bytes.length); ; end = Math.min(end + chunkLength, bytes.length)) {
    start = scanner.scan(bytes, 0, start, end);
    if (scanner.record || end === bytes.length) return scanner.record;
  }
}

/** The same record's tree as the saxes parser and the RecordCollector build it. */
function parsed(record: string): XmlElement | null {
  let tree: XmlElement | null = null;
  const collector = new RecordCollector(
    { isRecord: (path) => path.length === 0, isSkipped: (_path, name) => DOCDB_SKIPPED.has(name) },
    (element) => {
      tree = element;
    },
  );
  const parser = new SafeXmlParser(collector);
  parser.write(record);
  parser.close();
  return tree;
}

/** An element as [name, content], for compact assertions. */
type Shape = [string, (string | Shape)[]];
function shape(element: XmlElement | null): Shape | null {
  if (!element) return null;
  return [element.name, element.content.map((part) => (typeof part === 'string' ? part : (shape(part) as Shape)))];
}

function scanError(record: string): XmlReadError {
  try {
    scanned(record);
  } catch (error) {
    if (error instanceof XmlReadError) return error;
    throw error;
  }
  throw new Error('no error');
}

const RECORD =
  '<exch:exchange-document country="DE" doc-number="1" kind="A">\r\n' +
  '  <exch:bibliographic-data lang=\'fr\' note="a\tb\r\nc">\n' +
  '    <!-- a comment --><?processing instruction?>\n' +
  '    <exch:invention-title>Proc&#233;d&#xE9; &amp; <b>dispositif</b> &lt;test&gt; KO&SACUTE;NIK &unknown;<![CDATA[ <raw> & ]]></exch:invention-title>\n' +
  '    <exch:abstract><p>left out</p></exch:abstract>\n' +
  '    <ns3:parties xmlns:ns3="urn:x"><applicant sequence="1" /></ns3:parties>\n' +
  '    <name>Ærø  café 😀</name>\n' +
  '  </exch:bibliographic-data>\n' +
  '</exch:exchange-document>';

describe('XmlRecordScanner', () => {
  it('builds the tree the saxes parser builds: names without prefix, attributes, text, entities, CDATA, positions', () => {
    const tree = scanned(RECORD);
    expect(tree).toEqual(parsed(RECORD));
    const title = (tree?.content[1] as XmlElement).content.find((part): part is XmlElement => typeof part !== 'string' && part.name === 'invention-title');
    expect(title?.content).toEqual(['Procédé & ', { name: 'b', attributes: {}, content: ['dispositif'], position: { line: 5, column: 54 } }, ' <test> KOŚNIK &unknown;', ' <raw> & ']);
  });

  it('builds the same tree whatever the window, constructs cut between windows included', () => {
    const whole = scanned(RECORD);
    for (const chunkLength of [1, 2, 3, 5, 8, 13, 64]) expect(scanned(RECORD, chunkLength)).toEqual(whole);
  });

  it.each([
    ['<r><a></b></r>', 'unexpected close tag.', 1, 11],
    ['<r><a x="1" x="2"/></r>', 'duplicate attribute: x.', 1, 20],
    ['<r><a x="1"y="2"/></r>', 'no whitespace between attributes.', 1, 13],
    ['<r><a x=1/></r>', 'unquoted attribute value.', 1, 10],
    ['<r><a x="<"/></r>', 'disallowed character.', 1, 11],
    ['<r>AT & T; </r>', 'disallowed character in entity name.', 1, 11],
    ['<r>a &b c; d</r>', 'disallowed character in entity name.', 1, 11],
    ['<r>&#0;</r>', 'malformed character entity.', 1, 8],
    ['<r>&#x110000;</r>', 'malformed character entity.', 1, 14],
    ['<r>&;</r>', 'empty entity name.', 1, 6],
    ['<r>a ]]> b</r>', 'the string "]]>" is disallowed in char data.', 1, 9],
    ['<r>a\u0001b</r>', 'disallowed character.', 1, 6],
    ['<r>\uFFFE</r>', 'disallowed character.', 1, 5],
    ['<r><!-- a -- b --></r>', 'malformed comment.', 1, 14],
    ['<r><!DOCTYPE x></r>', 'inappropriately located doctype declaration.', 1, 13],
    ['<r><!ELEMENT x></r>', 'incorrect syntax.', 1, 13],
    ['<r><?xml version="1.0"?></r>', 'an XML declaration must be at the start of the document.', 1, 10],
    ['<r>\n<1a/></r>', 'disallowed character in tag name', 2, 3],
    ['<r></ r></r>', 'disallowed character in closing tag.', 1, 8],
    ['<r></></r>', 'weird empty close tag.', 1, 7],
  ])('refuses %j as the parser does: %s', (record, message, line, column) => {
    const error = scanError(record);
    expect({ message: error.message, line: error.line, column: error.column }).toEqual({ message, line, column });
    let parserError: unknown = null;
    try {
      parsed(record);
    } catch (caught) {
      parserError = caught;
    }
    expect(parserError).toMatchObject({ message, line, column });
  });

  it('moves the column past names beyond ASCII as the parser does, end tags and repeated attributes included', () => {
    const record = '<r><é>t</é><a/><ü x="1">u</ü><b/></r>';
    expect(scanned(record)).toEqual(parsed(record));
    expect((scanned(record)?.content[3] as XmlElement).position).toEqual({ line: 1, column: 34 });
    const repeated = '<r><a é="1" é="2"/></r>';
    expect(scanError(repeated)).toMatchObject({ message: 'duplicate attribute: é.', line: 1, column: 20 });
    expect(() => parsed(repeated)).toThrow(expect.objectContaining({ message: 'duplicate attribute: é.', line: 1, column: 20 }));
  });

  it('refuses nesting past the depth limit and records past the size limit, as fatal errors', () => {
    const deep = `${'<a>'.repeat(201)}${'</a>'.repeat(201)}`;
    expect(scanError(deep)).toMatchObject({ message: 'elements nested deeper than 200 levels', fatal: true });
    const limits = { ...DEFAULT_XML_LIMITS, maxRecordSize: 1000 };
    const scanner = new XmlRecordScanner(keptElements('all', DOCDB_SKIPPED), limits, new BytePosition());
    scanner.begin();
    const wide = Buffer.from(`<r>${'<a>x</a>'.repeat(50)}</r>`);
    expect(() => scanner.scan(wide, 0, 0, wide.length)).toThrow(expect.objectContaining({ message: 'a record holds more than 1000 characters', fatal: true }));
  });

  it('refuses a single construct longer than the length limit, even when whole', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxTextLength: 100 };
    const scanner = new XmlRecordScanner(keptElements('all', DOCDB_SKIPPED), limits, new BytePosition());
    scanner.begin();
    const long = Buffer.from(`<r><!--${'x'.repeat(200)}--></r>`);
    expect(() => scanner.scan(long, 0, 0, long.length)).toThrow(expect.objectContaining({ message: 'a single text, tag or comment is longer than 100 characters', fatal: true }));
  });

  it('keeps only the elements it is told to keep, and checks the others all the same', () => {
    const kept = keptElements({ a: { b: 'all' } }, DOCDB_SKIPPED);
    const scanner = new XmlRecordScanner(kept, DEFAULT_XML_LIMITS, new BytePosition());
    scanner.begin();
    const record = Buffer.from('<r><a><b>1<i>2</i></b><c>3</c></a><d x="1">4</d></r>');
    scanner.scan(record, 0, 0, record.length);
    expect(shape(scanner.record)).toEqual(['r', [['a', [['b', ['1', ['i', ['2']]]]]]]]);
    scanner.begin();
    const broken = Buffer.from('<r><a><b>1</b></a><d x="1" x="2">4</d></r>');
    expect(() => scanner.scan(broken, 0, 0, broken.length)).toThrow('duplicate attribute: x.');
  });
});

// Records made of the constructs both lanes read: plain ones and ones only the general steps read
// (references of every kind, CDATA, comments, line ends in tags, repeated or odd attributes…).
const NAMES = ['a', 'b', 'x:a', 'y:b', 'abstract', 'exch:abstract', 'é', 'a-b.c_d', 'x:y:z', 'abcdefgh', 'abcdefgi'];
const ATTRIBUTE_NAMES = ['x', 'y', 'a:x', 'xx', 'é', 'data-format', '__proto__', 'constructor'];
const TEXTS = [
  't', 'text ', ' ', '&amp;', '&lt;', '&#233;', '&#x1F600;', '&SACUTE;', '&unknown;', '&', '&a', '&#0;', '&#x110000;', '&#xD800;', '&#;', '&#X41;', '&a b;',
  ']]>', ']]', '>', '\r', '\r\n', '\n', '\t', 'é', '😀', '\u0001', '\uFFFE', '\uF000', '"', '=', '/',
];
const VALUES = ['v', '1', ' ', '&amp;', '&#65;', '&#0;', '&', '<', '>', '\t', '\n', '\r\n', 'é', '😀', '\uFFFE', ']]>'];

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTE_NAMES), fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }), fc.constantFrom('"', "'"), fc.constantFrom(' ', '  ', '\n', '\t'), fc.constantFrom('=', ' = '))
  .map(([name, value, quote, space, equals]) => `${space}${name}${equals}${quote}${value.join('').replaceAll(quote, '')}${quote}`);
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.array(attribute, { maxLength: 3 }),
      fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
          { weight: 3, arbitrary: tie('element') },
          { weight: 1, arbitrary: fc.constantFrom('<!-- c -->', '<![CDATA[ <x> & ]]>', '<?pi x?>', '<!--a-b-->') },
        ),
        { maxLength: 4 },
      ),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([name, attributes, content, space]) => (content.length === 0 ? `<${name}${attributes.join('')}${space}/>` : `<${name}${attributes.join('')}${space}>${content.join('')}</${name}${space}>`)),
}));

type Outcome = { record: XmlElement | null; stoppedAt: number } | { error: Pick<XmlReadError, 'message' | 'line' | 'column'> };

function outcome(read: () => Outcome): Outcome {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof XmlReadError)) throw error;
    return { error: { message: error.message, line: error.line, column: error.column } };
  }
}

function scannedIn(bytes: Buffer, chunkLength: number): Outcome {
  const scanner = new XmlRecordScanner(keptElements('all', DOCDB_SKIPPED), DEFAULT_XML_LIMITS, new BytePosition());
  scanner.begin();
  let start = 0;
  for (let end = Math.min(chunkLength, bytes.length); ; end = Math.min(end + chunkLength, bytes.length)) {
    start = scanner.scan(bytes, 0, start, end);
    if (scanner.record || end === bytes.length) return { record: scanner.record, stoppedAt: start };
  }
}

describe('the fast lane and the general steps', () => {
  it('read generated records, altered or not, as the parser does', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insertion: fc.constantFrom('', '<', '>', '&', '"', ' ', '/', '=', '\n', 'é', '</a>', '<a>', ']]>'), length: fc.nat(2) });
    fc.assert(
      fc.property(element, edit, fc.constantFrom(1, 3, 64, 100_000), (record, { at, insertion, length }, chunkLength) => {
        // Altered inside the record's element, where the scanner reads it (it starts at a record's start
        // tag), character by character (a lone half of a surrogate pair is no UTF-8).
        const characters = [...record];
        const from = 2 + Math.floor(at * Math.max(0, characters.lastIndexOf('<') - 2));
        const text = characters.length < 8 ? record : [...characters.slice(0, from), insertion, ...characters.slice(from + length)].join('');
        const bytes = Buffer.from(text);
        const scanned = outcome(() => scannedIn(bytes, chunkLength));
        if ('error' in scanned) {
          expect(outcome(() => ({ record: parsed(text), stoppedAt: 0 }))).toEqual(scanned);
        } else if (scanned.record) {
          // The parser is given the record alone, as the reader cuts it.
          expect(scanned.record).toEqual(parsed(bytes.subarray(0, scanned.stoppedAt).toString()));
        } else {
          expect(() => parsed(text)).toThrow(XmlReadError);
        }
      }),
      { seed: 20240218, numRuns: 3000 },
    );
  });
});
