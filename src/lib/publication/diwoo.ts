/**
 * The archive as the Woo-index harvests it: sitemaps whose every `<url>`
 * carries DiWoo 0.9.8 metadata, and one sitemap index per information category,
 * named as KOOP's handleiding requires (sitemapindex-diwoo-infocat006.xml).
 *
 * Which documents: every briefing dated to the day, as its signed original when
 * there is one and otherwise as its page, and each of its published attachments
 * as a document of its own. The Woo-index needs a moment in time and the archive
 * never invents a date, so a briefing known only to the month or year is left
 * out, and the check says so.
 *
 * Everything here is derived from the content alone — no build time — so a
 * rebuild writes the same bytes as a cold build.
 */
import type { BriefingData } from '../../schemas/briefing';
import type { Organisation } from '../../schemas/organisation';
import type { PartialDate } from '../../schemas/partial-date';
import { isPublished, type BriefingFiles, type PublishedFile } from '../content/attachments';
import type { ContentErrorDetails } from '../errors/content-error';
import { formatPartialDate } from '../formats/dates';
import { briefingFileUrl, briefingUrl, url } from '../site/urls';
import { tooiOrganisation, WOO_CATEGORIES, WOO_CLASSIFICATION, type TooiValue, type WooCategory } from './woo';

export const DIWOO_NAMESPACE = 'https://standaarden.overheid.nl/diwoo/metadata/';
const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemaps protocol's limits per file; the Woo-harvester applies the same. */
export const SITEMAP_LIMITS = { entries: 50_000, bytes: 50 * 1024 * 1024 } as const;

const TOOI_KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';
const SIGNING: TooiValue = { uri: `${TOOI_KERN}c_e1ec050e`, label: 'ondertekening' };
const HAS_ATTACHMENT: TooiValue = { uri: `${TOOI_KERN}c_05f4a5f3`, label: 'heeft bijlage' };
const DUTCH: TooiValue = { uri: 'http://publications.europa.eu/resource/authority/language/NLD', label: 'Nederlands' };

const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
/**
 * The file types the DiWoo 0.9.8 format list holds that the archive publishes,
 * with the list's labels. PNG, JPEG and SVG are not on it: such an attachment is
 * offered without `format`, and the harvester goes by its media type.
 */
const DIWOO_FORMAT_LABELS: Readonly<Record<string, string>> = {
  PDF: 'PDF',
  HTML: 'HTML',
  DOC: 'Word DOC',
  DOCX: 'Word DOCX',
  XLS: 'Excel XLS',
  XLSX: 'Excel XLSX',
  PPTX: 'PowerPoint PPTX',
  ODT: 'ODT',
  ODS: 'ODS',
  ODP: 'ODP',
  CSV: 'CSV',
  TXT: 'Plain text',
};

/** The DiWoo `format` of an EU file type, or undefined when the DiWoo list does not have it. */
export function diwooFormat(euFileType: string): TooiValue | undefined {
  const label = DIWOO_FORMAT_LABELS[euFileType];
  return label ? { uri: EU_FILE_TYPE + euFileType, label } : undefined;
}

/** Only a day is a moment the Woo-index accepts. */
export const offeredToWooIndex = (date: PartialDate): boolean => date.precision === 'dag';

/**
 * The check's warning for a briefing the Woo-index will not get, on the line of
 * `datum:` when the file's text is given.
 */
