import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import { formatOpsNumber, opsSearchTarget, opsTarget, parseOpsNumber } from './ops-endpoints.ts';

describe('patent numbers for OPS', () => {
  it.each([
    ['EP2400812', { country: 'EP', number: '2400812', kind: null }],
    ['EP2400812A1', { country: 'EP', number: '2400812', kind: 'A1' }],
    ['ep 2400812 b1', { country: 'EP', number: '2400812', kind: 'B1' }],
    ['EP.2400812.A1', { country: 'EP', number: '2400812', kind: 'A1' }],
    ['US9648662B2', { country: 'US', number: '9648662', kind: 'B2' }],
    ['WO2011012345A1', { country: 'WO', number: '2011012345', kind: 'A1' }],
    ['USRE45000E1', { country: 'US', number: 'RE45000', kind: 'E1' }],
    ['JP2005533465A', { country: 'JP', number: '2005533465', kind: 'A' }],
  ])('reads %s', (text, expected) => {
    expect(parseOpsNumber(text)).toEqual({ type: 'publication', ...expected });
  });

  it('drops the check digit of an EP application number', () => {
    expect(parseOpsNumber('EP10167109.1', 'application')).toEqual({ type: 'application', country: 'EP', number: '10167109', kind: null });
  });

  it.each(['2400812', 'EP', 'EP-2400812', 'US08/921,321', ''])('refuses %j, naming the field', (text) => {
    expect(() => parseOpsNumber(text)).toThrow(DomainError);
    expect(() => parseOpsNumber(text)).toThrow(/^number /);
  });

  it('writes docdb with dots and epodoc without the kind', () => {
    const number = parseOpsNumber('EP2400812A1');
    expect(formatOpsNumber(number, 'docdb')).toBe('EP.2400812.A1');
    expect(formatOpsNumber(number, 'epodoc')).toBe('EP2400812');
  });
});

describe('OPS request paths and throttled services', () => {
  const a1 = parseOpsNumber('EP2400812A1');

  it('asks published data, families and legal events in docdb when the kind is known', () => {
    expect(opsTarget('biblio', a1)).toEqual({ path: 'published-data/publication/docdb/EP.2400812.A1/biblio', service: 'retrieval', accept: 'application/exchange+xml' });
    expect(opsTarget('full-cycle', a1, 'epodoc').path).toBe('published-data/publication/epodoc/EP2400812/biblio/full-cycle');
    expect(opsTarget('family', a1)).toMatchObject({ path: 'family/publication/docdb/EP.2400812.A1/biblio', service: 'inpadoc' });
    expect(opsTarget('legal', a1)).toMatchObject({ path: 'legal/publication/docdb/EP.2400812.A1', service: 'inpadoc' });
  });

  it('asks the Register in epodoc, even when docdb is asked for', () => {
    expect(opsTarget('register-procedural-steps', a1, 'docdb')).toEqual({
      path: 'register/publication/epodoc/EP2400812/procedural-steps',
      service: 'other',
      accept: 'application/register+xml',
    });
  });

  it('puts the CQL query and the range in the search URL', () => {
    expect(opsSearchTarget('pa=IBM and pd=2020', { biblio: true, range: { begin: 26, end: 50 } })).toEqual({
      path: 'published-data/search/biblio?q=pa%3DIBM+and+pd%3D2020&Range=26-50',
      service: 'search',
      accept: 'application/ops+xml',
    });
    expect(() => opsSearchTarget(' ')).toThrow(/^query /);
    expect(() => opsSearchTarget('pa=IBM', { range: { begin: 1, end: 101 } })).toThrow(/^range /);
  });
});
