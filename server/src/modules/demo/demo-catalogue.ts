/**
 * The demo institution's fixed directory: Institut Mines-Télécom, its eight schools (real names and
 * cities), research units, Carnot institutes, incubators, ARMINES, a few public funders, and partner
 * companies whose names are invented (no real company appears in a fictional deal).
 */

export type SchoolKey = 'atlantique' | 'albi' | 'ales' | 'nord' | 'mse' | 'tparis' | 'tsp' | 'bs';
export type CarnotKey = 'mines' | 'tsn';

export interface UnitEntry {
  name: string;
  shortName: string;
  city: string;
  /** A joint unit (UMR) whose mandataire unique is the institution; otherwise the school manages its results. */
  isJointUnit: boolean;
}

export interface SchoolEntry {
  key: SchoolKey;
  name: string;
  shortName: string;
  city: string;
  /** E-mail domain of its staff in the demo (`.demo`, so no mail ever leaves). */
  domain: string;
  carnot: CarnotKey;
  /** Its own incubator, or null when it shares another school's (IMT-BS and Télécom SudParis share IMT Starter). */
  incubator: { name: string; shortName: string; city: string } | null;
  /** Relative size: staff and inventions are shared out by these weights. */
  researchers: number;
  inventions: number;
  /** A management school's results are methods and software, seldom patents. */
  filesPatents: boolean;
  units: UnitEntry[];
}

export const INSTITUTION = {
  name: 'Institut Mines-Télécom',
  shortName: 'IMT',
  siren: '180092025',
  city: 'Palaiseau',
  domain: 'imt.demo',
} as const;

