/**
 * `npm run bench -- 10000`: generates a synthetic archive of N briefings with a
 * realistic mix — answers to questions of council members and residents (some
 * with a table), written questions and their answers within or past the term,
 * motions with successive letters on their progress, raadsinformatiebrieven
 * with a signed original, PDF attachments and one not public, commitments made
 * and later closed, half-year reports in MDX with tables, charts and stoplights;
 * over forty years (1986–2026) and five organisations, with one year far larger than the
 * others (up to 5,000 letters, at most half the archive) and 15% of the letters
 * without a known date; the same every run — builds it with Raadsarchief and
 * with a bare Astro project over the same files, and reports wall time, peak
 * memory, pages per second, output size and the ratio of the two; then adds one
 * letter and times the rebuild.
 *
 * then measures the search on the rebuilt site (`npm run bench:search`).
 *
 * Every size runs as a series: 1,000, 10,000, … up to the size asked, each
 * measured on its own and then printed side by side (`--alleen`: only the size
 * asked). Options: --skip-bare, --skip-rebuild, --skip-search, --keep (leave
 * the generated folders), --uitkomst <file> (the figures as JSON; for a
 * series, one entry per size).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BIG_YEAR, BIG_YEAR_LETTERS, FIRST_YEAR, LAST_YEAR, ORGANISATIONS, random, TOPICS, UNDATED_SHARE, textOf } from './lib/bench-words';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'skip-bare': { type: 'boolean' },
    'skip-rebuild': { type: 'boolean' },
    'skip-search': { type: 'boolean' },
    keep: { type: 'boolean' },
    alleen: { type: 'boolean' },
    uitkomst: { type: 'string' },
  },
});
const count = Number(positionals[0] ?? 1000);
/** The last day of the generated archive; the rebuild adds a letter of the day after. */
const LAST_DAY = `${LAST_YEAR}-11-21`;
const NEW_LETTER_DAY = `${LAST_YEAR}-11-22`;
if (!Number.isInteger(count) || count < 1) {
  console.error('Gebruik: npm run bench -- <aantal stukken>, bijvoorbeeld npm run bench -- 10000');
  process.exit(1);
}

const projectRoot = resolve(import.meta.dirname, '..');

// The series: 1,000, 10,000, … up to the size asked, each measured on its own and then shown side by side.
const series = [1000, 10_000, 100_000, 1_000_000].filter((size) => size < count);
if (!values.alleen && series.length > 0) {
  const summaries: SizeSummary[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'raadsarchief-bench-reeks-'));
  // Every option but the size and --uitkomst, which names the series' file: each size writes its own.
  const passed = process.argv.slice(2).filter((arg, i, all) => !/^\d+$/.test(arg) && !arg.startsWith('--uitkomst') && all[i - 1] !== '--uitkomst');
  for (const size of [...series, count]) {
    console.log(`\n=== ${size.toLocaleString('nl-NL')} stukken ===\n`);
    const file = join(folder, `${size}.json`);
    spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'scripts/bench.ts'), String(size), '--alleen', '--uitkomst', file, ...passed], { stdio: 'inherit' });
    if (existsSync(file)) summaries.push(JSON.parse(readFileSync(file, 'utf8')) as SizeSummary);
  }
  rmSync(folder, { recursive: true, force: true });
  printSeries(summaries);
  if (values.uitkomst) writeFileSync(values.uitkomst, JSON.stringify(summaries));
  process.exit(summaries.length === series.length + 1 && summaries.every((s) => s.ok) ? 0 : 1);
}

const work = mkdtempSync(join(tmpdir(), `raadsarchief-bench-${count}-`));

const rand = random(20261122);
const { pick, int, sentence, paragraph } = textOf(rand);

