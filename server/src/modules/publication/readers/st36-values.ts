import type { PublicationRecord } from '#core/publication';
import { classificationSymbols, countryCode, isoDate } from './record-values.ts';
import { childAt, childrenOf, textAt, type XmlElement } from './xml-element.ts';

/*
 * Values written the WIPO ST.36 way, shared by the INPI and USPTO grant formats: `document-id`
 * references, `addressbook` parties, `priority-claims`, and classification symbols split into fields.
 */

type PriorityClaim = PublicationRecord['priorities'][number];

export interface DocumentReference {
  country: string | null;
  number: string | null;
  kind: string | null;
  date: string | null;
}

/** The `document-id` inside a reference element (publication-reference, application-reference…). */
export function documentReference(reference: XmlElement | undefined): DocumentReference {
  const id = childAt(reference, 'document-id');
  return {
    country: countryCode(textAt(id, 'country')),
    number: textAt(id, 'doc-number'),
    kind: textAt(id, 'kind'),
    date: isoDate(textAt(id, 'date')),
  };
}

/**
 * A party's name from its `addressbook`: the organisation, else "Last name, First names" for a
 * person. INPI writes a legal entity's name in `last-name` with no first name, so it comes out whole.
 */
export function addressbookName(book: XmlElement | undefined): string | null {
  const organisation = textAt(book, 'orgname');
  if (organisation) return organisation;
  const last = textAt(book, 'last-name');
  const first = [textAt(book, 'first-name'), textAt(book, 'middle-name')].filter((part) => part !== null).join(' ');
  if (!last) return first === '' ? null : first;
  return first === '' ? last : `${last}, ${first}`;
}

/** The country of a party: its address, else its residence. */
export function partyCountry(party: XmlElement | undefined): string | null {
  const book = childAt(party, 'addressbook') ?? party;
  return countryCode(textAt(book, 'address', 'country')) ?? countryCode(textAt(party, 'residence', 'country'));
}

/** `priority-claims/priority-claim` entries, as filed (`original` numbering). */
export function priorityClaims(group: XmlElement | undefined): PriorityClaim[] {
  return childrenOf(group, 'priority-claim').flatMap((claim) => {
    const number = textAt(claim, 'doc-number');
    if (!number) return [];
    return [{ country: countryCode(textAt(claim, 'country')), number, date: isoDate(textAt(claim, 'date')), format: 'original' as const }];
  });
}

/**
 * A classification written in fields (`section` A, `class` 61, `subclass` B, `main-group` 5,
 * `subgroup` 145) as one symbol, `A61B 5/145`; null when a field is missing.
 */
export function fieldSymbol(classification: XmlElement): string | null {
  const fields = ['section', 'class', 'subclass', 'main-group', 'subgroup'].map((name) => textAt(classification, name) ?? '');
  const [section, group, subclass, main, sub] = fields;
  return classificationSymbols(`${section}${group}${subclass} ${main}/${sub}`)[0] ?? null;
}
