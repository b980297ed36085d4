import { DEMO_AS_OF, addDays, addMonths, maxDay, minDay, randomDay, stamp, yearOf, type IsoDay } from './demo-dates.ts';
import type { DealPlan, TransferPlan } from './demo-deals.ts';
import { assetIdsOf, type PlannedInvention } from './demo-inventions.ts';
import { RECORDS_SINCE, type DemoDirectory, type DemoSchool } from './demo-organisations.ts';
import type { Random } from './demo-random.ts';
import type { AgreementAssetRow, AgreementPartyRow, AgreementRow } from './demo-rows.ts';
import type { SpinOff } from './demo-startups.ts';

type Role = AgreementPartyRow['role'];

export interface DemoAgreements {
  agreements: AgreementRow[];
  parties: AgreementPartyRow[];
  assets: AgreementAssetRow[];
}

interface AgreementInput {
  id?: string;
  type: AgreementRow['type'];
  title: string;
  school: DemoSchool;
  /** Unsigned agreements are still a draft or in negotiation. */
  signedOn: IsoDay | null;
  unsignedStatus?: 'draft' | 'negotiation';
  createdOn?: IsoDay;
  startsOn?: IsoDay | null;
  endsOn?: IsoDay | null;
  exclusive?: boolean | null;
  field?: string | null;
  territory?: string | null;
  amountEur?: number | null;
  isTerminated?: boolean;
  parties: readonly (readonly [string, Role])[];
  assetIds?: readonly string[];
}

/** Every agreement of the demo: partnerships, co-ownership, transfers, options, NDAs and MTAs. */
export function buildAgreements(random: Random, input: { directory: DemoDirectory; plan: DealPlan; spinOffOf: Map<string, SpinOff> }): DemoAgreements {
  const { directory, plan } = input;
  const out: DemoAgreements = { agreements: [], parties: [], assets: [] };
  const imt = directory.institutionId;

  const add = (a: AgreementInput): void => {
    const id = a.id ?? random.uuid();
    const createdOn = a.createdOn ?? (a.signedOn ? addDays(a.signedOn, -random.int(20, 120)) : DEMO_AS_OF);
    const startsOn = a.startsOn === undefined ? a.signedOn : a.startsOn;
    const endsOn = a.endsOn ?? null;
    const hasEnded = endsOn !== null && endsOn < DEMO_AS_OF;
    const status: AgreementRow['status'] = a.signedOn === null ? (a.unsignedStatus ?? 'draft') : a.isTerminated ? 'terminated' : hasEnded ? 'expired' : 'signed';
    const updatedOn = maxDay(createdOn, a.signedOn ?? createdOn, hasEnded && endsOn ? endsOn : createdOn);
    out.agreements.push({
      id,
      reference: null,
      type: a.type,
      title: a.title,
      status,
      schoolId: a.school.id,
      signedOn: a.signedOn,
      startsOn,
      endsOn,
      exclusive: a.exclusive ?? null,
      field: a.field ?? null,
      territory: a.territory ?? null,
      amountEur: a.amountEur ?? null,
      createdAt: stamp(createdOn),
      updatedAt: stamp(updatedOn),
    });
    for (const [organisationId, role] of a.parties) out.parties.push({ agreementId: id, organisationId, role });
    for (const assetId of a.assetIds ?? []) out.assets.push({ agreementId: id, assetId });
  };
  const firstDisclosure = (inventions: readonly PlannedInvention[]) => inventions.map((i) => i.disclosedOn ?? i.createdOn).reduce((a, b) => (a < b ? a : b));
  const lastDisclosure = (inventions: readonly PlannedInvention[]) => inventions.map((i) => i.disclosedOn ?? i.createdOn).reduce((a, b) => (a > b ? a : b));
  const signedPartnership = new Map<string, IsoDay>();

  for (const partnership of plan.partnerships) {
    const signedOn = addDays(firstDisclosure(partnership.inventions), -random.int(120, 540));
    signedPartnership.set(partnership.agreementId, signedOn);
    const startsOn = addDays(signedOn, random.int(0, 30));
    add({
      id: partnership.agreementId,
      type: 'research_partnership',
      title: `Contrat de recherche partenariale ${partnership.company.entry.shortName} – ${partnership.school.entry.shortName}`,
      school: partnership.school,
      signedOn,
      startsOn,
      endsOn: maxDay(addMonths(startsOn, random.int(24, 48)), addDays(lastDisclosure(partnership.inventions), random.int(60, 300))),
      amountEur: random.int(60, 900) * 1_000,
      parties: [
        [imt, 'institution'],
        [partnership.company.id, 'partner'],
        ...(partnership.withArmines ? [[directory.arminesId, 'institution'] as const] : []),
        ...(partnership.funder ? [[directory.publicBodies[partnership.funder], 'funder'] as const] : []),
      ],
    });
  }

  for (const group of plan.coOwnerships) {
    const assetIds = group.inventions.flatMap((invention) => invention.families.map((family) => family.assetId));
    const owners: [string, Role][] = [[imt, 'co_owner']];
    if (group.company) owners.push([group.company.id, 'co_owner']);
    if (group.withArmines) owners.push([directory.arminesId, 'co_owner']);
    if (!group.company) {
      // The school's framework agreement with ARMINES covers every result they share.
      add({ id: group.agreementId, type: 'co_ownership', title: `Accord-cadre de copropriété IMT – ARMINES (${group.school.entry.shortName})`, school: group.school, signedOn: '2014-12-15', startsOn: '2015-01-01', createdOn: RECORDS_SINCE, parties: owners, assetIds });
      continue;
    }
    const firstPriority = group.inventions.flatMap((i) => i.families.map((f) => f.priorityDate)).reduce((a, b) => (a < b ? a : b));
    const partnershipSigned = group.partnership ? signedPartnership.get(group.partnership.agreementId) : undefined;
    const signedOn = maxDay(addDays(firstPriority, -random.int(1, 25)), addDays(partnershipSigned ?? RECORDS_SINCE, 1));
    const count = assetIds.length;
    add({
      id: group.agreementId,
      type: 'co_ownership',
      title: `Accord de copropriété ${group.company.entry.shortName} – IMT (${count} famille${count > 1 ? 's' : ''} de brevets)`,
      school: group.school,
      signedOn,
      parties: owners,
      assetIds,
    });
  }

  for (const transfer of plan.transfers) add(transferAgreement(random, transfer, imt, input.spinOffOf));

  for (const option of plan.options) {
    add({
      id: option.agreementId,
      type: 'option',
      title: `Option de licence ${option.company.entry.shortName} – ${option.invention.topic[0]}`,
      school: option.invention.school,
      signedOn: option.signedOn,
      endsOn: addMonths(option.signedOn, 12),
      exclusive: true,
      field: option.company.entry.sector,
      territory: 'Monde',
      amountEur: random.int(5, 30) * 1_000,
      parties: [[imt, 'licensor'], [option.company.id, 'licensee']],
      assetIds: option.invention.families.map((family) => family.assetId),
    });
  }

  addOtherAgreements(random, directory, add);
  return out;
}

