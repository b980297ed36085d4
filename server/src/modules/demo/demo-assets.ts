import { stamp, yearOf, type IsoDay } from './demo-dates.ts';
import type { CoOwnershipPlan, DealPlan } from './demo-deals.ts';
import type { PlannedInvention } from './demo-inventions.ts';
import type { Numbering } from './demo-numbers.ts';
import type { DemoDirectory } from './demo-organisations.ts';
import { buildFamily } from './demo-patents.ts';
import type { Random } from './demo-random.ts';
import type {
  ApplicationEventRow,
  ApplicationRow,
  AssetRow,
  OwnershipShareRow,
  PriorityClaimRow,
  PublicationRow,
} from './demo-rows.ts';
import type { SpinOff } from './demo-startups.ts';
import { SOFTWARE_NAMES } from './demo-topics.ts';

export interface DemoAssets {
  assets: AssetRow[];
  ownershipShares: OwnershipShareRow[];
  applications: ApplicationRow[];
  priorityClaims: PriorityClaimRow[];
  publications: PublicationRow[];
  applicationEvents: ApplicationEventRow[];
}

/**
 * The assets of every invention with their owners: the institution alone, or the co-owners with the
 * shares their agreement sets; after an assignment, the assignee alone.
 */
export function buildAssets(
  random: Random,
  numbers: Numbering,
  input: { directory: DemoDirectory; inventions: PlannedInvention[]; plan: DealPlan; spinOffOf: Map<string, SpinOff> },
): DemoAssets {
  const { directory, plan } = input;
  const out: DemoAssets = { assets: [], ownershipShares: [], applications: [], priorityClaims: [], publications: [], applicationEvents: [] };
  const coOwnershipOf = new Map<string, CoOwnershipPlan>();
  for (const group of plan.coOwnerships) for (const invention of group.inventions) coOwnershipOf.set(invention.id, group);
  const assigneeOf = new Map<string, string>();
  for (const transfer of plan.transfers.filter((t) => t.type === 'assignment')) {
    const assignee = transfer.company?.id ?? input.spinOffOf.get(transfer.invention.id)?.organisationId;
    if (assignee) assigneeOf.set(transfer.invention.id, assignee);
  }
  let softwareCount = 0;

  const addAsset = (invention: PlannedInvention, row: Omit<AssetRow, 'schoolId' | 'inventionId' | 'reference' | 'ownershipAgreementId'>, group: CoOwnershipPlan | null) => {
    const assignee = assigneeOf.get(invention.id);
    const owners: [string, number][] = assignee
      ? [[assignee, 100]]
      : group
        ? ownersOf(group, directory).map((id, index) => [id, group.shares[index] ?? 0])
        : [[directory.institutionId, 100]];
    out.assets.push({
      ...row,
      status: assignee ? 'transferred' : row.status,
      reference: null,
      schoolId: invention.school.id,
      inventionId: invention.id,
      ownershipAgreementId: owners.length > 1 && group ? group.agreementId : null,
    });
    for (const [organisationId, share] of owners) out.ownershipShares.push({ assetId: row.id, organisationId, share });
  };

  for (const invention of input.inventions) {
    const [title] = invention.topic;
    for (const family of invention.families) {
      const built = buildFamily(random, numbers, family);
      out.applications.push(...built.applications);
      out.priorityClaims.push(...built.priorityClaims);
      out.publications.push(...built.publications);
      out.applicationEvents.push(...built.events);
      addAsset(
        invention,
        {
          id: family.assetId,
          kind: 'patent_family',
          title: family.isImprovement ? `${title} — perfectionnements` : title,
          status: built.status,
          familyId: built.familyId,
          depositReference: null,
          depositDate: null,
          createdAt: stamp(family.priorityDate),
          updatedAt: stamp(built.lastDate),
        },
        coOwnershipOf.get(invention.id) ?? null,
      );
    }
    if (invention.software) {
      const name = SOFTWARE_NAMES[softwareCount] ?? `Logiciel-${softwareCount + 1}`;
      softwareCount++;
      const day = invention.software.depositDate;
      addAsset(invention, { id: invention.software.assetId, kind: 'software', title: `${name} — logiciel : ${title}`, status: 'active', familyId: null, depositReference: numbers.iddn(day), depositDate: day, createdAt: stamp(day), updatedAt: stamp(day) }, null);
    }
    if (invention.knowHow) {
      const day = invention.knowHow.recordedOn;
      // Know-how stays confidential; an e-Soleau envelope dates it without disclosing it.
      const soleau = random.chance(0.5) ? numbers.soleau(day) : null;
      addAsset(invention, { id: invention.knowHow.assetId, kind: 'know_how', title: `Savoir-faire : ${title}`, status: 'active', familyId: null, depositReference: soleau, depositDate: soleau ? day : null, createdAt: stamp(day), updatedAt: stamp(day) }, null);
    }
  }
  numberAssets(out.assets);
  return out;
}

function ownersOf(group: CoOwnershipPlan, directory: DemoDirectory): string[] {
  return [directory.institutionId, ...(group.company ? [group.company.id] : []), ...(group.withArmines ? [directory.arminesId] : [])];
}

const PREFIX: Readonly<Record<AssetRow['kind'], string>> = { patent_family: 'PAT', software: 'LOG', know_how: 'SF' };

/** References by kind and year of first filing, deposit or record, in date order: PAT-2019-0012. */
function numberAssets(assets: AssetRow[]): void {
  const dated = assets.map((asset) => ({ asset, day: asset.createdAt.slice(0, 10) as IsoDay })).sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  const counters = new Map<string, number>();
  for (const { asset, day } of dated) {
    const key = `${PREFIX[asset.kind]}-${yearOf(day)}`;
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    asset.reference = `${key}-${String(next).padStart(4, '0')}`;
  }
}
