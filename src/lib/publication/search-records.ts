/**
 * Search records for the files a briefing publishes (the signed original and
 * the attachments), next to the briefing pages Pagefind reads from the built
 * site. Each record links to the file, names the briefing it belongs to and
 * carries the briefing's filters. A PDF's text layer is its content, with the
 * text recognised in its scanned pages (OCR, stored beside the PDF) in their
 * place; other files, and scans never read, are found by their title.
 *
 * Runs after the build, outside Astro's content layer, so it reads the
 * briefings' frontmatter itself: only the frontmatter, because the check before
 * the build has already reported every mistake in it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import { briefingSchema, type BriefingData } from '../../schemas/briefing';
import { DOCUMENT_TYPES } from '../../schemas/document-types';
import { briefingFiles, isPublished, type PublishedFile } from '../content/attachments';
import { splitFrontmatter } from '../content/check';
import { loadOrganisations } from '../content/organisations';
import { readOcrText } from '../content/ocr-text';
import { displayPath } from '../content/paths';
import { fileDescription } from '../site/briefing-view';
import { searchFields } from '../site/search-fields';
import { briefingUrl } from '../site/urls';
import { pdfTextCache, type PdfTextCache } from './pdf-text-cache';
import { extractPdfText, pdfTextVersion, type PdfText } from './pdf-text';
import { publishable } from '../content/placeholders';

/**
 * At most this much of a file's text is indexed. Pagefind stores a record's
 * whole content in the fragment a browser downloads for every result it shows;
 * 200,000 characters (some 80 pages of prose, about 60 kB compressed) is what a
 * phone should download for one hit, and the opening pages of a document are
 * where its subject is named.
 */
export const MAX_RECORD_CHARS = 200_000;

/** What Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A file's record and the briefing it belongs to: the record goes into that briefing's search slice. */
export interface FileRecord {
  /** The briefing's id, as in its address `stukken/<id>/`. */
  briefing: string;
  record: SearchRecord;
}

export interface FileRecordsReport {
  records: FileRecord[];
  /** PDFs whose text was read in this build. */
  extracted: number;
  /** PDFs whose text came from the cache. */
  fromCache: number;
  /** Milliseconds spent reading PDFs. */
  extractMs: number;
}

export interface FileRecordsOptions {
  contentRoot: string;
  /**
   * The built site: only briefings with a page there get records, and a file
   * missing there stops the build. Undefined before the site is built: then
   * every file of a briefing that will be published gets one (the search index
   * plans its shards with them while the pages are made).
   */
  outDir: string | undefined;
  /** Where extracted text is kept between builds; without it every PDF is read. */
  cacheDir?: string;
  /** One line per file whose text could not be indexed. */
  warn(line: string): void;
}

/** The briefing files under content/stukken, as the content collection finds them. */
function briefingPaths(contentRoot: string): string[] {
  const root = join(contentRoot, 'stukken');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => join(root, name))
    .sort();
}

/** The frontmatter of a briefing that may publish files; undefined for one that publishes none or cannot be read. */
function readFrontmatter(path: string): BriefingData | undefined {
  const parts = splitFrontmatter(readFileSync(path, 'utf8'));
  if (!parts) return undefined;
  // Most letters publish no file: without either word their frontmatter need not be parsed (a tenth of the time in a large archive).
  if (!parts.frontmatter.includes('origineel') && !parts.frontmatter.includes('bijlagen')) return undefined;
  const parsed = briefingSchema.safeParse(load(parts.frontmatter) ?? {});
  // What the page shows: an attachment titled with a placeholder is "Bijlage 2" here too.
  return parsed.success ? publishable(parsed.data).data : undefined;
}

/** The link text of the letter header, so a result reads the same as the link on the page. */
function fileTitle(file: PublishedFile, data: BriefingData): string {
  const name = file.role === 'origineel' ? DOCUMENT_TYPES[data.type].original : file.titel;
  return `${name} (${fileDescription(file)})`;
}

/**
 * What a PDF's searchable text depends on: its bytes, and the OCR text stored
 * beside it, so a clerk's correction of the recognised text is indexed anew.
 */