export const SCHOOLS: readonly SchoolEntry[] = [
  {
    key: 'atlantique',
    name: 'IMT Atlantique',
    shortName: 'IMT Atlantique',
    city: 'Brest',
    domain: 'imt-atlantique.demo',
    carnot: 'tsn',
    incubator: { name: 'Incubateur IMT Atlantique', shortName: 'Incubateur IMTA', city: 'Brest' },
    researchers: 44,
    inventions: 22,
    filesPatents: true,
    units: [
      { name: "Lab-STICC — Laboratoire des sciences et techniques de l'information, de la communication et de la connaissance", shortName: 'Lab-STICC', city: 'Brest', isJointUnit: true },
      { name: 'LaTIM — Laboratoire de traitement de l’information médicale', shortName: 'LaTIM', city: 'Brest', isJointUnit: true },
      { name: 'LS2N — Laboratoire des sciences du numérique de Nantes', shortName: 'LS2N', city: 'Nantes', isJointUnit: true },
      { name: 'GEPEA — Génie des procédés, environnement, agroalimentaire', shortName: 'GEPEA', city: 'Nantes', isJointUnit: true },
    ],
  },
  {
    key: 'albi',
    name: 'IMT Mines Albi',
    shortName: 'IMT Mines Albi',
    city: 'Albi',
    domain: 'mines-albi.demo',
    carnot: 'mines',
    incubator: { name: 'Incubateur IMT Mines Albi', shortName: 'Incubateur Albi', city: 'Albi' },
    researchers: 25,
    inventions: 13,
    filesPatents: true,
    units: [
      { name: 'RAPSODEE — Centre de recherche d’Albi en génie des procédés des solides divisés, de l’énergie et de l’environnement', shortName: 'RAPSODEE', city: 'Albi', isJointUnit: true },
      { name: 'ICA-Albi — Institut Clément Ader', shortName: 'ICA', city: 'Albi', isJointUnit: true },
      { name: 'CGI — Centre génie industriel', shortName: 'CGI', city: 'Albi', isJointUnit: false },
    ],
  },
  {
    key: 'ales',
    name: 'IMT Mines Alès',
    shortName: 'IMT Mines Alès',
    city: 'Alès',
    domain: 'mines-ales.demo',
    carnot: 'mines',
    incubator: { name: 'Incubateur IMT Mines Alès', shortName: 'Incubateur Alès', city: 'Alès' },
    researchers: 24,
    inventions: 13,
    filesPatents: true,
    units: [
      { name: 'PCH — Polymères, composites et hybrides', shortName: 'PCH', city: 'Alès', isJointUnit: false },
      { name: 'HSM — Hydrosciences Montpellier (équipe d’Alès)', shortName: 'HSM', city: 'Alès', isJointUnit: true },
      { name: 'EuroMov DHM — Digital Health in Motion', shortName: 'EuroMov DHM', city: 'Alès', isJointUnit: true },
    ],
  },
  {
    key: 'nord',
    name: 'IMT Nord Europe',
    shortName: 'IMT Nord Europe',
    city: 'Douai',
    domain: 'imt-nord-europe.demo',
    carnot: 'mines',
    incubator: { name: 'Incubateur IMT Nord Europe', shortName: 'Incubateur INE', city: 'Villeneuve-d’Ascq' },
    researchers: 30,
    inventions: 15,
    filesPatents: true,
    units: [
      { name: 'CERI Matériaux et procédés', shortName: 'CERI MP', city: 'Douai', isJointUnit: false },
      { name: 'CERI Énergie et environnement', shortName: 'CERI EE', city: 'Douai', isJointUnit: false },
      { name: 'CERI Systèmes numériques', shortName: 'CERI SN', city: 'Villeneuve-d’Ascq', isJointUnit: false },
    ],
  },
  {
    key: 'mse',
    name: 'Mines Saint-Étienne',
    shortName: 'Mines Saint-Étienne',
    city: 'Saint-Étienne',
    domain: 'mines-stetienne.demo',
    carnot: 'mines',
    incubator: { name: 'Incubateur Mines Saint-Étienne', shortName: 'Incubateur MSE', city: 'Saint-Étienne' },
    researchers: 38,
    inventions: 19,
    filesPatents: true,
    units: [
      { name: 'LGF — Laboratoire Georges Friedel', shortName: 'LGF', city: 'Saint-Étienne', isJointUnit: true },
      { name: 'CMP — Centre de microélectronique de Provence', shortName: 'CMP', city: 'Gardanne', isJointUnit: false },
      { name: 'SPIN — Sciences des processus industriels et naturels', shortName: 'SPIN', city: 'Saint-Étienne', isJointUnit: false },
      { name: 'CIS — Centre ingénierie et santé', shortName: 'CIS', city: 'Saint-Étienne', isJointUnit: true },
    ],
  },
  {
    key: 'tparis',
    name: 'Télécom Paris',
    shortName: 'Télécom Paris',
    city: 'Palaiseau',
    domain: 'telecom-paris.demo',
    carnot: 'tsn',
    incubator: { name: 'Incubateur Télécom Paris', shortName: 'Incubateur TP', city: 'Paris' },
    researchers: 36,
    inventions: 18,
    filesPatents: true,
    units: [
      { name: 'LTCI — Laboratoire de traitement et communication de l’information', shortName: 'LTCI', city: 'Palaiseau', isJointUnit: false },
      { name: 'i3 — Institut interdisciplinaire de l’innovation (équipe Télécom Paris)', shortName: 'i3-TP', city: 'Palaiseau', isJointUnit: true },
      { name: 'Laboratoire de photonique quantique et communications optiques', shortName: 'LPQCO', city: 'Palaiseau', isJointUnit: false },
    ],
  },
  {
    key: 'tsp',
    name: 'Télécom SudParis',
    shortName: 'Télécom SudParis',
    city: 'Évry-Courcouronnes',
    domain: 'telecom-sudparis.demo',
    carnot: 'tsn',
    incubator: { name: 'IMT Starter', shortName: 'IMT Starter', city: 'Évry-Courcouronnes' },
    researchers: 28,
    inventions: 14,
    filesPatents: true,
    units: [
      { name: 'SAMOVAR — Services répartis, architectures, modélisation, validation, administration des réseaux', shortName: 'SAMOVAR', city: 'Évry-Courcouronnes', isJointUnit: false },
      { name: 'Laboratoire nano-optique et capteurs', shortName: 'NOC', city: 'Palaiseau', isJointUnit: false },
      { name: 'Laboratoire biométrie et sécurité des identités', shortName: 'BSI', city: 'Évry-Courcouronnes', isJointUnit: false },
    ],
  },
  {
    key: 'bs',
    name: 'Institut Mines-Télécom Business School',
    shortName: 'IMT-BS',
    city: 'Évry-Courcouronnes',
    domain: 'imt-bs.demo',
    carnot: 'tsn',
    incubator: null,
    researchers: 12,
    inventions: 6,
    filesPatents: false,
    units: [
      { name: 'LITEM — Laboratoire en innovation, technologies, économie et management', shortName: 'LITEM', city: 'Évry-Courcouronnes', isJointUnit: true },
      { name: 'Centre d’études sur la santé numérique et les usages', shortName: 'CESNU', city: 'Évry-Courcouronnes', isJointUnit: false },
    ],
  },
];

export const CARNOTS: Readonly<Record<CarnotKey, { name: string; shortName: string }>> = {
  mines: { name: 'Institut Carnot M.I.N.E.S', shortName: 'Carnot M.I.N.E.S' },
  tsn: { name: 'Institut Carnot Télécom & Société Numérique', shortName: 'Carnot TSN' },
};

export const ARMINES = { name: 'ARMINES', shortName: 'ARMINES', city: 'Paris', domain: 'armines.demo' } as const;