function transferAgreement(random: Random, transfer: TransferPlan, imt: string, spinOffOf: Map<string, SpinOff>): AgreementInput {
  const { invention, signedOn } = transfer;
  const spinOff = spinOffOf.get(invention.id);
  const licenseeId = transfer.company?.id ?? spinOff?.organisationId;
  if (!licenseeId) throw new Error(`no licensee for invention ${invention.id}`);
  const name = transfer.company?.entry.shortName ?? spinOff?.name ?? '';
  // A spin-off takes the whole result, in every field; a company the field of its business.
  const field = transfer.company?.entry.sector ?? 'Tous domaines';
  const priority = invention.families[0]?.priorityDate ?? signedOn;
  const common = { id: transfer.agreementId, school: invention.school, signedOn, assetIds: assetIdsOf(invention) };
  switch (transfer.type) {
    case 'licence':
      return {
        ...common,
        type: 'licence',
        title: `Licence ${transfer.exclusive ? 'exclusive' : 'non exclusive'} ${name} – ${invention.topic[0]}`,
        // Until the patents expire, 20 years from the priority filing.
        endsOn: addMonths(priority, 240),
        exclusive: transfer.exclusive,
        field,
        territory: transfer.company ? random.pick(['Monde', 'Europe', 'France', 'Europe et États-Unis']) : 'Monde',
        amountEur: (transfer.company ? random.int(10, 150) : random.int(0, 15)) * 1_000,
        parties: [[imt, 'licensor'], [licenseeId, 'licensee']],
      };
    case 'startup_patent_use':
      return {
        ...common,
        type: 'startup_patent_use',
        title: `Convention d’exploitation de brevets par ${name} (start-up incubée) – ${invention.topic[0]}`,
        endsOn: addMonths(signedOn, 12 * random.int(5, 8)),
        exclusive: true,
        field,
        territory: 'Monde',
        amountEur: random.int(0, 5) * 1_000,
        parties: [[imt, 'licensor'], [licenseeId, 'licensee']],
      };
    case 'assignment':
      return {
        ...common,
        type: 'assignment',
        title: `Cession des droits à ${name} – ${invention.topic[0]}`,
        endsOn: null,
        amountEur: random.int(30, 400) * 1_000,
        parties: [[imt, 'institution'], [licenseeId, 'partner']],
      };
  }
}

