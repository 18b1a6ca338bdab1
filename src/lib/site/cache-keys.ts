/**
 * Cache keys for Astro's incremental build. A page is copied from the previous
 * build instead of rendered only when its key is unchanged, so a key must cover
 * every piece of data the page shows. Astro itself tracks the code (the page's
 * module graph), the configuration (base path, site) and the lockfile; what it
 * cannot see are the files our own loaders read — datasets, organisations and
 * site settings — and the other briefings a page lists or links to.
 */
import { createHash } from 'node:crypto';
import type { Archive, Briefing } from '../content/archive';
import { getDataset, type Dataset } from '../datasets/load';
import { datasetModified } from '../publication/open-data';
import { loadSiteSettings } from '../content/site-settings';
import { buildDate } from './build-date';
import type { QuestionFilterValue, QuestionSet } from './questions';
import type { ListPage } from './pagination';

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/** What a briefing looks like in a list, a link or its own page: its content digest. */
function briefingDigest(briefing: Briefing): string {
  return String(briefing.digest ?? hash(briefing.data));
}

const datasetDigests = new WeakMap<Dataset, string>();
/** Everything a dataset shows: its parsed content (CSV rows included) and the date it was last changed. */
export function datasetDigest(dataset: Dataset): string {
  let digest = datasetDigests.get(dataset);
  if (!digest) {
    digest = hash([dataset, datasetModified(dataset)]);
    datasetDigests.set(dataset, digest);
  }
  return digest;
}

const settingsDigests = new WeakMap<Archive, string>();
/** The header, footer and lists of every page show the site settings and organisation names. */
function settingsDigest(archive: Archive): string {
  let digest = settingsDigests.get(archive);
  if (!digest) {
    digest = hash([loadSiteSettings(), [...archive.organisations]]);
    settingsDigests.set(archive, digest);
  }
  return digest;
}

/** A briefing's own page: the briefing, the briefings it links to and that link to it, the datasets it cites. */
export function briefingPageKey(archive: Archive, briefing: Briefing): string {
  const related = (archive.related.get(briefing.id) ?? []).map((other) => [other.id, briefingDigest(other)]);
  const datasets = briefing.data.bodyFacts.datasets.map((id) => {
    const dataset = getDataset(id);
    return [id, dataset ? datasetDigest(dataset) : null];
  });
  // The header shows each file's name, type and size, and says when its text was read from a scan: a replaced PDF or new OCR text must reach the page.
  const { original, attachments } = archive.files.get(briefing.id) ?? { attachments: [] };
  const files = [original, ...attachments].map((file) => (file && 'sha256' in file ? [file.name, file.sha256, !!file.ocrText] : file?.titel));
  return hash([settingsDigest(archive), briefingDigest(briefing), related, datasets, files]);
}

/** One page of a listing: which briefings are on it, in which order, and where it sits among the pages. */
export function listingPageKey(
  archive: Archive,
  listing: { key: string; title: string; description?: string },
  page: ListPage<Briefing>,
): string {
  const items = page.data.map((briefing) => [briefing.id, briefingDigest(briefing)]);
  return hash([settingsDigest(archive), listing.key, listing.title, listing.description, ...pagePlace(page), items]);
}

/** A dataset's own page and downloads: the dataset and the briefings that cite it. */
export function datasetPageKey(archive: Archive, dataset: Dataset): string {
  const citing = (archive.citations.get(dataset.id) ?? []).map((briefing) => [briefing.id, briefingDigest(briefing)]);
  return hash([settingsDigest(archive), datasetDigest(dataset), citing]);
}

/** A dataset's downloads (CSV and JSON): the dataset and the publisher and licence from the site settings. */
export function downloadKey(dataset: Dataset): string {
  return hash([loadSiteSettings(), datasetDigest(dataset)]);
}

const shownParts = new WeakMap<object, string>();

/**
 * JSON of what a register page shows, with every briefing in it as its id and
 * content digest, and every other thing with an id (a question set, a motion)
 * as the digest of its own JSON, worked out once: the same set stands on a page
 * of the whole register and on pages of its fractie, member, topic and status,
 * and at 100,000 briefings writing it out again for each took seconds.
 */
function shownJson(shown: unknown): string {
  return JSON.stringify(shown, (key, value: unknown) => {
    if (key === '' || !value || typeof value !== 'object' || Array.isArray(value) || !('id' in value)) return value;
    if ('data' in value && 'collection' in value) return [(value as Briefing).id, briefingDigest(value as Briefing)];
    let digest = shownParts.get(value);
    if (!digest) shownParts.set(value, (digest = hash(shownJson(value))));
    return digest;
  });
}

function shownDigest(shown: unknown): string {
  return hash(shownJson(shown));
}

/** Where a page sits among its list's pages; the list's length only on the first page, the one that shows it. */
function pagePlace(page: ListPage<unknown>) {
  return [page.currentPage, page.lastPage, page.currentPage === 1 ? page.total : null];
}

/** What a paginated list of question sets shows about its page: which sets, with their verdicts, and where the page sits. */
function questionPage(page: ListPage<QuestionSet<Briefing>>) {
  return [...pagePlace(page), page.data];
}

/**
 * A page of a fractie or raadslid: its question sets. A verdict on an open
 * question counts days to the build date and is part of the set, so a page
 * changes with the date only when it shows an open question.
 */
export function questionListKey(archive: Archive, owner: unknown, page: Parameters<typeof questionPage>[0]): string {
  return hash([settingsDigest(archive), shownDigest([owner, questionPage(page)])]);
}

/**
 * A page of the question register: its sets, the build date it states, and
 * every filter with its number of sets (shown on every page); the first page of
 * the whole register also draws the figures per year of all sets.
 */
export function questionRegisterKey(
  archive: Archive,
  register: { term: number; filters: readonly QuestionFilterValue[]; all: readonly QuestionSet<Briefing>[]; current?: QuestionFilterValue },
  page: Parameters<typeof questionPage>[0],
): string {
  // Only the first page of a list shows how many sets each filter holds.
  const filters = register.filters.map((value) => [value.filter, value.key, value.label, page.currentPage === 1 ? value.sets.length : null]);
  const current = register.current && [register.current.filter, register.current.key, register.current.label];
  const figures = !register.current && page.currentPage === 1 ? register.all : undefined;
  return hash([settingsDigest(archive), buildDate(), register.term, filters, current, shownDigest([questionPage(page), figures])]);
}

/** A motion's own page, or the motions register: the motions with their letters. */
export function motionsKey(archive: Archive, shown: unknown): string {
  return hash([settingsDigest(archive), shownDigest(shown)]);
}
