/**
 * `npm run beheer`: the editing screen for the griffie. Starts the editing
 * server on 127.0.0.1, the real pages beside it (`astro dev`), and opens the
 * browser at /beheer/. The launchers beheer.cmd (Windows) and beheer.command
 * (macOS) run this by a double-click. Stop with Ctrl+C or by closing the window.
 *
 *   npm run beheer
 *   npm run beheer -- --poort 4330 --zonder-voorbeeld --niet-openen
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { contentDir, dataDir } from '../src/lib/content/paths';
import { startPreview, type Preview } from '../src/editor/preview';
import { startEditorServer } from '../src/editor/server';

const { values } = parseArgs({
  options: {
    poort: { type: 'string', default: process.env.RAADSARCHIEF_BEHEER_POORT ?? '4330' },
    'voorbeeld-poort': { type: 'string', default: '4321' },
    'zonder-voorbeeld': { type: 'boolean', default: false },
    'niet-openen': { type: 'boolean', default: process.env.RAADSARCHIEF_BEHEER_NIET_OPENEN === '1' },
    remote: { type: 'string', default: process.env.RAADSARCHIEF_REMOTE },
  },
});

const root = process.cwd();
let preview: Preview | undefined;
if (!values['zonder-voorbeeld']) {
  console.log('De pagina’s van het archief worden klaargezet (astro dev)…');
  try {
    preview = await startPreview(root, Number(values['voorbeeld-poort']));
  } catch (error) {
    console.error(`De voorbeeldpagina’s konden niet starten; het beheerscherm werkt wel, zonder de link naar de pagina.\n${(error as Error).message}`);
  }
}
const server = await startEditorServer({ root, contentRoot: contentDir(), dataRoot: dataDir(), port: Number(values.poort), previewUrl: preview?.url, remote: values.remote });
const address = `${server.url}/beheer/`;
console.log(`\nHet beheerscherm staat klaar: ${address}${preview ? `\nDe pagina’s van het archief: ${preview.url}/` : ''}\nLaat dit venster open zolang u werkt; sluit het (of druk Ctrl+C) om te stoppen.`);

if (!values['niet-openen']) {
  // The system's own way to open an address in the default browser.
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', address]] : process.platform === 'darwin' ? ['open', [address]] : ['xdg-open', [address]];
  spawn(command, args as string[], { stdio: 'ignore', detached: true }).on('error', () => console.log(`Open zelf ${address} in de browser.`)).unref();
}

const stop = async () => {
  preview?.stop();
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
