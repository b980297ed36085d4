import { DEFAULT_XML_LIMITS, SafeXmlParser, XmlReadError, describeLength, type XmlLimits } from './safe-xml-parser.ts';
import { localName } from './xml-element.ts';

/** The patent XML formats these readers handle. */
export type PatentXmlFormat = 'ep-publication' | 'ops' | 'docdb' | 'inpi' | 'uspto-grant' | 'uspto-assignment';

/** How a file is written: the XML formats above, USPTO ODP JSON, or a CSV export (Lens, Espacenet). */
export type PatentSyntax = 'xml' | 'json' | 'csv';

/**
 * The syntax of a file from its first character that is not white space: `<` XML, `{` or `[` JSON,
 * anything else a CSV export, whose header row then names the format. null when the text holds none yet.
 */
export function syntaxOf(head: string): PatentSyntax | null {
  const first = /\S/.exec(head.replace(/^\uFEFF/, ''))?.[0];
  if (first === undefined) return null;
  if (first === '<') return 'xml';
  if (first === '{' || first === '[') return 'json';
  return 'csv';
}

export interface DetectedFormat {
  /** null when the root element is not one of the formats read here. */
  format: PatentXmlFormat | null;
  /** The root element as written, e.g. `exch:exchange-documents`. */
  root: string;
  /** The root's prefix, e.g. `exch:` (DOCDB records carry the same one, declared or not). */
  prefix: string;
}

/**
 * The format a root element names: each format has its own root. The USPTO assignment search answers
 * in a Solr `response`; its reader reports one that holds no assignment.
 */
export function formatOfRoot(root: string): PatentXmlFormat | null {
  switch (localName(root)) {
    case 'ep-patent-document':
      return 'ep-publication';
    case 'world-patent-data':
      return 'ops';
    case 'exchange-documents':
    case 'exchange-document':
      return 'docdb';
    case 'fr-patent-document':
      return 'inpi';
    case 'us-patent-grant':
      return 'uspto-grant';
    case 'us-patent-assignments':
    case 'response':
      return 'uspto-assignment';
    default:
      return null;
  }
}

/** Thrown by the sniffer's handler to stop at the root's start tag. */
class RootFound {
  constructor(readonly root: string) {}
}

// The prolog is read in small steps so that nothing past the root's start tag is parsed here.
const STEP_LENGTH = 4 * 1024;

/**
 * Reads the beginning of a file up to the root's start tag. The prolog goes through the safe parser
 * too: a DOCTYPE declaring entities is refused here, before any reader starts.
 */
export class RootSniffer {
  private readonly parser: SafeXmlParser;
  private readonly limits: XmlLimits;
  private length = 0;
  private detected: DetectedFormat | null = null;

  constructor(limits: XmlLimits = DEFAULT_XML_LIMITS) {
    this.limits = limits;
    this.parser = new SafeXmlParser(
      {
        open: (name) => {
          throw new RootFound(name);
        },
        close: () => undefined,
        text: () => undefined,
      },
      { limits },
    );
  }

  /** Feeds the next text; returns the format once the root's start tag has been read. */
  write(text: string): DetectedFormat | null {
    for (let start = 0; start < text.length && !this.detected; start += STEP_LENGTH) {
      const step = text.slice(start, start + STEP_LENGTH);
      this.length += step.length;
      if (this.length > this.limits.maxTextLength) {
        throw new XmlReadError(`no root element in the first ${describeLength(this.limits.maxTextLength)}`, this.parser.position(), true);
      }
      try {
        this.parser.write(step);
      } catch (error) {
        if (!(error instanceof RootFound)) throw error;
        const colon = error.root.indexOf(':');
        this.detected = { format: formatOfRoot(error.root), root: error.root, prefix: colon === -1 ? '' : error.root.slice(0, colon + 1) };
      }
    }
    return this.detected;
  }
}

/**
 * The format of a file from its beginning (through the root's start tag); null when the text ends
 * before a root element. Throws XmlReadError when the prolog is malformed or refused.
 */
export function detectFormat(head: string): DetectedFormat | null {
  return new RootSniffer().write(head);
}
