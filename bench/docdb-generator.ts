/**
 * A large DOCDB bulk file for the parse benchmark, written with the structure of the real samples
 * (server/src/modules/publication/readers/fixtures/epo-docdb-xml): an `exch:exchange-documents` root and
 * one `exch:exchange-document` per line, each with its publication, application and priority references
 * in the docdb, epodoc and original numberings, IPC and CPC classifications, applicants and inventors
 * named in the docdb, docdba and (some) epodoc formats, titles in one to three languages, and, as
 * in the samples, the abstracts and citations that make up most of a record's bytes.
 *
 * Deterministic (a seeded generator, so two runs write the same bytes) and streamed to disk a few
 * hundred records at a time, so memory stays flat whatever the size.
 *
 * `node --import tsx bench/docdb-generator.ts <file> [megabytes, 500 by default]` writes one.
 */
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface GeneratedDocdb {
  bytes: number;
  records: number;
}

const HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE exch:exchange-documents SYSTEM "docdb-entities.dtd">' +
  '<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://www.epo.org/exchange exchange-documents-v2.5.9.xsd" date-of-exchange="20240218" dtd-version="2.5.9" ' +
  'file="DOCDB-202407-009-XX-0001" no-of-documents="0000000" originating-office="EP">\n';
const FOOTER = '</exch:exchange-documents>\n';

const OFFICES = ['DE', 'EP', 'WO', 'US', 'FR', 'JP', 'CN', 'GB', 'KR', 'AP', 'YU', 'ES', 'IT', 'CH', 'AT'];
const KINDS = ['A', 'A1', 'A2', 'B', 'B1', 'B2', 'U', 'C'];
const CPC = ['F02M', 'A61K', 'H04W', 'G06F', 'B01J', 'C07D', 'H01L', 'A61P', 'G01N', 'B60K', 'C12N', 'H02J', 'F16H', 'E04B'];
const COMPANIES = [
  ['BOSCH GMBH ROBERT', 'ROBERT BOSCH G.M.B.H.', 'DE'],
  ['GEN MOTORS CORP', 'GENERAL MOTORS CORPORATION', 'US'],
  ['BERTIN &amp; CIE', 'SOCIETE BERTIN &amp; CIE.', 'FR'],
  ['FRANCE ETAT', 'ETAT FRANCAIS REPRESENTE PAR LE DELEGUE MINISTERIEL POUR L&apos;ARMEMENT', 'FR'],
  ['UNIV DA BEIRA INTERIOR', 'UNIVERSIDADE DA BEIRA INTERIOR', 'PT'],
  ['YEDA RES &amp; DEV', 'YEDA RESEARCH AND DEVELOPMENT CO. LTD.', 'IL'],
  ['BRISTOL MYERS SQUIBB CO', 'BRISTOL-MYERS SQUIBB COMPANY', 'US'],
  ['WARNER LAMBERT CO', 'WARNER-LAMBERT COMPANY', 'US'],
  ['SIEMENS AG', 'SIEMENS AKTIENGESELLSCHAFT', 'DE'],
  ['COMMISSARIAT ENERGIE ATOMIQUE', 'COMMISSARIAT À L&apos;ÉNERGIE ATOMIQUE ET AUX ÉNERGIES ALTERNATIVES', 'FR'],
  ['MAX PLANCK GESELLSCHAFT', 'MAX-PLANCK-GESELLSCHAFT ZUR FÖRDERUNG DER WISSENSCHAFTEN E.V.', 'DE'],
  ['CNRS', 'CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE', 'FR'],
  ['KOSNIK ZALECENJE D O O', 'KO&#x15A;NIK ZALE&#x10C;ENJE D.O.O.', 'SI'],
];
const FAMILY_NAMES = [
  'KNAPP', 'HEISER', 'LANGE', 'OLIVEIRA DOS SANTOS', 'CARVALHO FERNANDES', 'CABRAL PIRES', 'LOURENÇO ALVES', "O'BRIEN",
  'PICARD', 'SLISKOVIC', 'MÜLLER', 'DUPONT', 'MARTIN', 'GARCÍA', 'ROSSI', 'NOWAK', 'SMITH', 'TANAKA', 'KIM', 'WANG',
];
const GIVEN_NAMES = ['HEINRICH', 'JOACHIM', 'GERHARD', 'ADRIANA', 'MARIANA', 'PATRÍCIA SOFIA', 'GILBERTO', 'PATRICK MICHAEL', 'JOSEPH ARMAND', 'DRAGO', 'ANNE', 'LUC', 'MARÍA', 'GIULIA', 'PIOTR', 'JOHN', 'HIROSHI', 'JI-WOO', 'LEI'];
const TITLE_WORDS = [
  'fuel', 'injection', 'pump', 'multi-cylinder', 'engine', 'composition', 'self-emulsifying', 'method', 'device', 'sensor',
  'battery', 'membrane', 'catalyst', 'network', 'antenna', 'polymer', 'laser', 'turbine', 'hydrogel', 'inhibitor', 'matrix',
  'metalloproteinase', 'derivative', 'process', 'production', 'use', 'thereof', 'system', 'apparatus', 'control',
];
const TITLES_DE = ['Kraftstoffeinspritzpumpe fuer mehrzylindrige Brennkraftmaschinen', 'Hochspannungszuendeinrichtung fuer Brennkraftmaschinen', 'Verfahren zur Herstellung von Polymeren'];
const TITLES_FR = ['COMPOSITION AUTO-ÉMULSIFIANTE, SES PROCÉDÉS DE PRODUCTION ET SES UTILISATIONS', 'PROCÉDÉ ET DISPOSITIF DE MESURE &lt;IN SITU&gt;', 'SULFONAMIDES TRICYCLIQUES'];
const ABSTRACT =
  'The present disclosure relates to a self-emulsifying composition and/or a stable and homogeneous aqueous oil-in-water emulsion ' +
  'comprising a neutral hydrophilic surfactant and a combination of at least two hydrophobic excipients selected from the following ' +
  'list: glycerol monooleate, miglyol 812; propylene glycol monocaprylate; wherein 90% of the droplets comprise a size of less than ' +
  '180 nm; and wherein the size of 50% of the droplets ranges from 90-120 nm. A pharmaceutical composition comprising said emulsion is also described.';
