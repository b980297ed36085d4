import type { Db } from '../../platform/db.ts';
import {
  affiliations,
  agreementAssets,
  agreementParties,
  agreements,
  applicationEvents,
  applications,
  assets,
  deadlineTasks,
  docketUserSettings,
  familySyncs,
  founders,
  importRuns,
  inventions,
  inventors,
  organisations,
  ownershipShares,
  patentPublications,
  people,
  priorityClaims,
  prosecutionEvents,
  publicationLinks,
  publications,
  sessions,
  startups,
  users,
} from '../../platform/schema.ts';

/** A fixed id, so ids sort the way a test wants (a child before its parent, for instance). */
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const fixtureIds = { institution: id(0xf0), school: id(0xe0), unit: id(1), company: id(2), carnot: id(3) };

/**
 * A small dataset with rows in every table (sessions included, which backups leave out): organisations
 * pointing to parents and a mandataire whose ids sort after theirs, nulls, numerics with decimals,
 * booleans, dates, timestamps with milliseconds, and text that JSON must escape.
 */
export async function fillEveryTable(db: Db): Promise<void> {
  const at = '2026-03-02T09:00:00.123Z';
  const { institution, school, unit, company, carnot } = fixtureIds;
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values([
      { id: unit, kind: 'research_unit', name: 'Laboratoire « Matériaux » ]}', shortName: null, parentId: school, companyCategory: null, mandataireId: institution, siren: null, rnsr: '200012345A', ror: null, country: 'FR', city: 'Paris', createdAt: at, updatedAt: '2026-03-03T10:11:12.999Z' },
      { id: company, kind: 'company', name: 'Acme "quoted" \\ back\nslash', shortName: 'ACME', parentId: null, companyCategory: 'pme', mandataireId: null, siren: '552100554', rnsr: null, ror: null, country: 'DE', city: null, createdAt: '2025-12-31T23:30:00.5+01:00', updatedAt: at },
      { id: carnot, kind: 'carnot', name: 'Carnot', shortName: null, parentId: null, companyCategory: null, mandataireId: null, siren: null, rnsr: null, ror: null, country: null, city: null, createdAt: at, updatedAt: at },
      { id: school, kind: 'school', name: 'École', shortName: 'EC', parentId: institution, companyCategory: null, mandataireId: null, siren: null, rnsr: null, ror: 'https://ror.org/0abc', country: 'FR', city: 'Lyon', createdAt: at, updatedAt: at },
      { id: institution, kind: 'institution', name: 'Institut', shortName: null, parentId: null, companyCategory: null, mandataireId: null, siren: null, rnsr: null, ror: null, country: 'FR', city: null, createdAt: at, updatedAt: at },
    ]);
    await tx.insert(people).values([
      { id: id(0x10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', employmentStatus: 'public_employee', orcid: '0000-0002-1825-0097', createdAt: at, updatedAt: at },
      { id: id(0x11), firstName: 'Émile', lastName: 'Zola 🙂', email: null, employmentStatus: 'external', orcid: null, createdAt: at, updatedAt: at },
    ]);
    await tx.insert(affiliations).values([
      { id: id(0x20), personId: id(0x10), organisationId: unit, title: 'Professor', startDate: '2020-01-01', endDate: null },
      { id: id(0x21), personId: id(0x11), organisationId: company, title: null, startDate: '2024-02-29', endDate: '2025-12-31' },
    ]);
    await tx.insert(agreements).values([
      { id: id(0x30), reference: 'AGR-1', type: 'research_partnership', title: 'Partnership', status: 'signed', schoolId: school, signedOn: '2024-05-06', startsOn: '2024-06-01', endsOn: null, exclusive: true, field: 'batteries', territory: 'EU', amountEur: 1234567.89, createdAt: at, updatedAt: at },
      { id: id(0x31), reference: null, type: 'licence', title: 'Licence', status: 'draft', schoolId: null, signedOn: null, startsOn: null, endsOn: null, exclusive: false, field: null, territory: null, amountEur: 100, createdAt: at, updatedAt: at },
      { id: id(0x32), reference: 'AGR-3', type: 'nda', title: 'NDA', status: 'expired', schoolId: school, signedOn: null, startsOn: null, endsOn: null, exclusive: null, field: null, territory: null, amountEur: null, createdAt: at, updatedAt: at },
    ]);
    await tx.insert(agreementParties).values([
      { agreementId: id(0x30), organisationId: company, role: 'partner' },
      { agreementId: id(0x30), organisationId: institution, role: 'institution' },
      { agreementId: id(0x31), organisationId: company, role: 'licensee' },
    ]);
    await tx.insert(inventions).values([
      { id: id(0x40), reference: 'INV-2026-001', title: 'Solid electrolyte', summary: 'A summary\twith a tab', status: 'protect', schoolId: school, researchUnitId: unit, partnershipAgreementId: id(0x30), carnotId: carnot, funding: 'ANR', disclosedOn: '2026-01-15', decidedOn: '2026-02-01', createdAt: at, updatedAt: at },
      { id: id(0x41), reference: null, title: 'Draft idea', summary: '', status: 'draft', schoolId: school, researchUnitId: null, partnershipAgreementId: null, carnotId: null, funding: null, disclosedOn: null, decidedOn: null, createdAt: at, updatedAt: at },
    ]);
    await tx.insert(inventors).values([
      { inventionId: id(0x40), personId: id(0x10), contribution: 66.67, rank: 1 },
      { inventionId: id(0x40), personId: id(0x11), contribution: 33.33, rank: 2 },
    ]);
    await tx.insert(assets).values([
      { id: id(0x50), kind: 'patent_family', reference: 'PAT-1', title: 'Electrolyte family', status: 'active', schoolId: school, inventionId: id(0x40), familyId: 'FAM-9', depositReference: null, depositDate: null, ownershipAgreementId: id(0x30), createdAt: at, updatedAt: at },
      { id: id(0x51), kind: 'software', reference: null, title: 'Solver', status: 'pending', schoolId: school, inventionId: null, familyId: null, depositReference: 'IDDN.FR.001', depositDate: '2025-07-14', ownershipAgreementId: null, createdAt: at, updatedAt: at },
    ]);
    await tx.insert(agreementAssets).values([{ agreementId: id(0x31), assetId: id(0x50) }]);
    await tx.insert(ownershipShares).values([
      { assetId: id(0x50), organisationId: institution, share: 87.5 },
      { assetId: id(0x50), organisationId: company, share: 12.5 },
    ]);
    await tx.insert(applications).values([
      { id: id(0x60), assetId: id(0x50), office: 'FR', applicationNumber: 'FR2600001', filingDate: '2026-02-10', route: 'national', status: 'granted', grantNumber: 'FR3100001', grantDate: '2027-01-05' },
      { id: id(0x61), assetId: id(0x50), office: 'WO', applicationNumber: 'PCT/FR2027/050001', filingDate: '2027-02-09', route: 'pct', status: 'filed', grantNumber: null, grantDate: null },
    ]);
    await tx.insert(priorityClaims).values([{ applicationId: id(0x61), rank: 1, country: 'FR', number: 'FR2600001', date: '2026-02-10' }]);
    await tx.insert(publications).values([
      { applicationId: id(0x60), number: 'FR3100001', kind: 'B1', date: '2027-01-05' },
      { applicationId: id(0x60), number: 'FR3100001', kind: 'A1', date: '2026-08-14' },
      { applicationId: id(0x60), number: 'fr3100001', kind: 'A1', date: '2026-08-14' },
    ]);
    await tx.insert(applicationEvents).values([
      { applicationId: id(0x60), seq: 2, status: 'granted', date: '2027-01-05', note: null },
      { applicationId: id(0x60), seq: 1, status: 'filed', date: '2026-02-10', note: 'filed by the TTO' },
    ]);
    await tx.insert(startups).values([
      { id: id(0x70), organisationId: company, stage: 'incubated', isSpinOff: true, schoolId: school, incubatorId: null, incubationStart: '2025-01-01', incubationEnd: null, foundedOn: null, description: '', createdAt: at, updatedAt: at },
    ]);
    await tx.insert(founders).values([{ startupId: id(0x70), personId: id(0x10), role: 'CEO' }]);
    await tx.insert(users).values([
      { id: id(0x80), email: 'admin@example.org', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', displayName: 'Admin', role: 'admin', schoolId: null, personId: null, organisationId: null, isDisabled: false, createdAt: at },
      { id: id(0x81), email: 'ada@example.org', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdB$aGFzaB', displayName: 'Ada', role: 'researcher', schoolId: school, personId: id(0x10), organisationId: null, isDisabled: true, createdAt: at },
    ]);
    await tx.insert(prosecutionEvents).values([
      { id: id(0x90), applicationId: id(0x60), type: 'search-report-notified', date: '2026-09-01', note: 'rapport « préliminaire »', recordedBy: id(0x80), createdAt: at },
      { id: id(0x91), applicationId: id(0x61), type: 'co-ownership-decision', date: '2027-03-01', note: null, recordedBy: null, createdAt: at },
    ]);
    await tx.insert(deadlineTasks).values([
      { id: id(0xa0), assetId: id(0x50), applicationId: id(0x60), taskKey: `${id(0x60)}:fr-annuity:2`, ruleId: 'fr-annuity@1995-04-13', kind: 'renewal', year: 2, basis: 'CPI L.612-19, R.613-46', triggerType: 'filing', triggerDate: '2026-02-10', windowOpens: '2026-02-28', due: '2027-02-28', graceEnd: '2027-08-31', dueUnextended: '2027-02-28', status: 'done', resolvedOn: '2027-02-01', resolvedAt: '2027-02-01T08:30:00.250Z', resolvedBy: id(0x80), reason: null, recomputedDue: '2027-03-01', assigneeId: id(0x80), computedAt: at, createdAt: at },
      { id: id(0xa1), assetId: id(0x50), applicationId: null, taskKey: `${id(0x50)}:coownership-information:2027-03-01`, ruleId: 'coownership-information@2020-01-16', kind: 'co-owner-information', year: null, basis: 'Code de la recherche L.533-1', triggerType: 'co-ownership-decision', triggerDate: '2027-03-01', windowOpens: null, due: '2027-05-01', graceEnd: null, dueUnextended: '2027-05-01', status: 'open', resolvedOn: null, resolvedAt: null, resolvedBy: null, reason: null, recomputedDue: null, assigneeId: null, computedAt: at, createdAt: at },
      { id: id(0xa2), assetId: id(0x50), applicationId: id(0x61), taskKey: `${id(0x61)}:us-maintenance-3.5:3.5`, ruleId: 'us-maintenance-3.5@1980-12-12', kind: 'maintenance-fee', year: 3.5, basis: '35 U.S.C. 41(b)', triggerType: 'grant-published', triggerDate: '2027-01-05', windowOpens: '2030-01-05', due: '2030-07-05', graceEnd: '2031-01-05', dueUnextended: '2030-07-05', status: 'waived', resolvedOn: '2027-02-02', resolvedAt: at, resolvedBy: null, reason: 'licensee pays, "directly"', recomputedDue: null, assigneeId: null, computedAt: at, createdAt: at },
    ]);
    await tx.insert(docketUserSettings).values([
      { userId: id(0x80), calendarTokenHash: 'c'.repeat(64), isDigestEnabled: false, locale: 'en', digestSentOn: '2026-03-01', updatedAt: at },
    ]);
    await tx.insert(importRuns).values([
      {
        id: id(0xb0),
        status: 'finished',
        startedAt: at,
        finishedAt: '2026-03-02T09:01:00.500Z',
        heartbeatAt: '2026-03-02T09:01:00.250Z',
        startedBy: id(0x80),
        files: ['bulk.zip!/DE-0074.xml', 'fr « 1 ».xml'],
        read: 3,
        inserted: 1,
        updated: 0,
        unchanged: 1,
        failed: 1,
        linked: 1,
        report: {
          errors: [{ file: 'bulk.zip!/DE-0074.xml', line: 3, column: 17, message: 'unexpected close tag "</knd>"' }],
          omittedErrors: 0,
          message: null,
          portfolio: { families: 1, statusChanges: 1, publicationsAdded: 1, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 },
        },
      },
      { id: id(0xb1), status: 'running', startedAt: at, finishedAt: null, startedBy: null, files: [], read: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, linked: 0, report: { errors: [], omittedErrors: 0, message: null, portfolio: { families: 0, statusChanges: 0, publicationsAdded: 0, eventsRecorded: 0, renewalsPaid: 0, lapsesNoted: 0 } } },
    ]);
    await tx.insert(patentPublications).values([
      {
        id: id(0xc0),
        country: 'FR',
        number: '3100001',
        kind: 'B1',
        publicationDate: '2027-01-05',
        applicationNumber: '2600001',
        applicationKey: 'FR:2600001',
        filingDate: '2026-02-10',
        familyId: null,
        titles: [{ lang: 'fr', text: 'Électrolyte « solide »' }],
        applicants: [{ sequence: 1, name: 'Institut', format: 'original', country: 'FR', identifier: '180092025' }],
        inventors: [{ sequence: 1, name: 'Lovelace, Ada', format: 'original', country: null, identifier: null }],
        owners: [],
        priorities: [],
        priorityKeys: [],
        classifications: [{ scheme: 'IPC', code: 'H01M 10/0562' }],
        legalEvents: [{ code: 'fr-date-granted', date: '2027-01-05', description: null, country: null, effectiveDate: null, text: 'BOPI 2027-01', feeYear: null }],
        proceduralSteps: [],
        applicantNames: 'INSTITUT',
        applicantKeys: ['INSTITUT', 'SIREN:180092025'],
        source: 'inpi',
        parts: [{ origin: 'fr « 1 ».xml', hash: 'a'.repeat(64) }],
        recordHash: 'a'.repeat(64),
        firstRunId: id(0xb0),
        lastRunId: id(0xb0),
        dismissedAt: null,
        dismissedBy: null,
        createdAt: at,
        updatedAt: at,
      },
      {
        id: id(0xc1),
        country: 'EP',
        number: '2400812',
        kind: '',
        publicationDate: null,
        applicationNumber: null,
        applicationKey: null,
        filingDate: null,
        familyId: '43088294',
        titles: [],
        applicants: [],
        inventors: [],
        owners: [],
        priorities: [{ country: 'EP', number: '10167109', date: '2010-06-24', format: 'docdb' }],
        priorityKeys: ['EP:10167109', 'quoted "key", {braces}'],
        classifications: [],
        legalEvents: [],
        proceduralSteps: [{ code: 'RFEE', description: 'Renewal fee payment', date: '2012-06-20', year: 3, dates: [{ type: 'DATE_OF_PAYMENT', date: '2012-06-20' }], timeLimit: null }],
        applicantNames: '',
        applicantKeys: [],
        source: 'ops',
        parts: [
          { origin: 'register/steps.xml', hash: 'c'.repeat(64) },
          { origin: 'register/steps.xml#2', hash: 'd'.repeat(64), record: { country: 'EP', number: '2400812', kind: '', publicationDate: null, applicationNumber: null, filingDate: null, familyId: '43088294', titles: [], applicants: [], inventors: [], owners: [], priorities: [], classifications: [], legalEvents: [], proceduralSteps: [] } },
        ],
        recordHash: 'b'.repeat(64),
        firstRunId: null,
        lastRunId: null,
        dismissedAt: '2026-03-02T10:00:00.000Z',
        dismissedBy: id(0x80),
        createdAt: at,
        updatedAt: at,
      },
    ]);
    await tx.insert(publicationLinks).values([
      {
        publicationId: id(0xc0),
        assetId: id(0x50),
        applicationId: id(0x60),
        matchedBy: 'application_number',
        isConfirmed: true,
        runId: id(0xb0),
        createdBy: null,
        createdAt: at,
        confirmedAt: null,
        confirmedBy: null,
        rejectedAt: null,
        rejectedBy: null,
      },
      // Linked by hand, then rejected.
      {
        publicationId: id(0xc1),
        assetId: id(0x50),
        applicationId: null,
        matchedBy: 'manual',
        isConfirmed: true,
        runId: null,
        createdBy: id(0x80),
        createdAt: at,
        confirmedAt: '2026-03-02T09:30:00.250Z',
        confirmedBy: id(0x80),
        rejectedAt: '2026-03-02T11:00:00.000Z',
        rejectedBy: id(0x80),
      },
    ]);
    await tx.insert(familySyncs).values([
      {
        assetId: id(0x50),
        status: 'ok',
        startedAt: at,
        finishedAt: at,
        lastSuccessAt: at,
        message: null,
        requests: [{ applicationId: id(0x60), operation: 'legal', reference: 'EP2400812', outcome: 'fetched', records: 1, message: null }],
        runId: id(0xb0),
        startedBy: id(0x80),
      },
    ]);
    await tx.insert(sessions).values([
      { tokenHash: 'f'.repeat(64), userId: id(0x80), csrfToken: 'csrf', createdAt: at, expiresAt: '2026-03-02T21:00:00.000Z' },
    ]);
  });
}
