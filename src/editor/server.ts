/**
 * The editing server behind `npm run beheer`: the screen at /beheer/ (our
 * drop zone and messages beside Decap CMS), Decap's bundle from the installed
 * package, the local-backend API at /api/v1, and the screen's own endpoints:
 * import a dropped letter, check a saved file, publish. It listens on
 * 127.0.0.1 only and answers only pages of its own origin, so a web page in
 * another tab cannot use it to read or write the archive.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { DOCUMENT_TYPE_KEYS, type DocumentType } from '../schemas/document-types';
import { checkArchive, splitFrontmatter } from '../lib/content/check';
import type { ContentErrorDetails } from '../lib/errors/content-error';
import { importFile } from '../lib/import/import-letters';
import { cmsConfig, type CmsConfig } from './cms-config';
import { BackendProblem, createLocalBackend, PathRefused, resolveEntryPath } from './local-backend';
import { PublishProblem, publishChanges } from './publish-git';
import { reactGlobals } from './react-globals';

export interface EditorServerOptions {
  /** The project: where Decap's paths start. content/ and data/ must lie below it. */
  root: string;
  contentRoot: string;
  dataRoot: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the real pages are shown (`astro dev`), for the link next to a briefing. */
  previewUrl?: string;
  /** The git remote “Publiceren” pushes to. */
  remote?: string;
}

export interface EditorServer {
  url: string;
  config: CmsConfig;
  close(): Promise<void>;
}

const PAGE_DIR = join(import.meta.dirname, 'page');
const DECAP_DIR = join(dirname(createRequire(import.meta.url).resolve('decap-cms-app/package.json')), 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

// Decap compiles its config schema at run time (new Function), styles itself with inline <style> and reads a chosen file back from a blob: URL.
const POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; frame-src 'self' blob:; connect-src 'self' blob:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

const MAX_JSON = 150 * 1024 * 1024;
const MAX_LETTER = 100 * 1024 * 1024;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpProblem(413, 'het bestand is te groot voor het beheerscherm'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(request, MAX_JSON);
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
    return value as Record<string, unknown>;
  } catch {
    throw new HttpProblem(400, 'het verzoek is geen geldige JSON');
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(JSON.stringify(value));
}

function sendFile(response: ServerResponse, file: string): void {
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(file.endsWith('.html') ? { 'Content-Security-Policy': POLICY, 'Referrer-Policy': 'no-referrer' } : {}),
  });
  createReadStream(file).pipe(response);
}