/** A small, valid PDF with a text layer, different for every letter (the search reads its text). */
function pdf(lines: string[]): Buffer {
  const text = lines.map((line, i) => `${i ? '0 -16 Td ' : ''}(${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj`).join(' ');
  const stream = `BT /F1 11 Tf 72 770 Td ${text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function generate(root: string) {
  const content = join(root, 'content');
  const data = join(root, 'data');
  mkdirSync(join(content, 'organisaties'), { recursive: true });
  mkdirSync(data, { recursive: true });
  writeFileSync(join(content, 'site.yaml'), 'naam: Raadsarchief (benchmark)\nomschrijving: Gegenereerd archief voor metingen.\nuitgever: Benchmark\n');
  ORGANISATIONS.forEach((id, i) => {
    writeFileSync(join(content, 'organisaties', `${id}.yaml`), id === 'twente' ? 'naam: Regio Twente\nsoort: samenwerkingsverband\n' : `naam: Gemeente ${id}\nsoort: gemeente\ncbsCode: GM${String(100 + i).padStart(4, '0')}\n`);
  });

  let datasets = 0;
  const table = () => {
    const id = `tabel-${++datasets}`;
    const rows = Array.from({ length: int(3, 12) }, (_, i) => `  - [Rij ${i + 1}, ${int(1, 5000)}, ${int(1000, 900000)}, ${(rand() * 100).toFixed(1)}]`);
    writeFileSync(
      join(data, `${id}.yaml`),
      `titel: Tabel ${datasets}\nbron: Benchmarkbron\nperiode: "2024"\ngrafiek: { soort: staaf, x: naam, reeksen: [aantal] }\nkolommen:\n  - { id: naam, label: Naam, type: tekst }\n  - { id: aantal, label: Aantal, type: aantal }\n  - { id: bedrag, label: Bedrag, type: bedrag }\n  - { id: aandeel, label: Aandeel, type: percentage }\nrijen:\n${rows.join('\n')}\n`,
    );
    return id;
  };
  const statusOverview = () => {
    const id = `status-${++datasets}`;
    const themes = ['Ambulant', 'Pleegzorg', 'Verblijf', 'Crisis'].map((t) => `  - { id: ${t.toLowerCase()}, thema: ${t}, ontwikkeling: ${sentence()}, streefbeeld: ${sentence()}, status: ${pick(['rood', 'oranje', 'groen'])}, herkomst: bron }`);
    writeFileSync(join(data, `${id}.yaml`), `soort: statusoverzicht\ntitel: Statusoverzicht ${datasets}\nbron: Benchmarkbron\nperiode: "2024"\nthemas:\n${themes.join('\n')}\n`);
    return id;
  };

  const kenmerken = new Set<string>();
  const newKenmerk = (year: number | undefined) => {
    let kenmerk: string;
    do kenmerk = `UIT-${year ?? ''}${int(100000, 999999)}`;
    while (kenmerken.has(kenmerk));
    kenmerken.add(kenmerk);
    return kenmerk;
  };
  // The archive as it stands on LAST_DAY: no answer or progress letter runs past it, so the rebuild's new letter (the day after) is the newest.
  const notAfterLastDay = (date: string) => (date > LAST_DAY ? LAST_DAY : date);
  const day = (year: number) => notAfterLastDay(`${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`);
  const later = (date: string, min: number, max: number) => notAfterLastDay(new Date(Date.parse(`${date}T12:00:00Z`) + int(min, max) * 86_400_000).toISOString().slice(0, 10));
  const stukken = join(content, 'stukken');
  const bijlagen = join(stukken, 'bijlagen');
  mkdirSync(bijlagen, { recursive: true });
  // The search index has a shard for the undated letters and shards of years; each must build at any size, so the
  // archive always has a shard of thousands of pages: letters are put in the big year, and (where a letter can
  // lack a date) left undated, whenever these fall behind their share of the letters written so far.
  const bigTarget = Math.min(BIG_YEAR_LETTERS, Math.floor(count / 2));
  const undatedTarget = Math.round(count * UNDATED_SHARE);
  let placedInBigYear = 0;
  let placing = false;
  let inBigYear = 0;
  let undated = 0;
  const behind = (done: number, target: number) => done < (target * (written + 1)) / count;
  const write = (name: string, frontmatter: string, body: string) => {
    writeFileSync(join(stukken, name), `---\n${frontmatter.trim()}\n---\n${body}`);
    const datum = /^datum: (\S+)$/m.exec(frontmatter)![1]!;
    if (datum === 'onbekend') undated++;
    else if (datum.startsWith(`${BIG_YEAR}-`)) {
      inBigYear++;
      if (placing) placedInBigYear++;
    }
  };
  const signature = 'ondertekening: { namens: College van burgemeester en wethouders, personen: [{ functie: burgemeester, naam: B. Burgemeester }] }';
  const questionsBody = (from: number, to: number) => Array.from({ length: int(from, to) }, (_, q) => `## Vraag ${q + 1}\n\n> ${sentence()}\n\n${paragraph()}\n`);
  const member = () => ({ naam: `Raadslid ${int(1, 200)}`, fractie: `Fractie ${int(1, 12)}` });

  // Motions and commitments run across letters: later letters report on earlier ones.
  const motions: { titel: string; aangenomen: string; indieners: string[]; letters: number }[] = [];
  const openCommitments: { id: string; year: number }[] = [];
  let written = 0;
  for (let n = 1; written < count; n++) {
    const organisation = pick(ORGANISATIONS);
    const topics = `[${pick(TOPICS)}, ${pick(TOPICS)}]`;
    const roll = rand();
    // Motion letters take their dates from the motion; a report, a letter with commitments and written
    // questions need a year. Answers to questions and raadsinformatiebrieven may lack a date.
    const mayLackDate = (roll >= 0.04 && roll < 0.14) || roll >= 0.32 || (roll >= 0.2 && written + 1 >= count);
    placing = !(roll >= 0.14 && roll < 0.2) && behind(placedInBigYear, bigTarget);
    const dated = placing || !mayLackDate || !behind(undated, undatedTarget);
    const year = placing ? BIG_YEAR : int(FIRST_YEAR, LAST_YEAR);
    const date = dated ? day(year) : 'onbekend';
    const subject = pick(TOPICS);
    // File names (and so addresses) as an import makes them: organisation, the year when known, the subject.
    const name = (what: string, on = date) => `${organisation}${on === 'onbekend' ? '' : `-${on.slice(0, 4)}`}-${what}-${subject}-${n}`;
    if (roll < 0.04) {
      // A half-year report: tables, a chart, a status overview with stoplights.
      const tableId = table();
      const statusId = statusOverview();
      const sections = ['Ambulant', 'Pleegzorg', 'Verblijf', 'Crisis'].map((t) => `## ${t}\n\n${paragraph()} Status: <Stoplight status="${pick(['rood', 'oranje', 'groen'])}" />.\n`);
      write(
        `${name('halfjaarrapportage')}.mdx`,
        `type: rapportage\ntitel: Rapportage ${n} over ${subject}\norganisatie: ${organisation}\ndatum: ${date}\nkenmerk: ${newKenmerk(year)}\nperiode: { jaar: ${year}, deel: tweede-helft }\nonderwerpen: ${topics}`,
        `## Samenvatting\n\n${paragraph()}\n\n<StatusOverview dataset="${statusId}" />\n\n<StoplightLegend />\n\n<DataTable dataset="${tableId}" />\n\n<Chart dataset="${tableId}" />\n\n${sections.join('\n')}`,
      );
      written++;
    } else if (roll < 0.14) {
      // A raadsinformatiebrief with its signed original and attachments, one not public; it may make or close a commitment.
      const id = name('raadsinformatiebrief');
      const original = `${id}-ondertekend.pdf`;
      writeFileSync(join(bijlagen, original), pdf([`Raadsinformatiebrief ${n}`, sentence(), sentence(), sentence()]));
      const attachments = Array.from({ length: int(1, 2) }, (_, a) => {
        const file = `${id}-bijlage-${a + 1}.pdf`;
        writeFileSync(join(bijlagen, file), pdf([`Bijlage ${a + 1} bij raadsinformatiebrief ${n}`, sentence(), sentence()]));
        return `  - { titel: Bijlage ${a + 1}, bestand: bijlagen/${file} }`;
      });
      attachments.push('  - { titel: Vertrouwelijke rapportage, opmerking: niet openbaar wegens bedrijfsgegevens }');
      const lines = [`type: raadsinformatiebrief`, `titel: Raadsinformatiebrief ${n} over ${subject}`, `organisatie: ${organisation}`, `datum: ${date}`, `kenmerk: ${newKenmerk(dated ? year : undefined)}`, `onderwerpen: ${topics}`, signature, `origineel: bijlagen/${original}`, `bijlagen:\n${attachments.join('\n')}`];
      const closable = dated ? openCommitments.findIndex((c) => c.year < year) : -1;
      if (closable !== -1 && rand() < 0.5) lines.push(`afgedaan: [${openCommitments.splice(closable, 1)[0]!.id}]`);
      else if (dated && rand() < 0.3) {
        const commitment = `toezegging-${n}`;
        openCommitments.push({ id: commitment, year });
        lines.push(`toezeggingen:\n  - { id: ${commitment}, wat: Het college informeert de raad over de voortgang., termijn: ${year + 1}-06 }`);
      }
      write(`${id}.md`, lines.join('\n'), `${paragraph()}\n\n## Aanleiding\n\n${paragraph()}\n\n## Kernboodschap\n\n${paragraph()}\n`);
      written++;
    } else if (roll < 0.2) {
      // A motion, and the letters that report how it is carried out, each later than the one before.
      let motion = motions.find((m) => m.letters < 3 && rand() < 0.5);
      if (!motion) {
        motion = { titel: `Motie ${motions.length + 1} over ${pick(TOPICS)}`, aangenomen: day(int(FIRST_YEAR, 2024)), indieners: [`Fractie ${int(1, 12)}`, `Fractie ${int(1, 12)}`].filter((f, i, all) => all.indexOf(f) === i), letters: 0 };
        motions.push(motion);
      }
      motion.letters++;
      const letterDate = later(motion.aangenomen, motion.letters * 60, motion.letters * 60 + 50);
      const status = motion.letters === 1 ? 'in-uitvoering' : motion.letters === 2 ? pick(['in-uitvoering', 'afgehandeld']) : 'afgehandeld';
      write(
        `${name('uitvoering-motie', letterDate)}.md`,
        `type: motie-uitvoering\ntitel: Uitvoering ${motion.titel.toLowerCase()} (${motion.letters})\norganisatie: ${organisation}\ndatum: ${letterDate}\nkenmerk: ${newKenmerk(Number(letterDate.slice(0, 4)))}\nmotie:\n  titel: ${motion.titel}\n  aangenomen: ${motion.aangenomen}\n  raadsvergadering: ${motion.aangenomen}\n  indieners: [${motion.indieners.join(', ')}]\n  verzoeken: [${sentence()}]\n  status: ${status}\nonderwerpen: ${topics}\n${signature}`,
        `${paragraph()}\n\n## Stand van zaken\n\n${paragraph()}\n`,
      );
      written++;
    } else if (roll < 0.32 && written + 1 < count) {
      // Written questions, published when they come in, and (mostly) the answer within or past the term.
      const asker = member();
      const questionsId = name('schriftelijke-vragen');
      write(
        `${questionsId}.md`,
        `type: schriftelijke-vragen\ntitel: Schriftelijke vragen ${n} over ${subject}\norganisatie: ${organisation}\ndatum: ${date}\naan: Het college van burgemeester en wethouders\nvragen:\n  gesteldDoor: { soort: raadslid, naam: ${asker.naam}, fractie: ${asker.fractie} }\n  gesteldOp: ${date}\nonderwerpen: ${topics}`,
        `${paragraph()}\n\n${Array.from({ length: int(3, 6) }, (_, q) => `${q + 1}. ${sentence()}`).join('\n')}\n`,
      );
      written++;
      if (rand() < 0.8) {
        const answered = later(date, 10, 60);
        write(
          `${name('beantwoording-schriftelijke-vragen', answered)}.md`,
          `type: vragen-raadslid\ntitel: Beantwoording schriftelijke vragen ${n}\norganisatie: ${organisation}\ndatum: ${answered}\nkenmerk: ${newKenmerk(Number(answered.slice(0, 4)))}\nvragen:\n  gesteldDoor: { soort: raadslid, naam: ${asker.naam}, fractie: ${asker.fractie} }\n  gesteldOp: ${date}\n  vragenbrief: ${questionsId}\nonderwerpen: ${topics}\n${signature}`,
          `${paragraph()}\n\n${questionsBody(3, 6).join('\n')}`,
        );
        written++;
      }
    } else {
      // The bulk: answers to questions of council members and residents, one in ten with a table.
      const questions = questionsBody(5, 10);
      if (rand() < 0.12) questions.splice(1, 0, `::data-table{dataset="${table()}"}\n`);
      const resident = rand() < 0.2;
      const asker = member();
      write(
        `${name(resident ? 'antwoorden-vragen-inwoner' : 'beantwoording-vragen-raadslid')}.md`,
        `type: ${resident ? 'vragen-inwoner' : 'vragen-raadslid'}\ntitel: Beantwoording vragen ${n} over ${subject}\norganisatie: ${organisation}\ndatum: ${date}\nkenmerk: ${newKenmerk(dated ? year : undefined)}\nvragen:\n  gesteldDoor: ${resident ? '{ soort: inwoner }' : `{ soort: raadslid, naam: ${asker.naam}, fractie: ${asker.fractie} }`}\n  gesteldOp: ${dated ? date.slice(0, 7) : 'onbekend'}\nonderwerpen: ${topics}\n${signature}`,
        `${paragraph()}\n\n${questions.join('\n')}`,
      );
      written++;
    }
  }
  return { content, data, datasets, inBigYear, undated };
}

/** A bare Astro project over the same files: a collection and one page that renders each entry. */
function bareProject(root: string, content: string) {
  mkdirSync(join(root, 'src/pages/stukken'), { recursive: true });
  mkdirSync(join(root, 'src/components'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import mdx from '@astrojs/mdx';\nimport { satteri } from '@astrojs/markdown-satteri';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', markdown: { processor: satteri({ features: { directive: true } }) }, integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { stukken: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: ${JSON.stringify(join(content, 'stukken'))} }) }) };\n`,
  );
  writeFileSync(join(root, 'src/components/Nothing.astro'), '---\n---\n');
  writeFileSync(
    join(root, 'src/pages/stukken/[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Nothing from '../../components/Nothing.astro';\nexport async function getStaticPaths() {\n  return (await getCollection('stukken')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\nconst components = { DataTable: Nothing, Chart: Nothing, StatusOverview: Nothing, Stoplight: Nothing, StoplightLegend: Nothing };\n---\n<html lang="nl"><head><title>{Astro.props.entry.data.titel}</title></head><body><Content components={components} /></body></html>\n`,
  );
}

interface Measurement {
  seconds: number;
  peakMb: number;
  pages: number;
  outputMb: number;
  status: number | null;
  output: string;
}

function htmlCount(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

function sizeOf(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = statSync(join(dir, String(name)));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

/**
 * Runs a build under /usr/bin/time -v: wall time and peak RSS of the largest process.
 * Raadsarchief is built the way a clerk builds it (`npm run build`: a fresh folder,
 * swapped in at the end); the bare project with `astro build`.
 */
function measure(cwd: string, outDir: string, env: Record<string, string>, log: string, command: 'npm-run-build' | 'astro-build'): Measurement {
  const started = performance.now();
  const args =
    command === 'npm-run-build'
      ? [join(projectRoot, 'node_modules/.bin/tsx'), 'scripts/build.ts']
      : [join(projectRoot, 'node_modules/.bin/astro'), 'build', '--outDir', outDir];
  const result = spawnSync('/usr/bin/time', ['-v', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', RAADSARCHIEF_DIST: outDir, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  // The build log stays next to the generated archive (see --keep) to find where time goes.
  writeFileSync(join(work, log), `${result.stdout}\n${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  return {
    seconds,
    peakMb: rss ? Number(rss[1]) / 1024 : NaN,
    pages: htmlCount(outDir),
    outputMb: sizeOf(outDir) / 1024 / 1024,
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

function failureOf(output: string): string {
  const lines = output.split('\n').filter((line) => /error|Error|Caused by|Invalid|heap|Killed|mislukt/.test(line));
  return lines.slice(0, 8).map((line) => `    ${line.trim()}`).join('\n');
}

const fmt = (n: number, digits = 1) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** A failed build is a result too (a limit was reached): its time, memory and the end of its log. */
const report = (label: string, m: Measurement) =>
  m.status !== 0
    ? console.log(`${label.padEnd(28)} MISLUKT na ${fmt(m.seconds)} s, ${fmt(m.peakMb / 1024, 2)} GB piek:\n${failureOf(m.output)}`)
    : console.log(`${label.padEnd(28)} ${fmt(m.seconds).padStart(8)} s  ${fmt(m.peakMb / 1024, 2).padStart(6)} GB piek  ${String(m.pages).padStart(7)} pagina's  ${fmt(m.pages / m.seconds, 0).padStart(6)} pagina's/s  ${fmt(m.outputMb).padStart(8)} MB`);

console.log(`Archief van ${count.toLocaleString('nl-NL')} stukken genereren in ${work} …`);
const generated = generate(work);
console.log(
  `${count.toLocaleString('nl-NL')} stukken en ${generated.datasets} datasets gegenereerd; ` +
    `${generated.inBigYear.toLocaleString('nl-NL')} uit ${BIG_YEAR}, ${generated.undated.toLocaleString('nl-NL')} zonder datum.\n`,
);

// Raadsarchief, in its own copy of the project so caches start cold.
const project = join(work, 'raadsarchief');
mkdirSync(project);
for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
mkdirSync(join(project, 'content'));
// The packages shared, the caches its own: Astro's cache (see cacheDir in astro.config.mjs) holds a copy of
// every page, is keyed by the content folder's path within the project, and goes when `work` is removed.
mkdirSync(join(project, 'node_modules'));
for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
  if (!['.astro', '.cache', '.vite'].includes(entry)) symlinkSync(join(projectRoot, 'node_modules', entry), join(project, 'node_modules', entry));
}
const env = { RAADSARCHIEF_CONTENT: generated.content, RAADSARCHIEF_DATA: generated.data };

const ours = measure(project, join(work, 'dist-raadsarchief'), env, 'bouw-koud.log', 'npm-run-build');
report('Raadsarchief (koud)', ours);
const summary: SizeSummary = { count, ok: ours.status === 0, cold: brief(ours) };

let bare: Measurement | undefined;
if (!values['skip-bare']) {
  const bareRoot = join(work, 'kaal');
  bareProject(bareRoot, generated.content);
  bare = measure(bareRoot, join(work, 'dist-kaal'), {}, 'bouw-kaal.log', 'astro-build');
  report('Kaal Astro (koud)', bare);
  summary.bare = brief(bare);
  if (ours.status === 0 && bare.status === 0) console.log(`\nVerhouding Raadsarchief / kaal Astro: ${fmt(ours.seconds / bare.seconds, 2)}× tijd, ${fmt(ours.peakMb / bare.peakMb, 2)}× geheugen`);
}

if (!values['skip-rebuild'] && ours.status === 0) {
  const title = `Nieuwe brief voor de herbouwmeting ${Date.now()}`;
  writeFileSync(
    join(generated.content, 'stukken', 'nieuwe-brief.md'),
    `---\ntype: vragen-raadslid\ntitel: ${title}\norganisatie: almelo\ndatum: ${NEW_LETTER_DAY}\nvragen:\n  gesteldDoor: { soort: raadslid, naam: A. Nieuw }\n  gesteldOp: ${NEW_LETTER_DAY.slice(0, 7)}\n---\n## Vraag 1\n\n> ${sentence()}\n\n${paragraph()}\n`,
  );
  const again = measure(project, join(work, 'dist-raadsarchief'), env, 'bouw-herbouw.log', 'npm-run-build');
  report('Herbouw na één nieuwe brief', again);
  // Astro's log names every path: rendered with its time, or restored from the previous build.
  const rendered = again.output.match(/├─ \S+.*\(\+\d+m?s\)/g)?.length ?? 0;
  const restored = again.output.match(/\((?:restored|cached)\)/g)?.length ?? 0;
  console.log(`Herbouw: ${rendered.toLocaleString('nl-NL')} paden opnieuw gemaakt, ${restored.toLocaleString('nl-NL')} uit de vorige bouw overgenomen`);
  summary.rebuild = { ...brief(again), rendered, restored };
  if (again.status !== 0) summary.ok = false;
  const page = join(work, 'dist-raadsarchief', 'stukken', 'nieuwe-brief', 'index.html');
  const home = readFileSync(join(work, 'dist-raadsarchief', 'index.html'), 'utf8');
  console.log(`Nieuwe brief gebouwd: ${existsSync(page) ? 'ja' : 'NEE'}; staat bovenaan de startpagina: ${home.includes(title) ? 'ja' : 'NEE'}`);
}

if (!values['skip-search'] && ours.status === 0) {
  console.log('\nZoeken op de gebouwde site (npm run bench:search):');
  const searchFile = join(work, 'zoeken.json');
  const search = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'scripts/bench-search.ts'), join(work, 'dist-raadsarchief'), '--uitkomst', searchFile], { cwd: projectRoot, stdio: 'inherit' });
  if (search.status !== 0) {
    process.exitCode = 1;
    summary.ok = false;
  } else summary.search = JSON.parse(readFileSync(searchFile, 'utf8')) as SearchSummary[];
}

if (ours.status !== 0 || (bare && bare.status !== 0)) process.exitCode = 1;
if (values.uitkomst) writeFileSync(values.uitkomst, JSON.stringify(summary));

if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nDe gegenereerde bestanden staan in ${work}`);

interface BuildSummary {
  seconds: number;
  peakMb: number;
  pages: number;
  ok: boolean;
}

/** One query as `npm run bench:search -- --uitkomst` writes it. */
interface SearchSummary {
  label: string;
  throttled: boolean;
  first?: number;
  indexRequestsFirst: number;
  indexKbFirst: number;
  all: number;
}

interface SizeSummary {
  count: number;
  ok: boolean;
  cold: BuildSummary;
  bare?: BuildSummary;
  rebuild?: BuildSummary & { rendered: number; restored: number };
  search?: SearchSummary[];
}

function brief(m: Measurement): BuildSummary {
  return { seconds: m.seconds, peakMb: m.peakMb, pages: m.pages, ok: m.status === 0 };
}

/** The sizes side by side: builds, then the slowest and heaviest search of each (see the tables above for every query). */
function printSeries(summaries: SizeSummary[]) {
  const n = (x: number, digits = 1) => x.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const build = (b?: BuildSummary) => (!b ? '—' : b.ok ? `${n(b.seconds)} s, ${n(b.peakMb / 1024, 2)} GB` : `mislukt na ${n(b.seconds)} s`);
  const worst = (list: SearchSummary[] | undefined, throttled: boolean, pick: (q: SearchSummary) => number | undefined, digits: number, unit: string) => {
    const values = (list ?? []).filter((q) => q.throttled === throttled).map(pick);
    if (values.length === 0) return '—';
    if (values.some((v) => v === undefined)) return 'geen resultaat';
    return `${n(Math.max(...(values as number[])), digits)}${unit}`;
  };
  console.log('\nDe reeks naast elkaar (elke maat één run; zoeken: de traagste of zwaarste van de zoekopdrachten):\n');
  console.log('| Stukken | Raadsarchief koud | Kaal Astro koud | Verhouding | Herbouw na één brief | Eerste resultaat | Index tot dan | Volledige telling | Met beperking: eerste resultaat |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of summaries) {
    const ratio = s.bare?.ok && s.cold.ok ? `${n(s.cold.seconds / s.bare.seconds, 2)}×` : '—';
    console.log(
      `| ${s.count.toLocaleString('nl-NL')} | ${build(s.cold)} | ${build(s.bare)} | ${ratio} | ${build(s.rebuild)} | ` +
        `${worst(s.search, false, (q) => q.first && q.first / 1000, 2, ' s')} | ${worst(s.search, false, (q) => q.indexRequestsFirst, 0, ' verzoeken')}, ${worst(s.search, false, (q) => q.indexKbFirst, 0, ' KB')} | ` +
        `${worst(s.search, false, (q) => q.all / 1000, 2, ' s')} | ${worst(s.search, true, (q) => q.first && q.first / 1000, 2, ' s')} |`,
    );
  }
}
