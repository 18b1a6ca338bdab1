/**
 * Writes a composed briefing into the archive: the briefing, its datasets,
 * its images and its original, each under a name nobody has yet. Everything
 * is checked against the content model first; if any file cannot be written,
 * the files already written are removed again, so nothing is half-imported.
 */
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { briefingSchema } from '../../schemas/briefing';
import { tableDatasetSchema } from '../../schemas/dataset';
import { placeFile, type IncomingFile } from '../content/intake';
import { fill, freeFileName, originalFileName, scaffoldFileBase } from '../content/scaffold';
import { ImportProblem } from './blocks';
import { IMPORTED_FROM, IMPORTED_TEXT } from './archive-index';
import type { ComposedBriefing } from './compose-briefing';

export interface WrittenImport {
  briefing: string;
  datasets: string[];
  images: string[];
  original?: { path: string; reused: boolean };
}

/** A name in `folder` that no file has: base, base-2, base-3, … */
function freeName(folder: string, base: string, extension: string): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${extension}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

const describeIssues = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) => issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

export function writeImportedBriefing(composed: ComposedBriefing, source: { sha256: string; textSha256?: string; original?: IncomingFile }, roots: { content: string; data: string }): WrittenImport {
  const folder = join(roots.content, 'stukken');
  const filesFolder = join(folder, 'bijlagen');
  mkdirSync(folder, { recursive: true });
  mkdirSync(roots.data, { recursive: true });
  const name = freeFileName(folder, scaffoldFileBase({ type: composed.type, organisatie: composed.organisatie, titel: composed.titel.replace(/\[VUL IN:[^\]]*\]/g, ''), datum: composed.datum }) || composed.organisatie, '.md');
  const id = name.replace(/\.md$/, '');

  const datasetIds: string[] = [];
  for (let n = 1; n <= composed.datasets.length; n++) {
    let candidate = freeName(roots.data, `${id}-tabel-${n}`, '.yaml').replace(/\.yaml$/, '');
    while (datasetIds.includes(candidate)) candidate += '-x';
    datasetIds.push(candidate);
  }
  const withIds = (text: string) => text.replace(/\{\{dataset:(\d+)\}\}/g, (_, n: string) => datasetIds[Number(n) - 1]!);

  const imageNames = composed.images.map((image, i) => freeName(filesFolder, `${id}-afbeelding-${i + 1}`, `.${image.extension}`));
  let body = withIds(composed.body);
  composed.images.forEach((image, i) => {
    const alt = image.alt?.replace(/[[\]\\]/g, '') ?? '';
    body = body.replace(image.token, `![${alt}](bijlagen/${imageNames[i]})${alt ? '' : `\n\n${fill(`beschrijf afbeelding ${i + 1} voor wie haar niet kan zien`)}`}`);
  });

  const frontmatter: Record<string, unknown> = { ...composed.frontmatter };
  const originalName = source.original && originalFileName(name, composed.type, source.original.extension);
  if (originalName) frontmatter.origineel = `bijlagen/${originalName}`;

  let yaml = dump(frontmatter, { lineWidth: 120 }).trimEnd();
  for (const { line, comment } of composed.comments) yaml = yaml.split('\n').map((l) => (line.test(l) ? `${l}  # ${comment}` : l)).join('\n');
  yaml += `\n${IMPORTED_FROM} ${source.sha256}`;
  if (source.textSha256) yaml += `\n${IMPORTED_TEXT} ${source.textSha256}`;
  const text = `---\n${yaml}\n---\n\n${body}`;

  // Checked before writing: an import that the content model refuses writes nothing.
  const parsed = briefingSchema.safeParse(load(yaml));
  if (!parsed.success) throw new ImportProblem(`het stuk zou niet kloppen (${describeIssues(parsed.error.issues)})`, 'Importeer de brief met --type en --organisatie, of maak het stuk met npm run new.');
  const datasetTexts = composed.datasets.map((draft) => {
    const data = JSON.parse(withIds(JSON.stringify(draft.data)));
    const checked = tableDatasetSchema.safeParse(data);
    if (!checked.success) throw new ImportProblem(`een tabel uit de brief past niet in een dataset (${describeIssues(checked.error.issues)})`, 'Neem de tabel met de hand over in data/ (zie “Een tabel toevoegen”).');
    return dump(data, { lineWidth: 120, flowLevel: 2 });
  });

  const written: string[] = [];
  const write = (path: string, content: string | Buffer) => {
    writeFileSync(path, content, { flag: 'wx' });
    written.push(path);
  };
  try {
    const datasets = datasetTexts.map((content, i) => {
      const path = join(roots.data, `${datasetIds[i]}.yaml`);
      write(path, content);
      return path;
    });
    if (composed.images.length) mkdirSync(filesFolder, { recursive: true });
    const images = composed.images.map((image, i) => {
      const path = join(filesFolder, imageNames[i]!);
      write(path, image.data);
      return path;
    });
    let original: WrittenImport['original'];
    if (source.original && originalName) {
      const placed = placeFile(source.original, filesFolder, originalName);
      if (!placed.reused) written.push(join(filesFolder, placed.name));
      if (placed.name !== originalName) frontmatter.origineel = `bijlagen/${placed.name}`;
      original = { path: join(filesFolder, placed.name), reused: placed.reused };
    }
    const briefing = join(folder, name);
    write(briefing, original && frontmatter.origineel !== `bijlagen/${originalName}` ? text.replace(`origineel: bijlagen/${originalName}`, `origineel: ${frontmatter.origineel as string}`) : text);
    return { briefing, datasets, images, original };
  } catch (error) {
    for (const path of written.reverse()) rmSync(path, { force: true });
    throw error;
  }
}
