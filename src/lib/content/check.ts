/**
 * Checks the whole archive without building it: frontmatter, organisations,
 * datasets, references between briefings and the datasets the bodies cite.
 * Collects every problem instead of stopping at the first.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { briefingSchema, type BriefingData } from '../../schemas/briefing';
import { briefingFiles, type BriefingFiles, type FileProblem } from './attachments';
import { checkArchiveLinks, checkBodyTree, parseBody, PLACEHOLDER_MARK, type ArchiveLink } from './body-check';
import { readDatasets, readText, type Dataset } from '../datasets/load';
import { ContentError, ContentErrors, type ContentErrorDetails } from '../errors/content-error';
import { loadOrganisations } from './organisations';
import { contentDir, dataDir, displayPath } from './paths';
import { privacyWarnings } from './privacy';
import { registerProblems } from './register-check';
import { describeDiscrepancy, verifyTotals } from '../datasets/totals';
import { parseYaml } from '../formats/yaml';
import { issuesToErrors } from '../errors/zod';
import { wooIndexDateWarning } from '../publication/diwoo';
import { forgetCheckedBriefings, keepCheckedBriefing } from './checked-briefings';
import { publishable } from './placeholders';
import { checkMemo } from './check-memo';
import { savePdfVerdicts } from './pdf-verdicts';
import { createHash } from 'node:crypto';

export interface CheckedBriefing {
  id: string;
  file: string;
  /** Bytes on disk. */
  size: number;
  data: BriefingData;
  /** The whole file, frontmatter included. */
  text: string;
  body: string;
  /** Line of the first body line in the file. */
  bodyLine: number;
  /** The signed original and the attachments, checked. */
  files: BriefingFiles;
}

export interface CheckResult {
  errors: ContentErrorDetails[];
  /** Problems that do not stop publication, such as totals that do not add up in the source. */
  warnings: ContentErrorDetails[];
  briefings: CheckedBriefing[];
  datasets: Map<string, Dataset>;
}

/** Splits `---\n…\n---` frontmatter from the body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const frontmatter = match[1];
  return { frontmatter, body: text.slice(match[0].length), bodyLine: frontmatter.split('\n').length + 3 };
}

function listFiles(dir: string, pattern: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** Every briefing file under content/stukken, in a stable order: the check and the content loader read the same set. */
export function briefingPaths(contentRoot: string = contentDir()): string[] {
  return listFiles(join(contentRoot, 'stukken'), /\.mdx?$/i).sort();
}

/** ['bijlagen', 1, 'bestand'] → "bijlagen[2].bestand", counted the way a clerk counts. */
const fieldName = (field: ReadonlyArray<string | number>) => field.map((part, i) => (typeof part === 'number' ? `[${part + 1}]` : i ? `.${part}` : part)).join('');

/** A briefing whose frontmatter could not be read: its body is still checked, so every problem shows at once. */
export type UncheckedBody = Pick<CheckedBriefing, 'id' | 'file' | 'body' | 'bodyLine'>;

export function readBriefing(
  path: string,
  contentRoot: string = contentDir(),
): { briefing?: CheckedBriefing; bodyOnly?: UncheckedBody; errors: ContentErrorDetails[]; warnings: ContentErrorDetails[] } {
  const file = displayPath(path);
  const id = path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
  let text: string;
  try {
    text = readText(path, file);
  } catch (error) {
    if (error instanceof ContentError) return { errors: [error.details], warnings: [] };
    throw error;
  }
  if (text.trim() === '') {
    return { errors: [{ file, message: 'het bestand is leeg', hint: 'Maak een nieuw stuk met `npm run new`, dan staat de voorkant er al in.' }], warnings: [] };
  }
  const parts = splitFrontmatter(text);
  if (!parts) {
    return {
      errors: [{ file, line: 1, message: 'de voorkant (frontmatter) ontbreekt of is niet afgesloten', hint: 'Een stuk begint met een regel ---, dan de velden (type:, titel:, …) en weer een regel ---.' }],
      warnings: [],
    };
  }
  try {
    const { data, locate } = parseYaml(parts.frontmatter, file);
    const located = (path: ReadonlyArray<string | number>) => {
      const at = locate(path);
      return at ? { line: at.line + 1, column: at.column } : undefined;
    };
    const result = briefingSchema.safeParse(data ?? {});
    if (!result.success) return { errors: issuesToErrors(result.error.issues, file, located), warnings: [], bodyOnly: { id, file, body: parts.body, bodyLine: parts.bodyLine } };
    const { files, problems } = briefingFiles(result.data, path, contentRoot);
    const report = (severity: FileProblem['severity']) =>
      problems.filter((p) => p.severity === severity).map((p): ContentErrorDetails => ({ file, ...located(p.field), message: `${fieldName(p.field)}: ${p.message}`, hint: p.hint, ...(severity === 'warning' ? { review: true } : {}) }));
    return {
      briefing: { id, file, size: Buffer.byteLength(text), data: result.data, text, body: parts.body, bodyLine: parts.bodyLine, files },
      errors: report('error'),
      warnings: report('warning'),
    };
  } catch (error) {
    if (error instanceof ContentError) {
      // The YAML parser counts from the first frontmatter line; the file has a --- above it.
      const d = error.details;
      // A clerk knows this part as the frontmatter, not as a YAML file.
      const message = d.message.replace(/^het YAML-bestand is niet leesbaar/, 'de voorkant (frontmatter) is niet leesbaar');
      return { errors: [{ ...d, message, line: d.line ? d.line + 1 : undefined }], warnings: [], bodyOnly: { id, file, body: parts.body, bodyLine: parts.bodyLine } };
    }
    throw error;
  }
}

