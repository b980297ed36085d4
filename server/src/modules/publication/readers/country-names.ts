/*
 * Country codes from the English country names USPTO data writes (`JAPAN`, `KOREA, REPUBLIC OF`,
 * `UNITED KINGDOM`): foreign priorities in ODP answers, assignees' countries in assignment records.
 * The names come from the runtime's own table of ISO 3166 regions, plus the spellings offices use
 * that differ from it.
 */

const ALIASES: Readonly<Record<string, string>> = {
  USA: 'US',
  'UNITED STATES OF AMERICA': 'US',
  'KOREA REPUBLIC OF': 'KR',
  'REPUBLIC OF KOREA': 'KR',
  KOREA: 'KR',
  'KOREA DEMOCRATIC PEOPLE S REPUBLIC OF': 'KP',
  'RUSSIAN FEDERATION': 'RU',
  'GREAT BRITAIN': 'GB',
  ENGLAND: 'GB',
  'TAIWAN PROVINCE OF CHINA': 'TW',
  'REPUBLIC OF CHINA': 'TW',
  'PEOPLES REPUBLIC OF CHINA': 'CN',
  'PEOPLE S REPUBLIC OF CHINA': 'CN',
  'HONG KONG': 'HK',
  MACAO: 'MO',
  MACAU: 'MO',
  'CZECH REPUBLIC': 'CZ',
  'VIET NAM': 'VN',
  'IRAN ISLAMIC REPUBLIC OF': 'IR',
  'EUROPEAN PATENT OFFICE': 'EP',
  'EUROPEAN PATENT ORGANIZATION': 'EP',
  EPO: 'EP',
  'WORLD INTELLECTUAL PROPERTY ORGANIZATION': 'WO',
  WIPO: 'WO',
};

let byName: Map<string, string> | null = null;

/** `Côte d’Ivoire` → `COTE D IVOIRE`: the form names are compared in. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`;
      // A withdrawn code (DD, East Germany) is displayed under its successor's name: only current codes count.
      if (new Intl.Locale(`und-${code}`).region !== code) continue;
      const name = regions.of(code);
      if (name && !byName.has(nameKey(name))) byName.set(nameKey(name), code);
    }
  }
  return byName;
}

/** The two-letter code of a country named in English, or given as a code already; null when unknown. */
export function countryFromName(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  if (text === '') return null;
  return table().get(nameKey(text)) ?? null;
}
