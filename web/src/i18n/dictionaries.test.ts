import { describe, expect, it } from 'vitest';
import * as enums from '../api/enums.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

const prefixes: Record<string, readonly string[]> = {
  organisationKind: enums.organisationKinds,
  companyCategory: enums.companyCategories,
  employmentStatus: enums.employmentStatuses,
  inventionStatus: enums.inventionStatuses,
  assetKind: enums.assetKinds,
  assetStatus: enums.assetStatuses,
  applicationStatus: enums.applicationStatuses,
  filingRoute: enums.filingRoutes,
  agreementType: enums.agreementTypes,
  agreementStatus: enums.agreementStatuses,
  partyRole: enums.partyRoles,
  startupStage: enums.startupStages,
  role: enums.roles,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the dictionaries', () => {
  it('have exactly the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('leave no message empty', () => {
    for (const dictionary of [fr, en]) {
      expect(Object.entries(dictionary).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(fr).filter((key) => {
      const typed = key as keyof typeof fr;
      return placeholders(fr[typed]).join() !== placeholders(en[typed]).join();
    });
    expect(differing).toEqual([]);
  });

  it('label every value of every API enumeration', () => {
    const missing = Object.entries(prefixes).flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !(key in fr) || !(key in en)),
    );
    expect(missing).toEqual([]);
  });
});