export function wooIndexDateWarning(file: string, date: PartialDate, text?: string): ContentErrorDetails | undefined {
  if (offeredToWooIndex(date)) return undefined;
  const lines = text?.split(/\r?\n/) ?? [];
  const end = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  const at = lines.slice(0, end === -1 ? 0 : end).findIndex((line) => /^datum\s*:/.test(line));
  return {
    file,
    ...(at > 0 ? { line: at + 1, column: 1 } : {}),
    message: `wordt niet aangeboden aan de Woo-index: de datum is ${date.precision === 'onbekend' ? 'niet bekend' : `niet op de dag bekend (${formatPartialDate(date)})`}`,
    hint: 'De Woo-index vraagt de dag van het stuk. Staat die in het origineel of in de bron, schrijf dan de hele datum (jjjj-mm-dd). Is de dag niet bekend, laat de datum dan zo: het stuk staat gewoon in het archief, alleen niet in de Woo-index.',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/**
 * The start of a day in Amsterdam as an xs:dateTime: "2025-07-15T00:00:00+02:00".
 * DiWoo wants a date and time for a documenthandeling; the archive knows the day
 * and not the hour, so it names the day's first moment and claims nothing more.
 */
export function amsterdamStartOfDay(date: PartialDate): string {
  if (!offeredToWooIndex(date)) throw new Error(`geen dag bekend: ${date.iso || 'onbekend'}`);
  const day = `${date.year}-${pad(date.month!)}-${pad(date.day!)}`;
  // 22:30 UTC the evening before: Dutch clocks change at 01:00 UTC, so the offset there is the offset at local midnight.
  const probe = new Date(Date.UTC(date.year!, date.month! - 1, date.day!) - 90 * 60_000);
  const name = AMSTERDAM.formatToParts(probe).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const offset = name === 'GMT' ? '+00:00' : /^GMT([+-]\d{2}:\d{2})$/.exec(name)?.[1];
  // Some time zone data give Amsterdam before 1937 an offset of 0:19:32, which xs:dateTime cannot write: then the zone is left out.
  return `${day}T00:00:00${offset ?? ''}`;
}

/** Text and attribute values for XML 1.0: the five special characters escaped, control characters XML forbids dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A reference to another document in the Woo-index, by its `<loc>`. */
export interface DocumentReference {
  loc: string;
  title: string;
}

/** One document offered to the Woo-index: its `<url>` and its DiWoo metadata. */
export interface WooIndexEntry {
  /** The document itself, absolute: the original file, or the briefing's page when there is none. */
  loc: string;
  /** The briefing's day (YYYY-MM-DD). */
  lastmod: string;
  category: WooCategory;
  kind?: TooiValue;
  publisher: { uri?: string; label: string };
  title: string;
  /** The kenmerk; none is made up when the letter has none. */
  identifiers: string[];
  descriptions: string[];
  keywords: string[];
  /** The day the document was made, when known: the letter's date, not its attachments'. */
  created?: string;
  format?: TooiValue;
  /** atTime of the signing. */
  signed: string;
  partOf?: DocumentReference;
  attachments: DocumentReference[];
}

export interface WooIndexInput {
  briefings: ReadonlyArray<{ id: string; data: BriefingData }>;
  files: ReadonlyMap<string, BriefingFiles>;
  organisations: ReadonlyMap<string, Organisation>;
  /** The public origin (src/lib/site/origin.ts); the base path comes from src/lib/site/urls.ts. */
  site: string | URL;
}

/**
 * Every document offered, oldest first: a new briefing is added at the end, so
 * the earlier sitemaps of a category stay as they were. A letter is followed by
 * its attachments.
 */
export function wooIndexEntries({ briefings, files, organisations, site }: WooIndexInput): WooIndexEntry[] {
  const absolute = (path: string) => new URL(path, site).href;
  const offered = briefings
    .filter((briefing) => offeredToWooIndex(briefing.data.datum))
    .sort((a, b) => (a.data.datum.iso < b.data.datum.iso ? -1 : a.data.datum.iso > b.data.datum.iso ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return offered.flatMap(({ id, data }): WooIndexEntry[] => {
    const organisation = organisations.get(data.organisatie);
    // The archive refuses an unknown organisation before anything is built.
    if (!organisation) throw new Error(`${id}: organisatie "${data.organisatie}" bestaat niet`);
    const { category, kind } = WOO_CLASSIFICATION[data.type];
    const { original, attachments } = files.get(id) ?? { attachments: [] };
    const day = data.datum.iso;
    const shared = { lastmod: day, category, publisher: tooiOrganisation(organisation), signed: amsterdamStartOfDay(data.datum) };
    const fileFormat = (file: PublishedFile) => diwooFormat(file.type.euFileType);
    const letter: DocumentReference = { loc: absolute(original ? briefingFileUrl(id, original.name) : briefingUrl(id)), title: data.titel };
    const parts = attachments.filter(isPublished).map((file) => ({ file, reference: { loc: absolute(briefingFileUrl(id, file.name)), title: file.titel } }));
    return [
      {
        ...shared,
        ...letter,
        kind,
        identifiers: data.kenmerk ? [data.kenmerk] : [],
        descriptions: data.samenvatting ? [data.samenvatting] : [],
        keywords: data.onderwerpen,
        created: day,
        format: original ? fileFormat(original) : diwooFormat('HTML'),
        attachments: parts.map((part) => part.reference),
      },
      // An attachment was sent with the signed letter: it shares the letter's signing, but when it was made is not known.
      ...parts.map(({ file, reference }) => ({
        ...shared,
        ...reference,
        identifiers: [],
        descriptions: file.opmerking ? [file.opmerking] : [],
        keywords: [],
        format: fileFormat(file),
        partOf: letter,
        attachments: [],
      })),
    ];
  });
}

interface XmlNode {
  name: string;
  resource?: string;
  text?: string;
  children?: Array<XmlNode | undefined | false>;
}

function serialize(node: XmlNode, depth: number): string {
  const indent = '  '.repeat(depth);
  const attribute = node.resource === undefined ? '' : ` resource="${escapeXml(node.resource)}"`;
  if (!node.children) return `${indent}<${node.name}${attribute}>${escapeXml(node.text ?? '')}</${node.name}>\n`;
  const children = node.children.filter((child): child is XmlNode => !!child);
  return `${indent}<${node.name}${attribute}>\n${children.map((child) => serialize(child, depth + 1)).join('')}${indent}</${node.name}>\n`;
}

const diwoo = (name: string, content?: string | Array<XmlNode | undefined | false>, resource?: string): XmlNode =>
  Array.isArray(content) ? { name: `diwoo:${name}`, children: content, resource } : { name: `diwoo:${name}`, text: content, resource };
const coded = (name: string, value: { uri?: string; label: string }) => diwoo(name, value.label, value.uri);
const referenceTo = (name: string, document: DocumentReference) => diwoo(name, document.title, document.loc);
const list = (group: string, item: string, values: string[]) => values.length > 0 && diwoo(group, values.map((value) => diwoo(item, value)));

/** One `<url>` of a sitemap, with its diwoo:Document. */
export function sitemapUrl(entry: WooIndexEntry): string {
  const metadata = diwoo('DiWoo', [
    list('identifiers', 'identifier', entry.identifiers),
    coded('publisher', entry.publisher),
    diwoo('titelcollectie', [diwoo('officieleTitel', entry.title)]),
    list('omschrijvingen', 'omschrijving', entry.descriptions),
    diwoo('classificatiecollectie', [
      diwoo('informatiecategorieen', [coded('informatiecategorie', entry.category)]),
      entry.kind && diwoo('documentsoorten', [coded('documentsoort', entry.kind)]),
      list('trefwoorden', 'trefwoord', entry.keywords),
    ]),
    entry.created ? diwoo('creatiedatum', entry.created) : undefined,
    coded('language', DUTCH),
    entry.format && coded('format', entry.format),
    entry.partOf && referenceTo('isPartOf', entry.partOf),
    entry.attachments.length > 0 && diwoo('hasParts', entry.attachments.map((part) => referenceTo('hasPart', part))),
    diwoo('documenthandelingen', [
      diwoo('documenthandeling', [coded('soortHandeling', SIGNING), diwoo('atTime', entry.signed), coded('wasAssociatedWith', entry.publisher)]),
    ]),
    entry.attachments.length > 0 &&
      diwoo('documentrelaties', entry.attachments.map((part) => diwoo('documentrelatie', [coded('role', HAS_ATTACHMENT), referenceTo('relation', part)]))),
  ]);
  return serialize({ name: 'url', children: [{ name: 'loc', text: entry.loc }, { name: 'lastmod', text: entry.lastmod }, diwoo('Document', [metadata])] }, 1);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:diwoo="${DIWOO_NAMESPACE}">\n`;
const URLSET_CLOSE = '</urlset>\n';

/** `<url>` elements in order, cut into sitemaps that stay within both limits. */
export function packSitemaps(urls: readonly string[], limits: { entries: number; bytes: number } = SITEMAP_LIMITS): string[][] {
  const frame = Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE);
  const sitemaps: string[][] = [];
  let current: string[] = [];
  let bytes = frame;
  for (const element of urls) {
    const size = Buffer.byteLength(element);
    if (current.length > 0 && (current.length >= limits.entries || bytes + size > limits.bytes)) {
      sitemaps.push(current);
      current = [];
      bytes = frame;
    }
    current.push(element);
    bytes += size;
  }
  if (current.length > 0) sitemaps.push(current);
  return sitemaps;
}

export const sitemapIndexName = (category: WooCategory) => `sitemapindex-diwoo-infocat${category.infocat}.xml`;
export const sitemapName = (category: WooCategory, part: number) => `sitemap-diwoo-infocat${category.infocat}-${part}.xml`;

export interface WooIndexFile {
  category: WooCategory;
  /** Counted from 1; absent for the sitemap index. */
  part?: number;
  /** File name at the archive's root: sitemapindex-diwoo-infocat006.xml. */
  name: string;
  xml: string;
}

/**
 * The sitemap index and sitemaps of every category that has documents. A
 * category without any gets no index: a sitemap index must list at least one
 * sitemap, and an empty one would only tell the harvester there is nothing.
 */
export function wooIndexFiles(input: WooIndexInput, limits: { entries: number; bytes: number } = SITEMAP_LIMITS): { indexes: WooIndexFile[]; sitemaps: WooIndexFile[] } {
  const entries = wooIndexEntries(input);
  const absolute = (name: string) => new URL(url(name), input.site).href;
  const indexes: WooIndexFile[] = [];
  const sitemaps: WooIndexFile[] = [];
  for (const category of WOO_CATEGORIES) {
    const own = entries.filter((entry) => entry.category.uri === category.uri);
    if (own.length === 0) continue;
    const listed: string[] = [];
    let first = 0;
    for (const urls of packSitemaps(own.map(sitemapUrl), limits)) {
      const part = listed.length + 1;
      const name = sitemapName(category, part);
      sitemaps.push({ category, part, name, xml: URLSET_OPEN + urls.join('') + URLSET_CLOSE });
      // The sitemap changed when its newest document did.
      const lastmod = own.slice(first, first + urls.length).reduce((latest, entry) => (entry.lastmod > latest ? entry.lastmod : latest), '');
      first += urls.length;
      listed.push(serialize({ name: 'sitemap', children: [{ name: 'loc', text: absolute(name) }, { name: 'lastmod', text: lastmod }] }, 1));
    }
    indexes.push({ category, name: sitemapIndexName(category), xml: `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${listed.join('')}</sitemapindex>\n` });
  }
  return { indexes, sitemaps };
}

const madeForArchive = new WeakMap<WooIndexInput['briefings'], Map<string, ReturnType<typeof wooIndexFiles>>>();

/**
 * wooIndexFiles() once per archive and origin: the routes of the sitemap
 * indexes and of the sitemaps both need all of them, and at 100,000 briefings
 * making them takes seconds.
 */
export function archiveWooIndexFiles(input: WooIndexInput): ReturnType<typeof wooIndexFiles> {
  const bySite = madeForArchive.get(input.briefings) ?? new Map<string, ReturnType<typeof wooIndexFiles>>();
  madeForArchive.set(input.briefings, bySite);
  const site = String(input.site);
  let made = bySite.get(site);
  if (!made) bySite.set(site, (made = wooIndexFiles(input)));
  return made;
}

/** Absolute addresses of the sitemap indexes, for robots.txt. */
export function wooIndexSitemapIndexes(input: WooIndexInput): string[] {
  const offered = new Set(input.briefings.filter((briefing) => offeredToWooIndex(briefing.data.datum)).map((briefing) => WOO_CLASSIFICATION[briefing.data.type].category.uri));
  return WOO_CATEGORIES.filter((category) => offered.has(category.uri)).map((category) => new URL(url(sitemapIndexName(category)), input.site).href);
}