function textKey(file: PublishedFile): string {
  if (!file.ocrText) return file.sha256;
  return createHash('sha256').update(`${file.sha256}\0${file.ocrText.sha256}`).digest('hex');
}

export async function fileSearchRecords(options: FileRecordsOptions): Promise<FileRecordsReport> {
  const organisations = loadOrganisations(join(options.contentRoot, 'organisaties'));
  const found: Array<{ id: string; data: BriefingData; file: PublishedFile }> = [];
  for (const path of briefingPaths(options.contentRoot)) {
    const id = basename(path).replace(/\.mdx?$/, '');
    if (options.outDir && !existsSync(join(options.outDir, 'stukken', id, 'index.html'))) continue;
    const data = readFrontmatter(path);
    if (!data) continue;
    const { original, attachments } = briefingFiles(data, path, options.contentRoot).files;
    for (const file of [original, ...attachments]) {
      if (!file || !isPublished(file)) continue;
      // A record for a file the site does not have would be a dead link in the results.
      if (options.outDir && !existsSync(join(options.outDir, 'stukken', id, file.name))) {
        throw new Error(`${displayPath(path)}: ${file.written} staat niet in de gebouwde site (stukken/${id}/${file.name})`);
      }
      found.push({ id, data, file });
    }
  }

  const pdfs = found.filter(({ file }) => file.extension === 'pdf');
  let cache: PdfTextCache | undefined;
  if (options.cacheDir && pdfs.length) cache = pdfTextCache(options.cacheDir, `${pdfTextVersion()}/${MAX_RECORD_CHARS}`);
  const texts = new Map<string, PdfText | undefined>();
  let extracted = 0;
  let fromCache = 0;
  const extractStarted = performance.now();
  for (const { id, file } of pdfs) {
    const key = textKey(file);
    if (texts.has(key)) continue;
    const where = `${displayPath(file.source)} (bij stukken/${id})`;
    let text = cache?.get(key);
    if (text) fromCache++;
    else {
      try {
        const recognised = file.ocrText ? readOcrText(file.source) : undefined;
        text = await extractPdfText(readFileSync(file.source), { maxChars: MAX_RECORD_CHARS, recognised });
        extracted++;
        cache?.set(key, text);
      } catch (error) {
        // The file passed the publication check (it is a real PDF) and readers' viewers are often more
        // lenient than pdf.js: it is still published, only its text is not searchable. Stopping the
        // build would hold back the whole archive for what is a search detail.
        options.warn(`${where}: pdf.js kan de tekst niet lezen (${(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}); alleen de titel is doorzoekbaar.`);
        texts.set(key, undefined);
        continue;
      }
    }
    texts.set(key, text);
    if (!text.text) {
      options.warn(
        file.ocrText
          ? `${where}: geen tekstlaag en de tekstherkenning vond geen tekst; alleen de titel is doorzoekbaar.`
          : `${where}: geen tekstlaag (een scan?); alleen de titel is doorzoekbaar. Lees de scan met \`npm run ocr\`, dan wordt ook de inhoud vindbaar.`,
      );
    }
  }
  const extractMs = performance.now() - extractStarted;
  cache?.keepOnly(new Set(pdfs.map(({ file }) => textKey(file))));

  const records = found.map(({ id, data, file }): FileRecord => {
    const fields = searchFields(data, organisations.get(data.organisatie) ?? { naam: data.organisatie });
    const title = fileTitle(file, data);
    const text = file.extension === 'pdf' ? texts.get(textKey(file))?.text : undefined;
    const record: SearchRecord = {
      // Relative to the site root like the pages Pagefind reads itself; the search page adds the base path.
      url: `/stukken/${id}/${file.name}`,
      content: text ? `${title}\n${text}` : title,
      language: 'nl',
      meta: { ...fields.meta, title, briefing: data.titel, briefingUrl: briefingUrl(id), fileRole: file.role },
      filters: fields.filters,
    };
    return { briefing: id, record };
  });
  return { records, extracted, fromCache, extractMs };
}
