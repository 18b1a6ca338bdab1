/**
 * `npm run bench -- 10000`: generates a synthetic archive of N briefings with a
 * realistic mix, builds it with Raadsarchief and with a bare Astro project over
 * the same files, and reports wall time, peak memory, pages per second, output
 * size and the ratio of the two; then adds one letter and times the rebuild.
 *
 * Options: --skip-bare, --skip-rebuild, --keep (leave the generated folders).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDirFor } from '../src/lib/content/cache-dir';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'skip-bare': { type: 'boolean' }, 'skip-rebuild': { type: 'boolean' }, keep: { type: 'boolean' } },
});
const count = Number(positionals[0] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error('Gebruik: npm run bench -- <aantal stukken>, bijvoorbeeld npm run bench -- 10000');
  process.exit(1);
}

const projectRoot = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), `raadsarchief-bench-${count}-`));

/** Deterministic pseudo-random numbers, so two runs build the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const rand = random(20261122);
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

const ORGANISATIONS = ['almelo', 'almere', 'enschede', 'hengelo', 'twente'];
const TOPICS = ['jeugdzorg', 'wmo', 'parkeren', 'wonen', 'onderwijs', 'armoede', 'veiligheid', 'sport', 'cultuur', 'financien'];
const WORDS = 'de het een gemeente raad college brief vraag antwoord jeugdzorg wijkteam inwoners beleid kosten budget uitvoering motie rapportage cijfers verbetering samenwerking aanbieders wachttijd norm onderzoek afspraken regio toezicht kwaliteit'.split(' ');
const sentence = () => {
  const words = Array.from({ length: int(8, 18) }, () => pick(WORDS));
  return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
};
const paragraph = () => Array.from({ length: int(2, 5) }, sentence).join(' ');

function generate(root: string) {
  const content = join(root, 'content');
  const data = join(root, 'data');
  mkdirSync(join(content, 'stukken'), { recursive: true });
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
  for (let n = 1; n <= count; n++) {
    const year = int(2011, 2025);
    const month = String(int(1, 12)).padStart(2, '0');
    const day = String(int(1, 28)).padStart(2, '0');
    const organisation = pick(ORGANISATIONS);
    const roll = rand();
    let kenmerk: string;
    do kenmerk = `UIT-${year}${int(100000, 999999)}`;
    while (kenmerken.has(kenmerk));
    kenmerken.add(kenmerk);
    const topics = `[${pick(TOPICS)}, ${pick(TOPICS)}]`;
    if (roll < 0.04) {
      // A report: tables, a chart, a status overview with stoplights.
      const tableId = table();
      const statusId = statusOverview();
      const sections = ['Ambulant', 'Pleegzorg', 'Verblijf', 'Crisis'].map((t) => `## ${t}\n\n${paragraph()} Status: <Stoplight status="${pick(['rood', 'oranje', 'groen'])}" />.\n`);
      writeFileSync(
        join(content, 'stukken', `rapportage-${n}.mdx`),
        `---\ntype: rapportage\ntitel: Rapportage ${n} over ${pick(TOPICS)}\norganisatie: ${organisation}\ndatum: ${year}-${month}-${day}\nkenmerk: ${kenmerk}\nperiode: { jaar: ${year}, deel: tweede-helft }\nonderwerpen: ${topics}\n---\n## Samenvatting\n\n${paragraph()}\n\n<StatusOverview dataset="${statusId}" />\n\n<StoplightLegend />\n\n<DataTable dataset="${tableId}" />\n\n<Chart dataset="${tableId}" />\n\n${sections.join('\n')}`,
      );
    } else {
      const withTable = roll < 0.14;
      const questions = Array.from({ length: int(5, 10) }, (_, q) => `## Vraag ${q + 1}\n\n> ${sentence()}\n\n${paragraph()}\n`);
      if (withTable) questions.splice(1, 0, `::data-table{dataset="${table()}"}\n`);
      const resident = rand() < 0.2;
      writeFileSync(
        join(content, 'stukken', `brief-${n}.md`),
        `---\ntype: ${resident ? 'vragen-inwoner' : 'vragen-raadslid'}\ntitel: Beantwoording vragen ${n} over ${pick(TOPICS)}\norganisatie: ${organisation}\ndatum: ${year}-${month}-${day}\nkenmerk: ${kenmerk}\nvragen:\n  gesteldDoor: ${resident ? '{ soort: inwoner }' : `{ soort: raadslid, naam: Raadslid ${int(1, 200)}, fractie: Fractie ${int(1, 12)} }`}\n  gesteldOp: ${year}-${month}\nonderwerpen: ${topics}\nondertekening: { namens: College van burgemeester en wethouders, personen: [{ functie: burgemeester, naam: B. Burgemeester }] }\n---\n${paragraph()}\n\n${questions.join('\n')}`,
      );
    }
  }
  return { content, data, datasets };
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
console.log(`${count.toLocaleString('nl-NL')} stukken en ${generated.datasets} datasets gegenereerd.\n`);

// Raadsarchief, in its own copy of the project so caches start cold.
const project = join(work, 'raadsarchief');
mkdirSync(project);
for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
mkdirSync(join(project, 'content'));
symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
const env = { RAADSARCHIEF_CONTENT: generated.content, RAADSARCHIEF_DATA: generated.data };

const ours = measure(project, join(work, 'dist-raadsarchief'), env, 'bouw-koud.log', 'npm-run-build');
report('Raadsarchief (koud)', ours);

let bare: Measurement | undefined;
if (!values['skip-bare']) {
  const bareRoot = join(work, 'kaal');
  bareProject(bareRoot, generated.content);
  bare = measure(bareRoot, join(work, 'dist-kaal'), {}, 'bouw-kaal.log', 'astro-build');
  report('Kaal Astro (koud)', bare);
  if (ours.status === 0 && bare.status === 0) console.log(`\nVerhouding Raadsarchief / kaal Astro: ${fmt(ours.seconds / bare.seconds, 2)}× tijd, ${fmt(ours.peakMb / bare.peakMb, 2)}× geheugen`);
}

if (!values['skip-rebuild'] && ours.status === 0) {
  const title = `Nieuwe brief voor de herbouwmeting ${Date.now()}`;
  writeFileSync(
    join(generated.content, 'stukken', 'nieuwe-brief.md'),
    `---\ntype: vragen-raadslid\ntitel: ${title}\norganisatie: almelo\ndatum: 2026-11-22\nvragen:\n  gesteldDoor: { soort: raadslid, naam: A. Nieuw }\n  gesteldOp: 2026-11\n---\n## Vraag 1\n\n> ${sentence()}\n\n${paragraph()}\n`,
  );
  const again = measure(project, join(work, 'dist-raadsarchief'), env, 'bouw-herbouw.log', 'npm-run-build');
  report('Herbouw na één nieuwe brief', again);
  const page = join(work, 'dist-raadsarchief', 'stukken', 'nieuwe-brief', 'index.html');
  const home = readFileSync(join(work, 'dist-raadsarchief', 'index.html'), 'utf8');
  console.log(`Nieuwe brief gebouwd: ${existsSync(page) ? 'ja' : 'NEE'}; staat bovenaan de startpagina: ${home.includes(title) ? 'ja' : 'NEE'}`);
}

if (ours.status !== 0 || (bare && bare.status !== 0)) process.exitCode = 1;

if (!values.keep) {
  rmSync(work, { recursive: true, force: true });
  // Astro's cache for this archive (see cacheDir in astro.config.mjs) holds a copy of every page.
  rmSync(cacheDirFor(generated.content, projectRoot), { recursive: true, force: true });
}
else console.log(`\nDe gegenereerde bestanden staan in ${work}`);
