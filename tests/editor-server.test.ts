/**
 * The editing server over real HTTP, on a copy of the project: saving an
 * entry unchanged (serialised as Decap serialises it) leaves every sample file
 * byte for byte as it was; a changed field changes that line only; the check
 * after a save names file, field and what to do; a dropped Word letter goes
 * through the project's importer; “Publiceren” commits and pushes into a bare
 * repository; and requests from another origin, another host name or for a
 * path outside content/ and data/ are refused.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditorServer, type EditorServer } from '../src/editor/server';
import { projectCopy } from './helpers/build';
import { git, repositoryWithRemote } from './helpers/git';
import { decapRead, decapWrite, decapYamlRead, decapYamlWrite } from './helpers/decap-entry';
import { councilMemberLetter } from './helpers/letters';

let root: string;
let server: EditorServer;
let bare: string;

const api = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url, ...headers }, body: JSON.stringify(body) });
const post = async (path: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
};

beforeAll(async () => {
  root = projectCopy();
  bare = repositoryWithRemote(root);
  server = await startEditorServer({ root, contentRoot: join(root, 'content'), dataRoot: join(root, 'data') });
}, 60_000);

afterAll(() => server?.close());

const briefingOrder = () => server.config.collections.find((c) => c.name === 'stukken-mdx')!.fields!.map((f) => f.name);

describe('saving through the local backend', () => {
  it('leaves every sample briefing byte for byte as it was when it is saved unchanged', async () => {
    const stukken = join(root, 'content/stukken');
    const files = readdirSync(stukken).filter((name) => /\.mdx?$/.test(name));
    expect(files.length).toBe(5);
    let reserialised = 0;
    for (const name of files) {
      const path = `content/stukken/${name}`;
      const before = readFileSync(join(root, path), 'utf8');
      // What the form loads: the file as the server gives it.
      const loaded = (await (await api({ action: 'getEntry', params: { path } })).json()) as { data: string };
      expect(loaded.data).toBe(before);
      const raw = decapWrite(decapRead(loaded.data), briefingOrder());
      if (raw !== before) reserialised++;
      const response = await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw, slug: name.replace(/\.mdx?$/, '') }], assets: [], options: {} } });
      expect(response.status, name).toBe(200);
      expect(readFileSync(join(root, path), 'utf8'), name).toBe(before);
    }
    // Decap's own serialisation differs from the files: writing it would have rewritten them.
    expect(reserialised).toBe(files.length);
  });

  it('leaves organisations, site settings and datasets byte for byte as they were', async () => {
    const paths = [...readdirSync(join(root, 'content/organisaties')).map((n) => `content/organisaties/${n}`), 'content/site.yaml', ...readdirSync(join(root, 'data')).map((n) => `data/${n}`)];
    for (const path of paths) {
      const before = readFileSync(join(root, path), 'utf8');
      const raw = decapYamlWrite(decapYamlRead(before), []);
      const response = await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw }], assets: [] } });
      expect(response.status, path).toBe(200);
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(before);
    }
  });

  it('writes a changed field into its own line and keeps every other byte', async () => {
    const path = 'content/stukken/almelo-2025-motie-juiste-basis-jeugdzorg.md';
    const before = readFileSync(join(root, path), 'utf8');
    const entry = decapRead(before);
    (entry.motie as { status: string }).status = 'in-uitvoering';
    entry.kenmerk = 'UIT-25009999';
    await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw: decapWrite(entry, briefingOrder()) }], assets: [] } });
    const after = readFileSync(join(root, path), 'utf8');
    expect(after).toBe(before.replace('  status: afgehandeld\n', '  status: in-uitvoering\n').replace('datum: 2025-07-15\n', 'datum: 2025-07-15\nkenmerk: UIT-25009999\n'));
    git(root, 'checkout', '--', path);
  });

  it('shows the check’s Dutch message for the saved file: file, line, field and what is wrong', async () => {
    const path = 'content/stukken/almelo-jeugdbescherming-vragen-inwoner.md';
    const before = readFileSync(join(root, path), 'utf8');
    const entry = decapRead(before);
    entry.datum = '2025-02-30';
    await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw: decapWrite(entry, briefingOrder()) }], assets: [] } });
    const { status, json } = await post('/beheer/api/check', {});
    expect(status).toBe(200);
    expect(json.file).toBe(path);
    expect(json.errors).toEqual([expect.objectContaining({ file: path, line: 9, message: expect.stringMatching(/^datum: .*30 februari 2025 bestaat niet/) })]);
    writeFileSync(join(root, path), before);
    expect((await post('/beheer/api/check', { path })).json.errors).toEqual([]);
  });
});

describe('a dropped letter', () => {
  it('is imported by the project’s importer and opened in the form of its kind, with what was guessed marked for review', async () => {
    const response = await fetch(`${server.url}/beheer/api/import`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/octet-stream', 'X-Bestandsnaam': encodeURIComponent('Antwoord De Olde.docx') }, body: new Uint8Array(councilMemberLetter()) });
    const result = (await response.json()) as Record<string, any>;
    expect(response.status).toBe(200);
    expect(result.outcome).toBe('nakijken');
    expect(result.briefing).toMatch(/^content\/stukken\/almelo-2024-.*\.md$/);
    expect(existsSync(join(root, result.briefing))).toBe(true);
    expect(result.route).toBe(`#/collections/vragen-raadslid/entries/${result.briefing.replace(/^.*\//, '').replace(/\.md$/, '')}`);
    expect(result.toCheck.join('\n')).toContain('de samenvatting');
    git(root, 'clean', '--quiet', '-fd', 'content', 'data');
  });

  it('is refused when it is no Word file or PDF', async () => {
    const response = await fetch(`${server.url}/beheer/api/import`, { method: 'POST', headers: { Origin: server.url, 'X-Bestandsnaam': 'brief.exe' }, body: 'MZ' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: string }).error).toContain('Word-bestand');
  });
});

describe('publishing', () => {
  it('commits the changed files with a Dutch message and pushes them to the remote', async () => {
    const path = 'content/stukken/almelo-2024-jeugdzorg-vragen-de-olde.md';
    const entry = decapRead(readFileSync(join(root, path), 'utf8'));
    entry.kenmerk = 'UIT-24117010-B';
    await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw: decapWrite(entry, briefingOrder()) }], assets: [] } });
    await api({ action: 'deleteFiles', params: { paths: ['content/stukken/almelo-jeugdbescherming-vragen-inwoner.md'] } });
    const { status, json } = await post('/beheer/api/publish', {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ committed: true, pushed: true });
    expect(json.message).toMatch(/^Gepubliceerd \(0 nieuw, 1 gewijzigd, 1 ingetrokken\): verstuurd naar origin/);
    const subject = git(bare, 'log', '-1', '--format=%s%n%b', 'main');
    expect(subject).toContain('Stukken gepubliceerd vanuit het beheerscherm (0 nieuw, 1 gewijzigd, 1 ingetrokken)');
    expect(subject).toContain('- gewijzigd: content/stukken/almelo-2024-jeugdzorg-vragen-de-olde.md');
    expect(subject).toContain('- verwijderd: content/stukken/almelo-jeugdbescherming-vragen-inwoner.md');
    expect(git(bare, 'show', 'main:content/stukken/almelo-2024-jeugdzorg-vragen-de-olde.md')).toContain('kenmerk: UIT-24117010-B');
    expect((await post('/beheer/api/publish', {})).json.message).toMatch(/^Er is niets te publiceren/);
  });
});

describe('security', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a request from another origin with 403, and writes nothing', async () => {
    const path = 'content/stukken/almelo-2024-jeugdzorg-vragen-de-olde.md';
    const before = readFileSync(join(root, path), 'utf8');
    const evil = await api({ action: 'persistEntry', params: { dataFiles: [{ path, raw: '---\ntype: notitie\n---\n' }], assets: [] } }, { Origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: string }).error).toContain('Geweigerd');
    expect(readFileSync(join(root, path), 'utf8')).toBe(before);
    const read = await fetch(`${server.url}/beheer/config.json`, { headers: { Origin: 'http://evil.example' } });
    expect(read.status).toBe(403);
    const noOrigin = await fetch(`${server.url}/api/v1`, { method: 'POST', body: JSON.stringify({ action: 'info' }) });
    expect(noOrigin.status).toBe(403);
  });

  it('refuses another host name (DNS rebinding)', async () => {
    const response = await fetch(`${server.url}/api/v1`, { method: 'POST', headers: { Host: 'evil.example', Origin: 'http://evil.example' }, body: JSON.stringify({ action: 'info' }) });
    expect(response.status).toBe(403);
  });

  it('never reads or writes outside content/ and data/, also not through a link', async () => {
    symlinkSync(root, join(root, 'content/stukken/naar-buiten'));
    for (const path of ['package.json', '/etc/passwd', 'content/../package.json', 'content/stukken/../../package.json', 'content\\..\\package.json', 'content/stukken/naar-buiten/package.json', 'src/editor/server.ts']) {
      const response = await api({ action: 'getEntry', params: { path } });
      expect(response.status, path).toBe(403);
      const media = await api({ action: 'getMediaFile', params: { path } });
      expect(media.status, path).toBe(403);
    }
    const write = await api({ action: 'persistEntry', params: { dataFiles: [{ path: 'content/../gemaakt.md', raw: '---\ntitel: x\n---\n' }], assets: [{ path: 'content/stukken/naar-buiten/gemaakt.pdf', content: 'JVBERg==', encoding: 'base64' }] } });
    expect(write.status).toBe(403);
    expect(existsSync(join(root, 'gemaakt.md')) || existsSync(join(root, 'gemaakt.pdf'))).toBe(false);
    const list = await api({ action: 'entriesByFolder', params: { folder: 'content/stukken/naar-buiten', extension: 'json', depth: 1 } });
    expect(list.status).toBe(403);
    const asset = await fetch(`${server.url}/beheer/decap/..%2F..%2Fpackage.json`);
    expect(asset.status).toBe(404);
    const traversal = await fetch(`${server.url}/beheer/decap/../../package.json`);
    expect(traversal.status).toBe(404);
  });

  it('serves Decap from the installed package, not from elsewhere', async () => {
    const page = await fetch(`${server.url}/beheer/cms.html`);
    const html = await page.text();
    expect(html).toContain('src="/beheer/decap/decap-cms-app.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const bundle = await fetch(`${server.url}/beheer/decap/decap-cms-app.js`);
    expect(bundle.status).toBe(200);
    expect(Number((await bundle.arrayBuffer()).byteLength)).toBe(readFileSync(join(root, 'node_modules/decap-cms-app/dist/decap-cms-app.js')).length);
  });
});

describe('attachments', () => {
  it('never replaces the attachment of another briefing that has the same name', async () => {
    const path = 'content/stukken/bijlagen/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf';
    const before = readFileSync(join(root, path));
    const response = await api({ action: 'persistEntry', params: { dataFiles: [{ path: 'content/stukken/nieuw-stuk.md', raw: '---\ntype: notitie\ntitel: Nieuw\norganisatie: almelo\ndatum: 2025\norigineel: bijlagen/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf\n---\n' }], assets: [{ path, content: Buffer.from('%PDF-1.4 anders').toString('base64'), encoding: 'base64' }] } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(/^er staat al een ander bestand almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend\.pdf in content\/stukken\/bijlagen; geef uw bestand een andere naam/);
    expect(readFileSync(join(root, path)).equals(before)).toBe(true);
    expect(existsSync(join(root, 'content/stukken/nieuw-stuk.md'))).toBe(false);
  });
});