const ABSTRACT_FR =
  "La présente divulgation concerne une composition auto-émulsifiante et/ou une émulsion aqueuse huile dans l'eau stable et homogène " +
  'comprenant un tensioactif hydrophile neutre et une combinaison d&apos;au moins deux excipients hydrophobes choisis dans la liste suivante.';

/** A small seeded generator (mulberry32): the same file for the same size, run after run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class RecordWriter {
  private readonly random = seeded(20240218);

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)] as T;
  }

  private date(fromYear: number): string {
    const year = fromYear + this.int(2024 - fromYear);
    const month = String(1 + this.int(12)).padStart(2, '0');
    // DOCDB writes an unknown day as 00; one date in fifty has it.
    const day = this.int(50) === 0 ? '00' : String(1 + this.int(28)).padStart(2, '0');
    return `${year}${month}${day}`;
  }

  private docdbId(country: string, number: string, kind: string, date: string): string {
    return `<document-id><country>${country}</country><doc-number>${number}</doc-number><kind>${kind}</kind><date>${date}</date></document-id>`;
  }

  private classifications(): string {
    const ipcr: string[] = [];
    const cpc: string[] = [];
    for (let sequence = 1, count = 1 + this.int(6); sequence <= count; sequence += 1) {
      const symbol = `${this.pick(CPC)}${String(1 + this.int(99)).padStart(4, ' ')}/${String(this.int(999)).padStart(2, '0').padEnd(6, ' ')}`;
      ipcr.push(`<classification-ipcr sequence="${sequence}"><text>${symbol}        20060101A I20051008RMEP        </text></classification-ipcr>`);
      cpc.push(
        `<patent-classification sequence="${sequence}"><classification-scheme office="EP" scheme="${this.int(4) === 0 ? 'IPC' : 'CPCI'}"><date>20130101</date></classification-scheme>` +
          `<classification-symbol>${symbol}      </classification-symbol><symbol-position>${sequence === 1 ? 'F' : 'L'}</symbol-position>` +
          '<classification-value>I</classification-value><classification-status>B</classification-status><classification-data-source>H</classification-data-source>' +
          `<generating-office>${this.pick(OFFICES)}</generating-office><action-date><date>${this.date(2013)}</date></action-date></patent-classification>`,
      );
    }
    return `<exch:classifications-ipcr>${ipcr.join('')}</exch:classifications-ipcr><exch:patent-classifications>${cpc.join('')}</exch:patent-classifications>`;
  }

  private parties(): string {
    const applicants: string[] = [];
    for (let sequence = 1, count = 1 + this.int(3); sequence <= count; sequence += 1) {
      const [docdb, docdba, country] = this.pick(COMPANIES) as [string, string, string];
      applicants.push(
        `<exch:applicant sequence="${sequence}" data-format="docdb"><exch:applicant-name><name>${docdb}</name></exch:applicant-name><residence><country>${country}</country></residence></exch:applicant>`,
        `<exch:applicant sequence="${sequence}" data-format="docdba"><exch:applicant-name><name>${docdba}</name></exch:applicant-name></exch:applicant>`,
      );
      if (this.int(4) === 0) {
        applicants.push(`<exch:applicant sequence="${sequence}" data-format="epodoc"><exch:applicant-name><name>${docdb} [${country}]</name></exch:applicant-name></exch:applicant>`);
      }
    }
    const inventors: string[] = [];
    for (let sequence = 1, count = 1 + this.int(6); sequence <= count; sequence += 1) {
      const family = this.pick(FAMILY_NAMES).replace("'", '&apos;');
      const given = this.pick(GIVEN_NAMES);
      const country = this.pick(OFFICES);
      inventors.push(
        `<exch:inventor sequence="${sequence}" data-format="docdb"><exch:inventor-name><name>${family} ${given}</name></exch:inventor-name><residence><country>${country}</country></residence></exch:inventor>`,
        `<exch:inventor sequence="${sequence}" data-format="docdba"><exch:inventor-name><name>${family}, ${given.toLowerCase()}</name></exch:inventor-name></exch:inventor>`,
      );
    }
    return `<exch:parties><exch:applicants>${applicants.join('')}</exch:applicants><exch:inventors>${inventors.join('')}</exch:inventors></exch:parties>`;
  }

  private titles(): string {
    const words = Array.from({ length: 4 + this.int(8) }, () => this.pick(TITLE_WORDS)).join(' ');
    const titles = [`<exch:invention-title lang="en" data-format="docdba">${words.charAt(0).toUpperCase()}${words.slice(1)}</exch:invention-title>`];
    if (this.int(2) === 0) titles.push(`<exch:invention-title lang="de" data-format="docdba">${this.pick(TITLES_DE)}</exch:invention-title>`);
    if (this.int(3) === 0) titles.push(`<exch:invention-title lang="fr" data-format="docdba">${this.pick(TITLES_FR)}</exch:invention-title>`);
    return titles.join('');
  }

  private priorities(): string {
    const claims: string[] = [];
    for (let sequence = 1, count = 1 + this.int(3); sequence <= count; sequence += 1) {
      const country = this.pick(OFFICES);
      const date = this.date(1960);
      const number = `${String.fromCharCode(65 + this.int(26))}${String(this.int(10_000_000)).padStart(7, '0')}`;
      claims.push(
        `<exch:priority-claim sequence="${sequence}" data-format="docdb">${this.docdbId(country, number, 'A', date)}<exch:priority-active-indicator>Y</exch:priority-active-indicator></exch:priority-claim>`,
        `<exch:priority-claim sequence="${sequence}" data-format="epodoc"><document-id><doc-number>${country}${date.slice(0, 4)}${number}</doc-number></document-id></exch:priority-claim>`,
      );
      if (this.int(2) === 0) claims.push(`<exch:priority-claim sequence="${sequence}" data-format="original"><document-id><doc-number>${number.slice(1)}</doc-number></document-id></exch:priority-claim>`);
    }
    return `<exch:priority-claims>${claims.join('')}</exch:priority-claims>`;
  }

  private citations(): string {
    const count = this.int(4) === 0 ? 0 : 1 + this.int(12);
    if (count === 0) return '';
    const citations: string[] = [];
    for (let sequence = 1; sequence <= count; sequence += 1) {
      if (this.int(3) === 0) {
        const author = this.pick(FAMILY_NAMES);
        citations.push(
          `<exch:citation cited-phase="ISR" cited-date="${this.date(2000)}" srep-office="EP" sequence="${sequence}"><nplcit num="${sequence}" npl-type="s">` +
            `<text>${author} ET AL: "Repurposing Butenafine as An Oral Nanomedicine", PHARMACEUTICS, vol. ${this.int(40)}, no. 7, pages ${this.int(900)}, ISSN: 1999-4923</text>` +
            `<article><author><name>${author} ET AL</name></author><atl>Repurposing Butenafine as An Oral Nanomedicine</atl><serial><sertitle>PHARMACEUTICS</sertitle>` +
            `<pubdate><sdate>${this.date(1990)}</sdate></pubdate><vid>11</vid><ino>7</ino><doi>10.3390/pharmaceutics${this.int(99_999_999)}</doi></serial>` +
            `<location><pp><ppf>${this.int(900)}</ppf></pp></location></article></nplcit><category>X</category><rel-claims>1-15</rel-claims></exch:citation>`,
        );
      } else {
        const country = this.pick(OFFICES);
        const number = String(this.int(10_000_000));
        const [applicant] = this.pick(COMPANIES) as [string];
        citations.push(
          `<exch:citation cited-phase="SEA" sequence="${sequence}"><patcit num="${sequence}" dnum="${country}${number}A" dnum-type="publication number">` +
            `<document-id doc-id="${this.int(999_999_999)}"><country>${country}</country><doc-number>${number}</doc-number><kind>A</kind><name>${applicant}</name>` +
            `<date>${this.date(1950)}</date></document-id></patcit></exch:citation>`,
        );
      }
    }
    return `<exch:references-cited>${citations.join('')}</exch:references-cited>`;
  }

  private abstracts(): string {
    const count = this.int(3);
    const parts: string[] = [];
    if (count >= 1) parts.push(`<exch:abstract lang="en" data-format="docdba" abstract-source="national office"><exch:p>${ABSTRACT.slice(0, 200 + this.int(ABSTRACT.length - 200))}</exch:p></exch:abstract>`);
    if (count >= 2) parts.push(`<exch:abstract lang="fr" data-format="docdba" abstract-source="national office"><exch:p>${ABSTRACT_FR}</exch:p></exch:abstract>`);
    return parts.join('');
  }

  record(index: number): string {
    const country = this.pick(OFFICES);
    const number = String(1_000_000 + ((index * 7919) % 90_000_000));
    const kind = this.pick(KINDS);
    const published = this.date(1968);
    const filed = this.date(1960);
    const applicationNumber = `${String.fromCharCode(65 + this.int(26))}${String(this.int(10_000_000)).padStart(7, '0')}`;
    return (
      `    <exch:exchange-document country="${country}" doc-number="${number}" kind="${kind}" doc-id="${100_000_000 + index}" date-publ="${published}" ` +
      `family-id="${1_000_000 + this.int(90_000_000)}" is-representative="YES" date-of-last-exchange="20240218" date-added-docdb="20000406" originating-office="EP">` +
      '<exch:bibliographic-data>' +
      `<exch:publication-reference data-format="docdb">${this.docdbId(country, number, kind, published)}</exch:publication-reference>` +
      `<exch:publication-reference data-format="epodoc"><document-id><doc-number>${country}${number}</doc-number></document-id></exch:publication-reference>` +
      this.classifications() +
      `<exch:application-reference is-representative="NO" doc-id="${this.int(99_999_999)}" data-format="docdb">${this.docdbId(country, applicationNumber, 'A', filed)}</exch:application-reference>` +
      `<exch:application-reference data-format="epodoc"><document-id><doc-number>${country}${filed.slice(0, 4)}${applicationNumber}</doc-number></document-id></exch:application-reference>` +
      `<exch:application-reference data-format="original"><document-id><doc-number>${applicationNumber.slice(1)}</doc-number></document-id></exch:application-reference>` +
      this.priorities() +
      this.parties() +
      this.titles() +
      `<exch:dates-of-public-availability><exch:examined-printed-without-grant><document-id><date>${published}</date></document-id></exch:examined-printed-without-grant></exch:dates-of-public-availability>` +
      this.citations() +
      '</exch:bibliographic-data>' +
      this.abstracts() +
      '</exch:exchange-document>\n'
    );
  }
}

// Records are written in batches of about this many bytes.
const BATCH_BYTES = 1024 * 1024;

/** The text of a DOCDB bulk file of `records` records, for tests (the benchmark writes files). */
export function generateDocdbText(records: number): string {
  const writer = new RecordWriter();
  const parts = [HEADER];
  for (let index = 0; index < records; index += 1) parts.push(writer.record(index));
  parts.push(FOOTER);
  return parts.join('');
}

/** Writes a DOCDB bulk file of at least `targetBytes` (it ends after the record that reaches it). */
export function generateDocdbFile(path: string, targetBytes: number): GeneratedDocdb {
  const writer = new RecordWriter();
  const file = openSync(path, 'w');
  let bytes = 0;
  let records = 0;
  const write = (text: string): void => {
    const buffer = Buffer.from(text, 'utf8');
    writeSync(file, buffer);
    bytes += buffer.length;
  };
  try {
    write(HEADER);
    while (bytes < targetBytes) {
      const batch: string[] = [];
      let batchLength = 0;
      while (batchLength < BATCH_BYTES && bytes + batchLength < targetBytes) {
        const record = writer.record(records);
        batch.push(record);
        batchLength += record.length;
        records += 1;
      }
      write(batch.join(''));
    }
    write(FOOTER);
  } finally {
    closeSync(file);
  }
  return { bytes, records };
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const [path, megabytes = '500'] = process.argv.slice(2);
  if (!path) throw new Error('usage: docdb-generator.ts <file> [megabytes]');
  const written = generateDocdbFile(path, Number(megabytes) * 1_000_000);
  console.log(`wrote ${path}: ${written.bytes} bytes, ${written.records} records`);
}