/** What checking one body found, as the memo keeps it. */
interface BodyAnswer {
  anchors: string[];
  errors: ContentErrorDetails[];
  warnings: ContentErrorDetails[];
  links: ArchiveLink[];
}

const LARGE_FILE = 500_000;
const TOO_LARGE_FILE = 2_000_000;

export function checkArchive(options: { contentRoot?: string; dataRoot?: string } = {}): CheckResult {
  const contentRoot = options.contentRoot ?? contentDir();
  const errors: ContentErrorDetails[] = [];

  const { datasets, problems, reviews } = readDatasets(options.dataRoot ?? dataDir());
  errors.push(...problems);

  let organisations = new Map<string, unknown>();
  try {
    organisations = loadOrganisations(join(contentRoot, 'organisaties'));
  } catch (error) {
    if (error instanceof ContentErrors) errors.push(...error.problems);
    else throw error;
  }

  // Placeholders in datasets: left out of the site, listed for the clerk by file and line.
  const warnings: ContentErrorDetails[] = [...reviews];
  const briefings: CheckedBriefing[] = [];
  const bodiesOnly: UncheckedBody[] = [];
  const seenIds = new Map<string, string>();
  forgetCheckedBriefings();
  for (const path of briefingPaths(contentRoot)) {
    // Not even read: a file of megabytes was pasted by accident, and parsing it would only cost time.
    const size = statSync(path).size;
    if (size > TOO_LARGE_FILE) {
      errors.push({ file: displayPath(path), message: `het bestand is te groot (${(size / 1e6).toFixed(1)} MB); een stuk is normaal enkele kilobytes`, hint: 'Waarschijnlijk is er per ongeluk veel tekst of een bijlage in geplakt. Zet tabellen in data/ en een bijlage als eigen bestand naast het stuk (bijlagen: in de voorkant).' });
      continue;
    }
    const { briefing, bodyOnly, errors: found, warnings: cautions } = readBriefing(path, contentRoot);
    errors.push(...found);
    warnings.push(...cautions);
    if (bodyOnly) bodiesOnly.push(bodyOnly);
    if (!briefing) continue;
    const other = seenIds.get(briefing.id);
    if (other) {
      errors.push({ file: briefing.file, message: `de bestandsnaam "${briefing.id}" bestaat al (${other}); het adres zou dubbel zijn`, hint: 'Geef het stuk een andere bestandsnaam.' });
      continue;
    }
    seenIds.set(briefing.id, briefing.file);
    briefings.push(briefing);
    keepCheckedBriefing(path, briefing);
  }

  const byId = new Map(briefings.map((b) => [b.id, b]));
  const kenmerken = new Map<string, string>();
  for (const briefing of briefings) {
    const { data, file } = briefing;
    if (organisations.size && !organisations.has(data.organisatie)) {
      errors.push({ file, message: `organisatie "${data.organisatie}" bestaat niet`, hint: `Bekende organisaties: ${[...organisations.keys()].join(', ')}.` });
    }
    for (const target of data.gerelateerd) {
      if (!byId.has(target)) {
        errors.push({ file, message: `gerelateerd stuk "${target}" bestaat niet`, hint: 'Gebruik de bestandsnaam van het andere stuk, zonder .md of .mdx.' });
      }
    }
    // Partial decisions in one case share the case's number, so a kenmerk may recur; with the same date and type it is likely one letter twice.
    const kenmerk = data.kenmerk?.replace(/\s+/g, '').toUpperCase();
    if (kenmerk) {
      const key = `${kenmerk}\0${JSON.stringify(data.datum)}\0${data.type}`;
      const other = kenmerken.get(key);
      if (other) {
        warnings.push({ file, message: `kenmerk ${data.kenmerk} staat ook in ${other}, met dezelfde datum en soort: staat hetzelfde stuk er twee keer in?`, hint: 'Is het hetzelfde stuk, verwijder dan één van beide. Zijn het verschillende stukken (bijvoorbeeld twee deelbesluiten in één zaak), dan klopt het zo.', review: true });
      } else kenmerken.set(key, file);
    }
  }

  // Bodies: parsed once with the build's own parser and checked at once, so no parsed
  // body is kept (a hundred thousand of them would not fit in memory); links to
  // other briefings are checked at the end, with every heading known.
  const anchors = new Map<string, ReadonlySet<string>>();
  const archiveLinks: ArchiveLink[] = [];
  const datasetIds = new Set([...datasets.keys(), ...problems.map((p) => p.file.replace(/^.*\//, '').replace(/\.(ya?ml|csv)$/, ''))]);
  // A body's answer depends on its text, where it sits, and which datasets exist: unchanged, it comes from the memo.
  const memo = checkMemo(contentRoot);
  const datasetDigest = createHash('sha256').update([...datasetIds].sort().join('\n')).digest('hex');
  const checkBody = (briefing: UncheckedBody) => {
    const isMdx = briefing.file.endsWith('.mdx');
    const inputs = [briefing.file, String(briefing.bodyLine), String(isMdx), datasetDigest, briefing.body];
    let answer = memo.get<BodyAnswer>('tekst', inputs);
    if (!answer) {
      const body = parseBody(briefing.body, isMdx, briefing.file, briefing.bodyLine);
      const links: ArchiveLink[] = [];
      const found = body.tree ? checkBodyTree(body.tree, { source: briefing.body, file: briefing.file, bodyLine: briefing.bodyLine, isMdx, datasets: datasetIds, anchors: links, ownAnchors: body.anchors }) : { errors: [], warnings: [] };
      answer = { anchors: [...body.anchors], errors: [...body.errors, ...found.errors], warnings: found.warnings, links };
      memo.set('tekst', inputs, answer);
    }
    anchors.set(briefing.id, new Set(answer.anchors));
    errors.push(...answer.errors);
    warnings.push(...answer.warnings);
    archiveLinks.push(...answer.links);
  };
  bodiesOnly.forEach(checkBody);
  const texts = new Map<string, string>();
  for (const briefing of briefings) {
    checkBody(briefing);
    // Every line of the frontmatter, comments included: the template marks dates it cannot guess in a comment.
    const text = briefing.text;
    texts.set(briefing.file, text);
    const notOffered = wooIndexDateWarning(briefing.file, briefing.data.datum, text);
    if (notOffered) warnings.push({ ...notOffered, review: true });
    const shown = publishable(briefing.data);
    if (!shown.data) {
      warnings.push({
        file: briefing.file,
        message: `wordt nog niet gepubliceerd: ${shown.missing.join(', ')} ${shown.missing.length === 1 ? 'is' : 'zijn'} nog niet ingevuld (${PLACEHOLDER_MARK} … ])`,
        hint: 'Vul de echte gegevens in; daarna komt het stuk bij de volgende bouw online. Andere velden met voorbeeldtekst worden weggelaten tot ze zijn ingevuld.',
        review: true,
      });
    }
    text.split('\n').slice(0, briefing.bodyLine - 1).forEach((line, index) => {
      const column = line.indexOf(PLACEHOLDER_MARK);
      if (column === -1) return;
      warnings.push({ file: briefing.file, line: index + 1, column: column + 1, message: 'in de voorkant staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)', hint: `Vervang ${PLACEHOLDER_MARK}: … ] door de echte gegevens (en haal een commentaar met # erachter weg).`, review: true });
    });
    if (briefing.size > LARGE_FILE) {
      warnings.push({ file: briefing.file, message: `het bestand is erg groot (${(briefing.size / 1e6).toFixed(1)} MB)`, hint: 'Controleer of er geen tekst dubbel of per ongeluk is geplakt; deel een heel lang stuk anders op.' });
    }
  }
  checkArchiveLinks(archiveLinks, anchors, errors);
  warnings.push(
    ...privacyWarnings(
      briefings.map((b) => ({
        file: b.file,
        type: b.data.type,
        text: texts.get(b.file)!,
        officeNames: [...(b.data.ondertekening?.personen ?? []).map((p) => p.naam), b.data.vragen?.gesteldDoor.soort === 'raadslid' ? b.data.vragen.gesteldDoor.naam : undefined].filter((n): n is string => !!n),
      })),
      memo,
    ),
  );
  memo.save();
  savePdfVerdicts();
  for (const dataset of datasets.values()) {
    if (dataset.soort !== 'tabel') continue;
    for (const d of verifyTotals(dataset)) {
      const confirmed = dataset.totalenZoalsInBron;
      warnings.push({
        file: dataset.rowsFile ?? dataset.file,
        line: dataset.rows[d.rowIndex]?.line,
        message: `totaal klopt niet: ${describeDiscrepancy(d, dataset)}${confirmed ? ' (zo in de bron, bevestigd met totalenZoalsInBron)' : ''}`,
        hint: confirmed
          ? 'De site meldt het onder de tabel. Blijkt het toch een tikfout, verbeter dan het cijfer.'
          : 'Staat het zo in de bron, laat het dan staan en zet totalenZoalsInBron: true in de dataset: de site meldt het onder de tabel, en een strikte bouw gaat door. Is het een tikfout, verbeter dan het cijfer.',
        ...(confirmed ? { review: true } : {}),
      });
    }
  }
  // Grouped per file, in line order, so a clerk fixes one file at a time.
  const byPlace = (a: ContentErrorDetails, b: ContentErrorDetails) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  errors.push(...registerProblems(briefings));
  return { errors: errors.sort(byPlace), warnings: warnings.sort(byPlace), briefings, datasets };
}
