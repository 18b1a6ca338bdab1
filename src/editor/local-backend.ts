/**
 * Decap CMS's local-backend protocol (what `decap-server` answers on
 * POST /api/v1 with `{ action, params }`), answered by the project itself so
 * that every write goes through it: a saved entry is merged into its file
 * field by field (preserve-formatting.ts), and no path outside content/ and
 * data/ is ever read or written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { mergeEntry } from './preserve-formatting';

export class PathRefused extends Error {}

/** A failed request in Dutch, with the HTTP status the local backend answers with. */
export class BackendProblem extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface BackendOptions {
  /** Where Decap's paths start. */
  root: string;
  /** The only folders read or written: content/ and data/. */
  allowed: string[];
  /** Field order of the form for a file, so a new field lands where a clerk expects it. */
  fieldOrder?: (path: string) => readonly string[];
  /** Hears of every file written or removed, with its absolute path. */
  onWrite?: (path: string, kind: 'geschreven' | 'verwijderd') => void;
  /** Hears of every entry saved, written or unchanged. */
  onPersist?: (path: string) => void;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The real path of `path`, or of the nearest folder above it that exists. */
function realPathOfNearest(path: string): string {
  let at = path;
  const rest: string[] = [];
  while (!existsSync(at)) {
    rest.unshift(basename(at));
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  return join(realpathSync(at), ...rest);
}

/** Resolves a path Decap sent; refuses anything that leaves content/ or data/, also by a link. */
export function resolveEntryPath(options: BackendOptions, path: unknown): string {
  if (typeof path !== 'string' || path === '' || path.includes('\0')) throw new PathRefused('geen geldig pad');
  const parts = path.split(/[\\/]+/);
  if (isAbsolute(path) || /^[A-Za-z]:/.test(path) || parts.includes('..')) throw new PathRefused(`het pad ${path} valt buiten het archief`);
  const absolute = resolve(options.root, path);
  const real = realPathOfNearest(absolute);
  const allowed = options.allowed.some((folder) => inside(folder, absolute) && existsSync(folder) && inside(realpathSync(folder), real));
  if (!allowed) throw new PathRefused(`het pad ${path} valt buiten het archief`);
  return absolute;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const toPosix = (path: string) => path.split(sep).join('/');

function listFiles(folder: string, extension: string, depth: number): string[] {
  if (depth <= 0 || !existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return listFiles(path, extension, depth - 1);
      return entry.isFile() && path.endsWith(extension ? `.${extension.replace(/^\./, '')}` : '') ? [path] : [];
    })
    .sort();
}

const formatOf = (path: string): 'frontmatter' | 'yaml' | undefined => {
  const extension = extname(path).toLowerCase();
  if (extension === '.md' || extension === '.mdx') return 'frontmatter';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return undefined;
};

interface DataFile {
  path: string;
  raw: string;
  slug?: string;
  newPath?: string;
}

interface Asset {
  path: string;
  content: string;
  encoding: 'base64';
}

export function createLocalBackend(options: BackendOptions) {
  const relativeToRoot = (path: string) => toPosix(relative(options.root, path));
  const entry = (absolute: string) => {
    if (!existsSync(absolute) || !statSync(absolute).isFile()) return { data: null, file: { path: relativeToRoot(absolute), id: null } };
    const content = readFileSync(absolute);
    return { data: content.toString('utf8'), file: { path: relativeToRoot(absolute), id: sha256(content) } };
  };
  const mediaFile = (absolute: string) => {
    const content = readFileSync(absolute);
    return { id: sha256(content), content: content.toString('base64'), encoding: 'base64', path: relativeToRoot(absolute), name: basename(absolute) };
  };
  const write = (absolute: string, data: string | Buffer) => {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, data);
    options.onWrite?.(absolute, 'geschreven');
  };

  /** Writes what the form sent, merged into the file that is there. */
  function persistDataFile(file: DataFile): void {
    const absolute = resolveEntryPath(options, file.path);
    if (typeof file.raw !== 'string') throw new BackendProblem('het stuk heeft geen inhoud');
    const format = formatOf(absolute);
    if (!format) throw new BackendProblem(`${file.path} is geen stuk of YAML-bestand`);
    let text = file.raw;
    if (existsSync(absolute)) {
      const onDisk = readFileSync(absolute, 'utf8');
      try {
        text = mergeEntry(onDisk, file.raw, format, options.fieldOrder?.(absolute) ?? []).text;
      } catch (error) {
        throw new BackendProblem(`${file.path} kon niet worden bijgewerkt: ${(error as Error).message}. Het bestand is niet gewijzigd.`, 422);
      }
      if (text === onDisk) {
        options.onPersist?.(absolute);
        return;
      }
    } else if (!text.endsWith('\n')) {
      text += '\n';
    }
    write(absolute, text);
    if (file.newPath && file.newPath !== file.path) {
      const target = resolveEntryPath(options, file.newPath);
      if (existsSync(target)) throw new BackendProblem(`${file.newPath} bestaat al; het stuk is niet hernoemd`, 409);
      renameSync(absolute, target);
      options.onPersist?.(target);
      return;
    }
    options.onPersist?.(absolute);
  }

  function remove(path: unknown): void {
    const absolute = resolveEntryPath(options, path);
    if (!existsSync(absolute)) return;
    unlinkSync(absolute);
    options.onWrite?.(absolute, 'verwijderd');
  }

  return function handle(action: unknown, params: Record<string, unknown> = {}): unknown {
    switch (action) {
      case 'info':
        return { repo: basename(options.root), publish_modes: ['simple'], type: 'local_fs' };
      case 'entriesByFolder': {
        const folder = resolveEntryPath(options, params.folder);
        const depth = typeof params.depth === 'number' ? params.depth : 1;
        return listFiles(folder, String(params.extension ?? ''), depth).map(entry);
      }
      case 'entriesByFiles': {
        const files = Array.isArray(params.files) ? (params.files as Array<{ path: unknown; label?: string }>) : [];
        return files.map((file) => ({ ...entry(resolveEntryPath(options, file.path)), ...(file.label ? { label: file.label } : {}) }));
      }
      case 'getEntry':
        return entry(resolveEntryPath(options, params.path));
      case 'persistEntry': {
        const dataFiles = (params.dataFiles ?? (params.entry ? [params.entry] : [])) as DataFile[];
        const assets = (params.assets ?? []) as Asset[];
        // Paths first, all of them: one refused path writes nothing.
        for (const file of dataFiles) resolveEntryPath(options, file.path);
        for (const asset of assets) resolveEntryPath(options, asset.path);
        // An attachment of another briefing is never replaced: the same name with other bytes is refused before anything is written.
        const incoming = assets.map((asset) => ({ path: resolveEntryPath(options, asset.path), data: Buffer.from(asset.content, 'base64'), shown: asset.path }));
        for (const asset of incoming) {
          if (existsSync(asset.path) && !readFileSync(asset.path).equals(asset.data)) {
            throw new BackendProblem(`er staat al een ander bestand ${basename(asset.path)} in ${toPosix(relative(options.root, dirname(asset.path)))}; geef uw bestand een andere naam (bijvoorbeeld met de naam van het stuk ervoor) en kies het opnieuw`, 409);
          }
        }
        for (const asset of incoming) if (!existsSync(asset.path)) write(asset.path, asset.data);
        dataFiles.forEach(persistDataFile);
        return { message: 'entry persisted' };
      }
      case 'getMedia': {
        const folder = resolveEntryPath(options, params.mediaFolder);
        return listFiles(folder, '', 1).map(mediaFile);
      }
      case 'getMediaFile': {
        const absolute = resolveEntryPath(options, params.path);
        if (!existsSync(absolute)) throw new BackendProblem(`${String(params.path)} bestaat niet`, 404);
        return mediaFile(absolute);
      }
      case 'persistMedia': {
        const asset = params.asset as Asset;
        const absolute = resolveEntryPath(options, asset?.path);
        const data = Buffer.from(asset.content, 'base64');
        if (existsSync(absolute) && !readFileSync(absolute).equals(data)) throw new BackendProblem(`er staat al een ander bestand ${basename(absolute)}; geef uw bestand een andere naam en kies het opnieuw`, 409);
        if (!existsSync(absolute)) write(absolute, data);
        return mediaFile(absolute);
      }
      case 'deleteFile':
        remove(params.path);
        return { message: `verwijderd: ${String(params.path)}` };
      case 'deleteFiles': {
        const paths = Array.isArray(params.paths) ? params.paths : [];
        paths.forEach((path) => resolveEntryPath(options, path));
        paths.forEach(remove);
        return { message: `verwijderd: ${paths.join(', ')}` };
      }
      case 'getDeployPreview':
        return null;
      default:
        throw new BackendProblem(`onbekende opdracht ${String(action)}`, 422);
    }
  };
}

export type LocalBackend = ReturnType<typeof createLocalBackend>;
