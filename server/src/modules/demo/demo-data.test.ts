import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AgreementInput } from '#core/agreement';
import { AssetInput } from '#core/asset';
import { InventionInput } from '#core/invention';
import { OrganisationInput } from '#core/organisation';
import { PersonInput } from '#core/person';
import { sumsToHundred } from '#core/shares';
import { StartupInput } from '#core/startup';
import { UserInput } from '#core/user';
import { SCHOOLS } from './demo-catalogue.ts';
import { DEFAULT_DEMO_SEED, DEMO_PASSWORD, generateDemo, type DemoData } from './demo-data.ts';
import { DEMO_AS_OF } from './demo-dates.ts';
import { frPublicationDate } from './demo-patents.ts';
import { TOPICS } from './demo-topics.ts';

const demo = generateDemo();
/** The invariants hold for any seed, not only the default one. */
const seeds = [DEFAULT_DEMO_SEED, 1, 77, 4242];
const demos: [number, DemoData][] = seeds.map((seed) => [seed, seed === DEFAULT_DEMO_SEED ? demo : generateDemo({ seed })]);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** The issues a schema finds in a value, as `path: message` lines (none when it passes). */
function issuesOf(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): string[] {
  return schema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

function hashOf(data: DemoData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

describe('generateDemo', () => {
  it('gives the same rows, ids included, every time for the same seed', () => {
    const again = generateDemo({ seed: DEFAULT_DEMO_SEED });
    expect(again).toEqual(demo);
    expect(hashOf(again)).toBe(hashOf(demo));
  });

  it('gives another institution for another seed', () => {
    expect(hashOf(generateDemo({ seed: 1 }))).not.toBe(hashOf(demo));
  });

  it('makes valid, unique version 4 UUIDs', () => {
    for (const [, data] of demos) {
      const ids = Object.values(data).flatMap((rows: { id?: string }[]) => rows.flatMap((row) => (row.id ? [row.id] : [])));
      for (const id of ids) expect(id).toMatch(UUID_V4);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has every count in its expected range', () => {
    for (const [, data] of demos) {
      const kinds = groupBy(data.organisations, (o) => o.kind);
      expect(kinds.get('institution')).toHaveLength(1);
      expect(kinds.get('school')).toHaveLength(8);
      expect(kinds.get('carnot')).toHaveLength(2);
      expect(kinds.get('research_unit')?.length).toBeGreaterThanOrEqual(16);
      expect(kinds.get('incubator')?.length).toBeGreaterThanOrEqual(7);
      expect(kinds.get('public_body')?.length).toBeGreaterThanOrEqual(3);
      const partners = (kinds.get('company') ?? []).filter((o) => !data.startups.some((s) => s.organisationId === o.id));
      expect(partners.length).toBeGreaterThanOrEqual(20);
      expect(new Set(partners.map((o) => o.companyCategory))).toEqual(new Set(['large', 'eti', 'pme', 'startup']));
      expect(data.people.length).toBeGreaterThanOrEqual(280);
      expect(data.people.length).toBeLessThanOrEqual(320);
      expect(data.inventions.length).toBeGreaterThanOrEqual(110);
      expect(data.inventions.length).toBeLessThanOrEqual(135);
      // ~150 patent families (the issue), with software deposits and know-how beside them.
      const families = data.assets.filter((a) => a.kind === 'patent_family').length;
      expect(families).toBeGreaterThanOrEqual(140);
      expect(families).toBeLessThanOrEqual(160);
      expect(data.assets.length).toBeLessThanOrEqual(220);
      expect(data.agreements.length).toBeGreaterThanOrEqual(50);
      expect(data.agreements.length).toBeLessThanOrEqual(80);
      expect(data.startups.length).toBe(100);
      expect(data.accounts).toHaveLength(6);
    }
  });

  it('names the eight schools of the institution with their cities', () => {
    const schools = demo.organisations.filter((o) => o.kind === 'school');
    expect(schools.map((s) => s.name).sort()).toEqual(SCHOOLS.map((s) => s.name).sort());
    const institution = demo.organisations.find((o) => o.kind === 'institution');
    expect(institution).toMatchObject({ name: 'Institut Mines-Télécom', siren: '180092025' });
    for (const school of schools) expect(school.parentId).toBe(institution?.id);
  });

  it('gives every research unit a school and a mandataire that is its school or the institution', () => {
    const institution = demo.organisations.find((o) => o.kind === 'institution');
    for (const unit of demo.organisations.filter((o) => o.kind === 'research_unit')) {
      expect(demo.organisations.find((o) => o.id === unit.parentId)?.kind).toBe('school');
      expect([unit.parentId, institution?.id]).toContain(unit.mandataireId);
    }
  });

  it('lists each organisation after the ones it points to, so inserting in order keeps foreign keys', () => {
    for (const [, data] of demos) {
      const seen = new Set<string>();
      for (const organisation of data.organisations) {
        for (const link of [organisation.parentId, organisation.mandataireId]) if (link) expect(seen.has(link)).toBe(true);
        seen.add(organisation.id);
      }
    }
  });

  it('gives people unique firstname.lastname e-mails at .demo domains and dated affiliations', () => {
    for (const [, data] of demos) {
      const emails = data.people.map((p) => p.email ?? '');
      expect(new Set(emails).size).toBe(emails.length);
      for (const email of emails) expect(email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+@[a-z0-9-]+\.demo$/);
      for (const affiliation of data.affiliations) {
        expect(affiliation.startDate).toMatch(ISO_DAY);
        if (affiliation.endDate) expect(affiliation.endDate >= affiliation.startDate).toBe(true);
      }
      const statuses = groupBy(data.people, (p) => p.employmentStatus);
      expect(statuses.get('public_employee')?.length).toBeGreaterThan(data.people.length / 2);
      for (const status of ['private_employee', 'student', 'external']) expect(statuses.get(status)?.length).toBeGreaterThan(0);
    }
  });

  it('splits each invention between 1 and 4 inventors whose contributions sum to exactly 100', () => {
    for (const [, data] of demos) {
      const byInvention = groupBy(data.inventors, (i) => i.inventionId);
      for (const invention of data.inventions) {
        const inventors = byInvention.get(invention.id) ?? [];
        expect(inventors.length).toBeGreaterThanOrEqual(1);
        expect(inventors.length).toBeLessThanOrEqual(4);
        expect(sumsToHundred(inventors.map((i) => i.contribution))).toBe(true);
        for (const inventor of inventors) expect(Math.abs(Math.round(inventor.contribution * 100) - inventor.contribution * 100)).toBeLessThan(1e-6);
        expect(inventors.map((i) => i.rank).sort()).toEqual(inventors.map((_, index) => index + 1));
        expect(new Set(inventors.map((i) => i.personId)).size).toBe(inventors.length);
      }
    }
  });

  it('numbers inventions INV-YYYY-NNNN by disclosure year, from 2015 to 2026, and dates decisions after disclosures', () => {
    for (const [, data] of demos) {
      const references = data.inventions.map((i) => i.reference ?? '');
      expect(new Set(references).size).toBe(references.length);
      for (const invention of data.inventions) {
        expect(invention.reference).toMatch(/^INV-20(1[5-9]|2[0-6])-\d{4}$/);
        expect(invention.reference?.slice(4, 8)).toBe(invention.createdAt.slice(0, 4));
        if (invention.disclosedOn && invention.decidedOn) expect(invention.decidedOn >= invention.disclosedOn).toBe(true);
        if (invention.status === 'draft') expect(invention.disclosedOn).toBeNull();
        if (['draft', 'submitted', 'under_assessment'].includes(invention.status)) expect(invention.decidedOn).toBeNull();
        expect(invention.createdAt <= invention.updatedAt).toBe(true);
      }
    }
  });

  it('gives each school no more inventions than it has research topics', () => {
    for (const school of SCHOOLS) expect(TOPICS[school.key].length).toBeGreaterThanOrEqual(school.inventions);
  });

  it('gives protected and transferred inventions assets, and abandons an invention only when none of its assets lives', () => {
    for (const [, data] of demos) {
      const assetsOf = groupBy(data.assets.filter((a) => a.inventionId), (a) => a.inventionId ?? '');
      for (const invention of data.inventions) {
        const assets = assetsOf.get(invention.id) ?? [];
        if (['protect', 'transferred', 'keep_know_how'].includes(invention.status)) expect(assets.length).toBeGreaterThan(0);
        if (invention.status === 'keep_know_how') expect(assets.some((a) => a.kind === 'know_how')).toBe(true);
        if (['draft', 'submitted', 'under_assessment', 'publish'].includes(invention.status)) expect(assets).toHaveLength(0);
        const dead = assets.length > 0 && assets.every((a) => a.status === 'lapsed' || a.status === 'abandoned');
        expect(invention.status === 'abandoned' || !dead).toBe(true);
        if (invention.status === 'abandoned') expect(assets.every((a) => a.status === 'lapsed' || a.status === 'abandoned')).toBe(true);
      }
    }
  });

  it('links some inventions to a partnership agreement and the Carnot of their school', () => {
    const partnered = demo.inventions.filter((i) => i.partnershipAgreementId);
    expect(partnered.length).toBeGreaterThan(10);
    for (const invention of partnered) {
      const agreement = demo.agreements.find((a) => a.id === invention.partnershipAgreementId);
      expect(agreement?.type).toBe('research_partnership');
      expect(agreement?.signedOn && invention.disclosedOn && agreement.signedOn <= invention.disclosedOn).toBe(true);
      expect(demo.organisations.find((o) => o.id === invention.carnotId)?.kind).toBe('carnot');
    }
  });

  it('makes the shares of every asset sum to exactly 100', () => {
    for (const [, data] of demos) {
      const sharesOf = groupBy(data.ownershipShares, (s) => s.assetId);
      for (const asset of data.assets) {
        const shares = sharesOf.get(asset.id) ?? [];
        expect(shares.length).toBeGreaterThan(0);
        expect(sumsToHundred(shares.map((s) => s.share))).toBe(true);
      }
    }
  });

  it('gives every co-owned asset a co-ownership agreement whose parties are exactly its co-owners', () => {
    for (const [, data] of demos) {
      const sharesOf = groupBy(data.ownershipShares, (s) => s.assetId);
      const partiesOf = groupBy(data.agreementParties, (p) => p.agreementId);
      const coOwned = data.assets.filter((asset) => (sharesOf.get(asset.id) ?? []).length > 1);
      expect(coOwned.length).toBeGreaterThan(13);
      for (const asset of coOwned) {
        const agreement = data.agreements.find((a) => a.id === asset.ownershipAgreementId);
        expect(agreement?.type).toBe('co_ownership');
        const parties = partiesOf.get(agreement?.id ?? '') ?? [];
        expect(new Set(parties.map((p) => p.organisationId))).toEqual(new Set((sharesOf.get(asset.id) ?? []).map((s) => s.organisationId)));
        expect(parties.every((p) => p.role === 'co_owner')).toBe(true);
        expect(data.agreementAssets).toContainEqual({ agreementId: agreement?.id, assetId: asset.id });
      }
      for (const asset of data.assets.filter((a) => (sharesOf.get(a.id) ?? []).length === 1)) expect(asset.ownershipAgreementId).toBeNull();
    }
  });

  it('publishes exactly 33 French applications in 2020, 13 of them co-owned with companies (press release)', () => {
    for (const [, data] of demos) {
      const companies = new Set(data.organisations.filter((o) => o.kind === 'company').map((o) => o.id));
      const publishedIn2020 = new Set(data.publications.filter((p) => p.kind === 'A1' && p.date.startsWith('2020-')).map((p) => p.applicationId));
      const french = data.applications.filter((a) => a.office === 'FR' && publishedIn2020.has(a.id));
      expect(french).toHaveLength(33);
      const withCompany = french.filter((a) => data.ownershipShares.some((s) => s.assetId === a.assetId && companies.has(s.organisationId)));
      expect(withCompany).toHaveLength(13);
      for (const application of withCompany) {
        const asset = data.assets.find((a) => a.id === application.assetId);
        expect(data.agreements.find((a) => a.id === asset?.ownershipAgreementId)?.type).toBe('co_ownership');
      }
    }
  });

  it('files every family first in France, then extends it within the priority year', () => {
    for (const [, data] of demos) {
      const families = groupBy(data.applications, (a) => a.assetId);
      for (const asset of data.assets) {
        const applications = families.get(asset.id) ?? [];
        if (asset.kind !== 'patent_family') {
          expect(applications).toHaveLength(0);
          continue;
        }
        const priority = applications.filter((a) => a.route === 'national');
        expect(priority).toHaveLength(1);
        const [fr] = priority;
        expect(fr?.office).toBe('FR');
        for (const member of applications.filter((a) => a !== fr)) {
          const claims = data.priorityClaims.filter((c) => c.applicationId === member.id);
          expect(claims).toEqual([{ applicationId: member.id, rank: 1, country: 'FR', number: fr?.applicationNumber, date: fr?.filingDate }]);
          expect(member.filingDate >= (fr?.filingDate ?? '')).toBe(true);
          if (member.route === 'pct' || member.route === 'ep_direct') expect(member.filingDate <= addYear(fr?.filingDate ?? '')).toBe(true);
        }
      }
    }
  });

  it('writes application and publication numbers in each office’s format, unique per office', () => {
    const formats: Record<string, RegExp> = { FR: /^FR\d{7}$/, WO: /^PCT\/FR20\d{2}\/05\d{4}$/, EP: /^EP\d{8}$/, US: /^1[5-9]\/\d{3},\d{3}$/ };
    const publicationFormats: Record<string, RegExp> = { FR: /^3\d{6}$/, WO: /^WO20\d{2}\/\d{6}$/, EP: /^[34]\d{6}$/, US: /^(20\d{2}\/0\d{6}|\d{8})$/ };
    const kinds: Record<string, string[]> = { FR: ['A1', 'B1'], WO: ['A1'], EP: ['A1', 'B1'], US: ['A1', 'B2'] };
    for (const [, data] of demos) {
      const numbers = data.applications.map((a) => `${a.office} ${a.applicationNumber}`);
      expect(new Set(numbers).size).toBe(numbers.length);
      const officeOf = new Map(data.applications.map((a) => [a.id, a.office]));
      for (const application of data.applications) {
        expect(application.applicationNumber).toMatch(formats[application.office] ?? /^$/);
        // FR, EP and PCT numbers carry the year of filing (Euro-PCT: of the international filing).
        if (application.office === 'WO') expect(application.applicationNumber.slice(6, 10)).toBe(application.filingDate.slice(0, 4));
        if (application.office === 'FR' || application.office === 'EP') expect(application.applicationNumber.slice(2, 4)).toBe(application.filingDate.slice(2, 4));
      }
      for (const publication of data.publications) {
        const office = officeOf.get(publication.applicationId) ?? '';
        expect(publication.number).toMatch(publicationFormats[office] ?? /^$/);
        expect(kinds[office]).toContain(publication.kind);
      }
      const published = data.publications.filter((p) => p.kind !== 'B1' && p.kind !== 'B2').map((p) => p.number);
      expect(new Set(published).size).toBe(published.length);
    }
  });

  it('publishes French applications on a Friday 18 months after priority', () => {
    for (const [, data] of demos) {
      for (const application of data.applications.filter((a) => a.office === 'FR')) {
        const a1 = data.publications.find((p) => p.applicationId === application.id && p.kind === 'A1');
        if (a1) expect(a1.date).toBe(frPublicationDate(application.filingDate));
        else expect(frPublicationDate(application.filingDate) > DEMO_AS_OF || application.status === 'withdrawn').toBe(true);
      }
    }
  });

  it('dates publications, grants and events on or after filing, priorities on or before it, and nothing after today', () => {
    for (const [, data] of demos) {
      const byId = new Map(data.applications.map((a) => [a.id, a]));
      for (const publication of data.publications) expect(publication.date >= (byId.get(publication.applicationId)?.filingDate ?? '')).toBe(true);
      for (const claim of data.priorityClaims) expect(claim.date <= (byId.get(claim.applicationId)?.filingDate ?? '')).toBe(true);
      for (const application of data.applications) {
        if (application.grantDate) expect(application.grantDate >= application.filingDate).toBe(true);
        expect((application.grantNumber === null) === (application.grantDate === null)).toBe(true);
      }
      const days = [
        ...data.publications.map((p) => p.date),
        ...data.applicationEvents.map((e) => e.date),
        ...data.applications.map((a) => a.filingDate),
        ...data.assets.flatMap((a) => (a.depositDate ? [a.depositDate] : [])),
        ...data.agreements.flatMap((a) => (a.signedOn ? [a.signedOn] : [])),
        ...data.inventions.flatMap((i) => [i.disclosedOn, i.decidedOn].filter((d): d is string => d !== null && d !== undefined)),
        ...data.startups.flatMap((s) => [s.incubationStart, s.incubationEnd, s.foundedOn].filter((d): d is string => d !== null && d !== undefined)),
        ...Object.values(data).flatMap((rows: { createdAt?: string; updatedAt?: string }[]) => rows.flatMap((r) => [r.createdAt, r.updatedAt].filter((d): d is string => d !== undefined))),
      ];
      for (const day of days) expect(day.slice(0, 10) <= DEMO_AS_OF).toBe(true);
    }
  });

  it('keeps each application’s status history in date order, ending with its status', () => {
    for (const [, data] of demos) {
      const eventsOf = groupBy(data.applicationEvents, (e) => e.applicationId);
      for (const application of data.applications) {
        const events = (eventsOf.get(application.id) ?? []).sort((a, b) => a.seq - b.seq);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, index) => index + 1));
        expect(events[0]?.status).toBe('filed');
        expect(events.at(-1)?.status).toBe(application.status);
        for (let i = 1; i < events.length; i++) expect((events[i]?.date ?? '') >= (events[i - 1]?.date ?? '')).toBe(true);
        for (const event of events) expect(event.date >= application.filingDate).toBe(true);
        expect(events.some((e) => e.status === 'granted')).toBe(application.grantDate !== null);
      }
    }
  });

  it('holds granted, lapsed and abandoned families, PCT, EP and US members, FR, EP and US grants', () => {
    const statuses = new Set(demo.assets.filter((a) => a.kind === 'patent_family').map((a) => a.status));
    for (const status of ['pending', 'granted', 'lapsed', 'abandoned']) expect(statuses).toContain(status);
    const routes = new Set(demo.applications.map((a) => a.route));
    for (const route of ['national', 'pct', 'ep_direct', 'euro_pct', 'pct_national_phase']) expect(routes).toContain(route);
    const officeOf = new Map(demo.applications.map((a) => [a.id, a.office]));
    const kinds = new Set(demo.publications.map((p) => `${officeOf.get(p.applicationId)} ${p.kind}`));
    for (const kind of ['FR A1', 'FR B1', 'EP A1', 'EP B1', 'WO A1', 'US A1', 'US B2']) expect(kinds).toContain(kind);
    for (const software of demo.assets.filter((a) => a.kind === 'software')) {
      expect(software.depositReference).toMatch(/^IDDN\.FR\.001\.\d{6}\.000\.S\.P\.20\d{2}\.000\.\d{5}$/);
      expect(software.depositDate).toMatch(ISO_DAY);
    }
  });

  it('has agreements of every type and status, each with parties', () => {
    const types = new Set(demo.agreements.map((a) => a.type));
    for (const type of ['research_partnership', 'licence', 'option', 'assignment', 'co_ownership', 'nda', 'mta', 'startup_patent_use']) expect(types).toContain(type);
    const statuses = new Set(demo.agreements.map((a) => a.status));
    for (const status of ['draft', 'negotiation', 'signed', 'expired', 'terminated']) expect(statuses).toContain(status);
    for (const [, data] of demos) {
      const references = data.agreements.map((a) => a.reference);
      expect(new Set(references).size).toBe(references.length);
      for (const agreement of data.agreements) {
        expect(agreement.reference).toMatch(/^AGR-20\d{2}-\d{4}$/);
        expect(data.agreementParties.filter((p) => p.agreementId === agreement.id).length).toBeGreaterThanOrEqual(2);
        if (agreement.startsOn && agreement.endsOn) expect(agreement.endsOn >= agreement.startsOn).toBe(true);
        expect(agreement.signedOn === null).toBe(agreement.status === 'draft' || agreement.status === 'negotiation');
        if (agreement.status === 'expired') expect((agreement.endsOn ?? '') < DEMO_AS_OF).toBe(true);
      }
    }
  });

  it('marks an invention transferred when a licence, assignment or startup agreement covers its assets', () => {
    for (const [, data] of demos) {
      for (const invention of data.inventions.filter((i) => i.status === 'transferred')) {
        const assetIds = data.assets.filter((a) => a.inventionId === invention.id).map((a) => a.id);
        const deals = data.agreementAssets.filter((link) => assetIds.includes(link.assetId)).map((link) => data.agreements.find((a) => a.id === link.agreementId)?.type);
        expect(deals.some((type) => type === 'licence' || type === 'assignment' || type === 'startup_patent_use')).toBe(true);
      }
    }
  });

  it('hosts ~100 startups at every stage, spin-offs founded by the institution’s researchers, some using its patents', () => {
    for (const [, data] of demos) {
      const organisationOf = new Map(data.organisations.map((o) => [o.id, o]));
      const statusOf = new Map(data.people.map((p) => [p.id, p.employmentStatus]));
      for (const startup of data.startups) {
        expect(organisationOf.get(startup.organisationId)).toMatchObject({ kind: 'company', companyCategory: 'startup' });
        expect(organisationOf.get(startup.incubatorId ?? '')?.kind).toBe('incubator');
        expect(startup.stage === 'incubated' || startup.stage === 'project').toBe(startup.incubationEnd === null);
        if (startup.incubationStart && startup.incubationEnd) expect(startup.incubationEnd >= startup.incubationStart).toBe(true);
        const founders = data.founders.filter((f) => f.startupId === startup.id);
        if (startup.isSpinOff) {
          expect(founders.length).toBeGreaterThan(0);
          for (const founder of founders) expect(statusOf.get(founder.personId)).not.toBe('external');
        }
      }
      const stages = new Set(data.startups.map((s) => s.stage));
      for (const stage of ['incubated', 'created', 'closed', 'acquired']) expect(stages).toContain(stage);
      const startupOrganisations = new Set(data.startups.map((s) => s.organisationId));
      const startupDeals = data.agreements.filter(
        (a) => (a.type === 'startup_patent_use' || a.type === 'licence') && data.agreementParties.some((p) => p.agreementId === a.id && startupOrganisations.has(p.organisationId)),
      );
      expect(startupDeals.length).toBeGreaterThanOrEqual(5);
      for (const deal of startupDeals) {
        const startup = data.startups.find((s) => data.agreementParties.some((p) => p.agreementId === deal.id && p.organisationId === s.organisationId));
        expect((startup?.foundedOn ?? '9999') <= (deal.signedOn ?? '')).toBe(true);
      }
    }
  });

  it('creates the six demo accounts with their links', () => {
    for (const [, data] of demos) {
      const byEmail = new Map(data.accounts.map((a) => [a.email, a]));
      expect([...byEmail.keys()].sort()).toEqual(
        ['admin@demo.valo', 'officer.atlantique@demo.valo', 'officer@demo.valo', 'partner@demo.valo', 'reader@demo.valo', 'researcher@demo.valo'],
      );
      const atlantique = data.organisations.find((o) => o.name === 'IMT Atlantique');
      expect(byEmail.get('officer@demo.valo')).toMatchObject({ role: 'officer', schoolId: null });
      expect(byEmail.get('officer.atlantique@demo.valo')).toMatchObject({ role: 'officer', schoolId: atlantique?.id });

      const researcher = byEmail.get('researcher@demo.valo');
      const units = new Set(data.organisations.filter((o) => o.parentId === atlantique?.id).map((o) => o.id));
      expect(data.affiliations.some((a) => a.personId === researcher?.personId && units.has(a.organisationId))).toBe(true);
      expect(data.inventors.filter((i) => i.personId === researcher?.personId).length).toBeGreaterThanOrEqual(3);

      const partner = byEmail.get('partner@demo.valo');
      expect(data.organisations.find((o) => o.id === partner?.organisationId)?.kind).toBe('company');
      expect(data.agreementParties.filter((p) => p.organisationId === partner?.organisationId).length).toBeGreaterThanOrEqual(2);
      expect(data.ownershipShares.some((s) => s.organisationId === partner?.organisationId)).toBe(true);
    }
  });

  it('passes the API’s own input schemas, as if every record had been typed in', () => {
    for (const [, data] of demos) {
      const problems: string[] = [];
      const check = (what: string, schema: Parameters<typeof issuesOf>[0], value: unknown) => problems.push(...issuesOf(schema, value).map((issue) => `${what} ${issue}`));
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.organisations) check(`organisation ${id}`, OrganisationInput, fields);
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.people) {
        const affiliations = data.affiliations.filter((a) => a.personId === id).map(({ id: _id, personId: _p, ...affiliation }) => affiliation);
        check(`person ${id}`, PersonInput, { ...fields, affiliations });
      }
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.inventions) {
        const inventors = data.inventors.filter((i) => i.inventionId === id).map((i) => ({ personId: i.personId, contribution: i.contribution }));
        check(`invention ${id}`, InventionInput, { ...fields, inventors });
      }
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.assets) {
        const owners = data.ownershipShares.filter((s) => s.assetId === id).map((s) => ({ organisationId: s.organisationId, share: s.share }));
        const applications = data.applications
          .filter((a) => a.assetId === id)
          .map(({ id: applicationId, assetId: _a, ...application }) => ({
            ...application,
            priorities: data.priorityClaims.filter((c) => c.applicationId === applicationId).map((c) => ({ country: c.country, number: c.number, date: c.date })),
            publications: data.publications.filter((p) => p.applicationId === applicationId).map((p) => ({ number: p.number, kind: p.kind, date: p.date })),
          }));
        check(`asset ${id}`, AssetInput, { ...fields, owners, applications });
      }
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.agreements) {
        const parties = data.agreementParties.filter((p) => p.agreementId === id).map((p) => ({ organisationId: p.organisationId, role: p.role }));
        const assetIds = data.agreementAssets.filter((a) => a.agreementId === id).map((a) => a.assetId);
        check(`agreement ${id}`, AgreementInput, { ...fields, parties, assetIds });
      }
      for (const { id, createdAt: _c, updatedAt: _u, ...fields } of data.startups) {
        const founders = data.founders.filter((f) => f.startupId === id).map((f) => ({ personId: f.personId, role: f.role }));
        check(`startup ${id}`, StartupInput, { ...fields, founders });
      }
      for (const account of data.accounts) {
        const { email, displayName, role, schoolId, personId, organisationId } = account;
        check(`account ${email}`, UserInput, { email, displayName, role, schoolId, personId, organisationId, password: DEMO_PASSWORD });
      }
      expect(problems).toEqual([]);
    }
  });

  it('derives timestamps from the records’ dates, never from a clock', () => {
    for (const rows of Object.values(demo) as { createdAt?: string; updatedAt?: string }[][]) {
      for (const row of rows.filter((r) => r.createdAt !== undefined)) {
        expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T08:00:00\.000Z$/);
        if (row.updatedAt) expect(row.updatedAt >= (row.createdAt ?? '')).toBe(true);
      }
    }
  });
});

function addYear(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}