/** A file by its bare name from one folder of the screen's own: no paths, so nothing outside it. */
function staticFile(folder: string, name: string): string | undefined {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) return undefined;
  const file = join(folder, name);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const root = resolve(options.root);
  const contentRoot = resolve(options.contentRoot);
  const dataRoot = resolve(options.dataRoot);
  for (const folder of [contentRoot, dataRoot]) {
    const rel = relative(root, folder);
    if (rel.startsWith('..')) throw new Error(`${folder} ligt buiten ${root}; het beheerscherm werkt alleen met content/ en data/ binnen het project`);
  }

  const react = await reactGlobals(dirname(DECAP_DIR));
  const server = createServer();
  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const origins = new Set([url, `http://localhost:${port}`]);
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const config = cmsConfig({ root, contentRoot, dataRoot, backendUrl: `${url}/api/v1` });
  const briefingOrder = config.collections.find((c) => c.name === 'stukken-mdx')!.fields!.map((f) => f.name);
  const orderFor = (path: string): readonly string[] => {
    if (/\.mdx?$/i.test(path)) return briefingOrder;
    const collection = config.collections.find((c) => c.folder && resolve(root, c.folder) === dirname(path));
    return (collection?.fields ?? config.collections.find((c) => c.name === 'instellingen')!.files![0]!.fields).map((f) => f.name);
  };
  // Decap tells the panel of a save, but not where a new entry went: the server knows.
  let lastSaved: string | undefined;
  const backend = createLocalBackend({ root, allowed: [contentRoot, dataRoot], fieldOrder: orderFor, onPersist: (path) => (lastSaved = path) });
  const stukken = join(contentRoot, 'stukken');

  /** Where a briefing opens in the form, and its page in the preview. */
  const briefingLinks = (path: string) => {
    const slug = basename(path).replace(/\.mdx?$/i, '');
    let collection = 'stukken-mdx';
    if (path.endsWith('.md')) {
      const parts = splitFrontmatter(readFileSync(path, 'utf8'));
      const type = parts && (parseDocument(parts.frontmatter).toJS() as { type?: string } | null)?.type;
      collection = type && DOCUMENT_TYPE_KEYS.includes(type as DocumentType) ? type : 'stukken-mdx';
    }
    return { route: `#/collections/${collection}/entries/${slug}`, page: options.previewUrl ? `${options.previewUrl.replace(/\/$/, '')}/stukken/${slug}/` : undefined };
  };

  /** Where any saved file opens in the form (and a briefing's page). */
  const entryLinks = (path: string): { route?: string; page?: string } => {
    if (!existsSync(path)) return {};
    if (path.startsWith(stukken)) return briefingLinks(path);
    const name = basename(path).replace(/\.ya?ml$/i, '');
    if (path === join(contentRoot, 'site.yaml')) return { route: '#/collections/instellingen/entries/site' };
    if (dirname(path) === join(contentRoot, 'organisaties')) return { route: `#/collections/organisaties/entries/${name}` };
    if (dirname(path) === dataRoot) return { route: `#/collections/datasets/entries/${name}` };
    return {};
  };

  const sameFile = (item: ContentErrorDetails, path: string) => resolve(item.file) === path || resolve(root, item.file) === path;
  const checkFile = (path: string) => {
    const { errors, warnings } = checkArchive({ contentRoot, dataRoot });
    const place = (item: ContentErrorDetails) => ({ ...item, file: relative(root, resolve(item.file)).split('\\').join('/') });
    return {
      file: relative(root, path).split('\\').join('/'),
      errors: errors.filter((e) => sameFile(e, path)).map(place),
      warnings: warnings.filter((w) => sameFile(w, path)).map(place),
      elsewhere: errors.filter((e) => !sameFile(e, path)).length,
    };
  };

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', url).pathname;
    const method = request.method ?? 'GET';

    if (method === 'GET' || method === 'HEAD') {
      if (path === '/' || path === '/beheer') {
        response.writeHead(302, { Location: '/beheer/' }).end();
        return;
      }
      if (path === '/favicon.ico') return void response.writeHead(204).end();
      if (path === '/beheer/') return sendFile(response, join(PAGE_DIR, 'index.html'));
      if (path === '/beheer/cms.html') return sendFile(response, join(PAGE_DIR, 'cms.html'));
      if (path === '/beheer/config.json') return sendJson(response, 200, config);
      if (path === '/beheer/react.js') {
        response.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        return void response.end(react);
      }
      if (path === '/beheer/api/status') return sendJson(response, 200, { previewUrl: options.previewUrl ?? null });
      const own = /^\/beheer\/([^/]+)$/.exec(path);
      const decap = /^\/beheer\/decap\/([^/]+)$/.exec(path);
      const file = own ? staticFile(PAGE_DIR, own[1]!) : decap ? staticFile(DECAP_DIR, decap[1]!) : undefined;
      if (file && !file.endsWith('.html')) return sendFile(response, file);
      throw new HttpProblem(404, 'deze pagina bestaat niet in het beheerscherm');
    }
    if (method !== 'POST') throw new HttpProblem(405, 'alleen GET en POST');

    if (path === '/api/v1') {
      const { action, params } = await readJson(request);
      try {
        return sendJson(response, 200, backend(action, (params ?? {}) as Record<string, unknown>) ?? null);
      } catch (error) {
        if (error instanceof PathRefused) throw new HttpProblem(403, error.message);
        if (error instanceof BackendProblem) throw new HttpProblem(error.status, error.message);
        throw error;
      }
    }
    if (path === '/beheer/api/check') {
      const { path: entryPath } = await readJson(request);
      let absolute: string;
      try {
        absolute = entryPath === undefined && lastSaved ? lastSaved : resolveEntryPath({ root, allowed: [contentRoot, dataRoot] }, entryPath);
      } catch (error) {
        throw new HttpProblem(403, (error as Error).message);
      }
      const result = checkFile(absolute);
      return sendJson(response, 200, { ...result, ...entryLinks(absolute) });
    }
    if (path === '/beheer/api/import') {
      const name = decodeURIComponent(String(request.headers['x-bestandsnaam'] ?? '')).replace(/^.*[\\/]/, '');
      if (!/\.(docx|pdf|doc)$/i.test(name)) throw new HttpProblem(415, 'sleep een Word-bestand (.docx) of een pdf hierheen');
      const data = await readBody(request, MAX_LETTER);
      const folder = mkdtempSync(join(tmpdir(), 'raadsarchief-brief-'));
      try {
        const file = join(folder, name);
        writeFileSync(file, data);
        // The same function as `npm run import`, OCR of scanned pages included.
        const result = await importFile(file, name, { contentRoot, dataRoot });
        const briefing = result.briefing && existsSync(result.briefing) ? result.briefing : undefined;
        return sendJson(response, 200, {
          outcome: result.outcome,
          message: result.message,
          hint: result.hint,
          toCheck: result.toCheck,
          notes: result.notes,
          offline: result.offline ?? [],
          ...(briefing ? { briefing: relative(root, briefing).split('\\').join('/'), ...briefingLinks(briefing) } : {}),
        });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    if (path === '/beheer/api/publish') {
      await readJson(request);
      try {
        return sendJson(response, 200, publishChanges({ contentRoot, dataRoot, remote: options.remote }));
      } catch (error) {
        if (error instanceof PublishProblem) throw new HttpProblem(500, error.message);
        throw error;
      }
    }
    throw new HttpProblem(404, 'onbekend adres');
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // Another name for this machine (DNS rebinding) or another site's page: refused before anything is read.
    const origin = request.headers.origin;
    const unsafe = request.method !== 'GET' && request.method !== 'HEAD';
    if (!hosts.has(request.headers.host ?? '')) return sendJson(response, 403, { error: 'Het beheerscherm is alleen bereikbaar op 127.0.0.1.' });
    if ((origin !== undefined && !origins.has(origin)) || (unsafe && origin === undefined) || request.headers['sec-fetch-site'] === 'cross-site') {
      return sendJson(response, 403, { error: 'Geweigerd: dit verzoek komt niet van het beheerscherm zelf.' });
    }
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpProblem) return sendJson(response, error.status, { error: error.message });
      console.error(error);
      sendJson(response, 500, { error: `onverwachte fout: ${(error as Error).message}` });
    });
  });

  return {
    url,
    config,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