/** Confidentiality and material transfer agreements, and partnerships still being negotiated. */
function addOtherAgreements(random: Random, directory: DemoDirectory, add: (a: AgreementInput) => void): void {
  const imt = directory.institutionId;
  const established = directory.companies.filter((company) => company.entry.category !== 'startup');
  for (let i = 0; i < 4; i++) {
    const company = random.pick(established);
    const school = random.pick(directory.schools);
    const signedOn = randomDay(random, '2016-01-04', '2025-12-15');
    add({ type: 'nda', title: `Accord de confidentialité ${company.entry.shortName} – ${school.entry.shortName}`, school, signedOn, endsOn: addMonths(signedOn, 12 * random.int(3, 5)), isTerminated: i === 3, parties: [[imt, 'institution'], [company.id, 'partner']] });
  }
  const materials = [
    ['atlantique', 'souches de microalgues'],
    ['ales', 'échantillons de polymères biosourcés'],
    ['mse', 'poudres métalliques expérimentales'],
  ] as const;
  for (const [key, material] of materials) {
    const school = directory.schools.find((s) => s.entry.key === key) ?? (directory.schools[0] as DemoSchool);
    const company = random.pick(established);
    const signedOn = randomDay(random, '2017-01-02', '2025-10-31');
    add({ type: 'mta', title: `Accord de transfert de matériel (${material}) – ${company.entry.shortName}`, school, signedOn, endsOn: addMonths(signedOn, 24), parties: [[imt, 'institution'], [company.id, 'partner']] });
  }
  const [first, second, third] = random.shuffle(established);
  const school = random.pick(directory.schools);
  if (first && second && third) {
    const signedOn = randomDay(random, '2024-01-08', '2024-12-13');
    add({
      type: 'research_partnership',
      title: `Projet collaboratif ANR — ${first.entry.shortName}, ${second.entry.shortName} et ${school.entry.shortName}`,
      school,
      signedOn,
      endsOn: addMonths(signedOn, 48),
      amountEur: random.int(300, 700) * 1_000,
      parties: [[imt, 'institution'], [first.id, 'partner'], [second.id, 'partner'], [directory.publicBodies.anr, 'funder']],
    });
    const created = randomDay(random, '2025-11-03', minDay('2026-01-30', DEMO_AS_OF));
    add({ type: 'research_partnership', title: `Contrat de recherche partenariale ${third.entry.shortName} – ${school.entry.shortName} (en négociation)`, school, signedOn: null, unsignedStatus: 'negotiation', createdOn: created, startsOn: null, amountEur: random.int(80, 400) * 1_000, parties: [[imt, 'institution'], [third.id, 'partner']] });
    add({ type: 'nda', title: `Accord de confidentialité ${first.entry.shortName} – ${school.entry.shortName} (projet)`, school, signedOn: null, createdOn: addDays(created, 20), startsOn: null, parties: [[imt, 'institution'], [first.id, 'partner']] });
  }
}

/** References by the year an agreement was signed (or drafted), in date order: AGR-2019-0007. */
export function numberAgreements(agreements: AgreementRow[]): void {
  const dated = agreements.map((a) => ({ a, day: a.signedOn ?? a.createdAt.slice(0, 10) })).sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  const perYear = new Map<number, number>();
  for (const { a, day } of dated) {
    const next = (perYear.get(yearOf(day)) ?? 0) + 1;
    perYear.set(yearOf(day), next);
    a.reference = `AGR-${yearOf(day)}-${String(next).padStart(4, '0')}`;
  }
}
