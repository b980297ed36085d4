import { createHash } from 'node:crypto';
import type { Db } from '../server/src/platform/db.ts';
import { applications, assets, organisations, ownershipShares, publications } from '../server/src/platform/schema.ts';

/**
 * A large synthetic portfolio for benchmarks: `families` patent families spread over 8 schools and
 * 2015–2026, each with an FR first filing and, for some, EP, WO and US members and publications.
 * Deterministic (ids and choices derive from the index), written in batches.
 */
export interface GeneratedPortfolio {
  schoolIds: string[];
  families: number;
  applications: number;
  publications: number;
  /** A title word present in about 1 family out of 40 (for the search figure). */
  rareWord: string;
  /** Two word prefixes that occur together in about 1 family out of 40. */
  twoWords: string;
  /** An application number that exists (for the search-by-number figure). */
  someApplicationNumber: string;
}

const SUBJECTS = [
  'capteur', 'antenne', 'batterie', 'membrane', 'catalyseur', 'réseau', 'codage', 'alliage', 'turbine',
  'hydrogel', 'laser', 'photodiode', 'algorithme', 'microfluidique', 'biocapteur', 'supercondensateur',
  'composite', 'émetteur', 'récepteur', 'robot', 'filtre', 'polymère', 'céramique', 'procédé', 'graphène',
  'quantique', 'cryptographie', 'radar', 'éolienne', 'géopolymère', 'biomasse', 'lidar', 'modem', 'textile',
  'implant', 'hydrolienne', 'électrolyseur', 'ciment', 'verre', 'optique',
];
const PATTERNS = [
  (a: string, b: string) => `Procédé de fabrication d'un ${a} à base de ${b}`,
  (a: string, b: string) => `Dispositif de ${a} pour ${b} embarqué`,
  (a: string, b: string) => `Method for controlling a ${a} with a ${b}`,
  (a: string, b: string) => `Système de mesure par ${a} et ${b}`,
];

function uuidFor(kind: string, index: number): string {
  const hex = createHash('sha1').update(`${kind}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function frNumber(index: number): string {
  return `FR${String(2015 + (index % 12)).slice(2)}${String(index).padStart(6, '0')}`;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

export async function generatePortfolio(db: Db, families: number, onProgress?: (done: number) => void): Promise<GeneratedPortfolio> {
  const stamp = '2026-01-01T00:00:00.000Z';
  const institutionId = uuidFor('institution', 0);
  const schoolIds = Array.from({ length: 8 }, (_, i) => uuidFor('school', i));
  await db.insert(organisations).values([
    { id: institutionId, kind: 'institution', name: 'Bench Institute', createdAt: stamp, updatedAt: stamp },
    ...schoolIds.map((id, i) => ({ id, kind: 'school' as const, name: `Bench School ${i + 1}`, parentId: institutionId, createdAt: stamp, updatedAt: stamp })),
  ]);

  let applicationCount = 0;
  let publicationCount = 0;
  const chunk = 5000;
  for (let base = 0; base < families; base += chunk) {
    const assetRows: (typeof assets.$inferInsert)[] = [];
    const shareRows: (typeof ownershipShares.$inferInsert)[] = [];
    const applicationRows: (typeof applications.$inferInsert)[] = [];
    const publicationRows: (typeof publications.$inferInsert)[] = [];
    for (let i = base; i < Math.min(families, base + chunk); i++) {
      const assetId = uuidFor('asset', i);
      const year = 2015 + (i % 12);
      const priority = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const a = SUBJECTS[i % SUBJECTS.length] ?? 'capteur';
      const b = SUBJECTS[(i * 7 + 3) % SUBJECTS.length] ?? 'réseau';
      const title = (PATTERNS[i % PATTERNS.length] ?? PATTERNS[0]!)(a, b);
      assetRows.push({
        id: assetId,
        kind: 'patent_family',
        reference: `FAM-${String(i).padStart(6, '0')}`,
        title,
        status: i % 10 === 0 ? 'lapsed' : 'active',
        schoolId: schoolIds[i % 8]!,
        createdAt: stamp,
        updatedAt: stamp,
      });
      shareRows.push({ assetId, organisationId: institutionId, share: 100 });
      const members: { office: string; number: string; filed: string; route: 'national' | 'pct' | 'ep_direct' | 'pct_national_phase' }[] = [
        { office: 'FR', number: frNumber(i), filed: priority, route: 'national' },
      ];
      if (i % 5 < 3) members.push({ office: 'EP', number: `EP${String(year).slice(2)}${String(i).padStart(7, '0')}`, filed: addMonths(priority, 12), route: 'ep_direct' });
      if (i % 5 < 2) members.push({ office: 'WO', number: `PCT/FR${year}/${String(i).padStart(6, '0')}`, filed: addMonths(priority, 12), route: 'pct' });
      if (i % 5 === 0) members.push({ office: 'US', number: `${16 + (i % 3)}/${String(i).padStart(6, '0')}`, filed: addMonths(priority, 30), route: 'pct_national_phase' });
      members.forEach((member, m) => {
        const applicationId = uuidFor(`application-${m}`, i);
        applicationRows.push({
          id: applicationId,
          assetId,
          office: member.office,
          applicationNumber: member.number,
          filingDate: member.filed,
          route: member.route,
          status: 'published',
        });
        publicationRows.push({
          applicationId,
          number: `${member.office}${String(3_000_000 + i * 4 + m)}`,
          kind: 'A1',
          date: addMonths(priority, 18 + m),
        });
      });
    }
    await insertInBatches(assetRows, (batch) => db.insert(assets).values(batch));
    await insertInBatches(shareRows, (batch) => db.insert(ownershipShares).values(batch));
    await insertInBatches(applicationRows, (batch) => db.insert(applications).values(batch));
    await insertInBatches(publicationRows, (batch) => db.insert(publications).values(batch));
    applicationCount += applicationRows.length;
    publicationCount += publicationRows.length;
    onProgress?.(Math.min(families, base + chunk));
  }
  return {
    schoolIds,
    families,
    applications: applicationCount,
    publications: publicationCount,
    rareWord: 'hydrolien',
    twoWords: 'capteur membr',
    someApplicationNumber: frNumber(Math.floor(families / 2)),
  };
}