export const PUBLIC_BODIES = [
  { key: 'anr', name: 'Agence nationale de la recherche', shortName: 'ANR', city: 'Paris' },
  { key: 'bpi', name: 'Bpifrance', shortName: 'Bpifrance', city: 'Maisons-Alfort' },
  { key: 'bretagne', name: 'Région Bretagne', shortName: 'Région Bretagne', city: 'Rennes' },
  { key: 'occitanie', name: 'Région Occitanie', shortName: 'Région Occitanie', city: 'Toulouse' },
  { key: 'hdf', name: 'Région Hauts-de-France', shortName: 'Région HDF', city: 'Lille' },
] as const;
export type PublicBodyKey = (typeof PUBLIC_BODIES)[number]['key'];

export type CompanyCategory = 'large' | 'eti' | 'pme' | 'startup';

export interface CompanyEntry {
  name: string;
  shortName: string;
  category: CompanyCategory;
  city: string;
  domain: string;
  /** What it does, to pick partners that fit a school's research. */
  sector: string;
}

/** Invented partner companies: any likeness to a real company's name is unintended. */
export const COMPANIES: readonly CompanyEntry[] = [
  { name: 'Groupe Hexavolt Énergies', shortName: 'Hexavolt', category: 'large', city: 'Courbevoie', domain: 'hexavolt.demo', sector: 'énergie' },
  { name: 'Navalyre Industries', shortName: 'Navalyre', category: 'large', city: 'Lorient', domain: 'navalyre.demo', sector: 'naval et défense' },
  { name: 'Orvane Télécom', shortName: 'Orvane', category: 'large', city: 'Rennes', domain: 'orvane.demo', sector: 'télécommunications' },
  { name: 'Ferrandine Aciers Spéciaux', shortName: 'Ferrandine', category: 'large', city: 'Firminy', domain: 'ferrandine.demo', sector: 'métallurgie' },
  { name: 'Médicoral Santé', shortName: 'Médicoral', category: 'large', city: 'Lyon', domain: 'medicoral.demo', sector: 'santé' },
  { name: 'Brocélis Composites', shortName: 'Brocélis', category: 'eti', city: 'Vannes', domain: 'brocelis.demo', sector: 'composites' },
  { name: 'Optirade Photonique', shortName: 'Optirade', category: 'eti', city: 'Lannion', domain: 'optirade.demo', sector: 'photonique' },
  { name: 'Cévenol Biomatériaux', shortName: 'Cévenol Bio', category: 'eti', city: 'Nîmes', domain: 'cevenol-bio.demo', sector: 'matériaux biosourcés' },
  { name: 'Aérovance Mécanique', shortName: 'Aérovance', category: 'eti', city: 'Toulouse', domain: 'aerovance.demo', sector: 'aéronautique' },
  { name: 'Flandrelys Polymères', shortName: 'Flandrelys', category: 'eti', city: 'Lens', domain: 'flandrelys.demo', sector: 'plasturgie' },
  { name: 'Kerlannic Capteurs', shortName: 'Kerlannic', category: 'pme', city: 'Brest', domain: 'kerlannic.demo', sector: 'capteurs' },
  { name: 'Sylvanord Bois Ingénierie', shortName: 'Sylvanord', category: 'pme', city: 'Arras', domain: 'sylvanord.demo', sector: 'construction bois' },
  { name: 'Minéralyse Analyses', shortName: 'Minéralyse', category: 'pme', city: 'Alès', domain: 'mineralyse.demo', sector: 'environnement' },
  { name: 'Tarnélec Procédés', shortName: 'Tarnélec', category: 'pme', city: 'Castres', domain: 'tarnelec.demo', sector: 'génie des procédés' },
  { name: 'Luméo Radio Systèmes', shortName: 'Luméo', category: 'pme', city: 'Massy', domain: 'lumeo-radio.demo', sector: 'radiofréquences' },
  { name: 'Datagoria Analytique', shortName: 'Datagoria', category: 'pme', city: 'Paris', domain: 'datagoria.demo', sector: 'logiciel et données' },
  { name: 'Rhodaqua Traitement des eaux', shortName: 'Rhodaqua', category: 'pme', city: 'Saint-Chamond', domain: 'rhodaqua.demo', sector: 'eau' },
  { name: 'Qubilune', shortName: 'Qubilune', category: 'startup', city: 'Palaiseau', domain: 'qubilune.demo', sector: 'quantique' },
  { name: 'Neurovisia', shortName: 'Neurovisia', category: 'startup', city: 'Nantes', domain: 'neurovisia.demo', sector: 'vision par ordinateur' },
  { name: 'Hydrovent Armor', shortName: 'Hydrovent', category: 'startup', city: 'Saint-Brieuc', domain: 'hydrovent.demo', sector: 'hydrogène' },
];
