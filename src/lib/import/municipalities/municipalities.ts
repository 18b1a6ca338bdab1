/**
 * The Dutch municipalities since 1990 with their CBS codes and the days on
 * which they existed (see README.md in this folder for where the list comes
 * from), and how a letter writes their names: in running text, in a web or
 * e-mail address.
 */
import { readFileSync } from 'node:fs';

export interface Municipality {
  /** CBS code with its prefix: GM0363. */
  code: string;
  /** The CBS name, with CBS's suffix where names are shared: "Bergen (NH.)". */
  naam: string;
  provincie: string;
  /** First day it existed; absent where the list only says it existed before 1990. */
  begin?: string;
  /** First day on which it no longer existed. */
  einde?: string;
}

/** "Already existed" in the source: not a founding date. */
const EXISTED_BEFORE = '1970-01-01';

export function parseMunicipalities(text: string): Municipality[] {
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim());
  if (header !== 'provinciecode;provincienaam;gemeentecode;gemeentenaam;begindatum;einddatum') throw new Error(`onbekende kop in de lijst van gemeenten: ${header}`);
  return rows.map((row, i) => {
    const [, provincie, code, naam, begin, einde] = row.split(';');
    if (!provincie || !/^\d{4}$/.test(code ?? '') || !naam || !/^\d{4}-\d{2}-\d{2}$/.test(begin ?? '') || (einde && !/^\d{4}-\d{2}-\d{2}$/.test(einde))) {
      throw new Error(`regel ${i + 2} van de lijst van gemeenten klopt niet: ${row}`);
    }
    return { code: `GM${code}`, naam, provincie, ...(begin === EXISTED_BEFORE ? {} : { begin }), ...(einde ? { einde } : {}) };
  });
}

let cached: Municipality[] | undefined;

/** The vendored list, read once. */
export function municipalities(): ReadonlyArray<Municipality> {
  cached ??= parseMunicipalities(readFileSync(new URL('./gemeentelijke-indeling.csv', import.meta.url), 'utf8'));
  return cached;
}

/**
 * Whether the municipality existed at some moment of `date`, which may be a
 * day, a month or a year ("2021-03-05", "2021-03", "2021"): a letter dated
 * only "2022" can come from Weesp, which joined Amsterdam in March 2022.
 */
export function existedOn(municipality: Municipality, date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const next = day !== undefined ? nextDay(year, month!, day) : month !== undefined ? (month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) : `${year + 1}-01-01`;
  return (municipality.begin ?? '0000-00-00') < next && (municipality.einde ?? '9999-99-99') > from;
}

function nextDay(year: number, month: number, day: number): string {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/** The name a municipality goes by, where it differs from the CBS name. */
const KNOWN_AS: Record<string, string> = { GM0518: 'Den Haag' };
/** Other names a letter uses. */
const ALIASES: Record<string, string[]> = {
  GM0518: ["'s-Gravenhage", 'Den Haag'],
  GM0796: ["'s-Hertogenbosch", 'Den Bosch'],
  GM0820: ['Nuenen'],
  GM1691: ['Sint Anthonis'],
  GM1702: ['St. Anthonis'],
};
/** Web addresses that do not follow from the name. */
const DOMAINS: Record<string, string[]> = { GM0518: ['denhaag'], GM0796: ['s-hertogenbosch', 'denbosch'] };

/** "Bergen (NH.)" → { base: "Bergen", suffix: "NH" }. */
function splitSuffix(naam: string): { base: string; suffix?: string } {
  const match = /^(.*?)\s*\(([A-Za-z.]+)\)$/.exec(naam);
  return match ? { base: match[1]!, suffix: match[2]!.replace(/\./g, '') } : { base: naam };
}

/** The name as a clerk would write it: "Gemeente Bergen (NH.)" stays recognisable; 's-Gravenhage is Den Haag. */
export function commonName(municipality: Municipality): string {
  return KNOWN_AS[municipality.code] ?? municipality.naam;
}

/** For comparing names: no accents, one space, no case, hyphens as spaces, no dots or brackets. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[()]/g, ' ')
    .replace(/\.(?=\s|$)/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every way a letter writes the municipality's name, folded. */
export function nameVariants(municipality: Municipality): string[] {
  const { base, suffix } = splitSuffix(municipality.naam);
  const names = [municipality.naam, base, ...(suffix ? [`${base} ${suffix}`] : []), ...(ALIASES[municipality.code] ?? [])];
  return [...new Set(names.map(foldName))].filter((n) => n.length >= 2);
}

/** The first label of the municipality's web address: amsterdam(.nl), hofvantwente, bergen-nh. */
export function domainLabels(municipality: Municipality): string[] {
  const { base, suffix } = splitSuffix(municipality.naam);
  const plain = foldName(base).replace(/'/g, '');
  const labels = [plain.replace(/ /g, ''), plain.replace(/ /g, '-'), ...(suffix ? [`${plain.replace(/ /g, '')}-${suffix.toLowerCase()}`, `${plain.replace(/ /g, '')}${suffix.toLowerCase()}`] : []), ...(DOMAINS[municipality.code] ?? [])];
  return [...new Set(labels.flatMap((l) => [l, `gemeente${l}`, `gemeente-${l}`]))];
}

export interface NameIndex {
  /** Municipalities by folded name. */
  byName: Map<string, Municipality[]>;
  /** Municipalities by domain label. */
  byDomain: Map<string, Municipality[]>;
  /** Matches any folded name at a word boundary, longest first. */
  pattern: RegExp;
  /** The same, only where `lastIndex` points. */
  sticky: RegExp;
}

const indexes = new WeakMap<ReadonlyArray<Municipality>, NameIndex>();

export function nameIndex(list: ReadonlyArray<Municipality> = municipalities()): NameIndex {
  const known = indexes.get(list);
  if (known) return known;
  const byName = new Map<string, Municipality[]>();
  const byDomain = new Map<string, Municipality[]>();
  const add = (map: Map<string, Municipality[]>, key: string, m: Municipality) => {
    const entry = map.get(key) ?? [];
    if (!entry.includes(m)) entry.push(m);
    map.set(key, entry);
  };
  for (const m of list) {
    for (const name of nameVariants(m)) add(byName, name, m);
    for (const label of domainLabels(m)) add(byDomain, label, m);
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const source = `(?<![\\p{L}\\d'])(?:${alternatives.join('|')})(?![\\p{L}\\d])`;
  const index = { byName, byDomain, pattern: new RegExp(source, 'gu'), sticky: new RegExp(source, 'uy') };
  indexes.set(list, index);
  return index;
}
