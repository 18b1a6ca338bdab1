/**
 * Where `npm run publiceer` puts the built site, read from `--doel` (or
 * RAADSARCHIEF_DOEL) and refused before any work starts when it is wrong or
 * dangerous: both ways of publishing delete what the site no longer has, so a
 * target that holds the project, the archive or a home folder would be wiped.
 */
import { homedir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';

export type DeployTarget =
  /** A folder on this machine, mirrored file by file. */
  | { kind: 'map'; path: string; label: string }
  /** Anything rsync accepts as destination: `gebruiker@host:/pad` over SSH, or a local path. */
  | { kind: 'rsync'; destination: string; remote: boolean; label: string };

export type RsyncTarget = Extract<DeployTarget, { kind: 'rsync' }>;

/** A mistake in the command, before anything was checked, built or published. */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

const EXAMPLES = '--doel map:/var/www/raadsarchief of --doel rsync:gebruiker@webserver.gemeente.nl:/var/www/raadsarchief';

/** Folders a mirror must never replace, with what they are, for the message. */
export interface ProtectedFolders {
  project: string;
  content: string;
  data: string;
  dist: string;
}

/** `cwd`: where a relative path starts (npm runs scripts in the project, but the webmaster typed it elsewhere). */
export function parseTarget(spec: string, protect: ProtectedFolders, cwd: string = process.cwd()): DeployTarget {
  const colon = spec.indexOf(':');
  const kind = colon > 0 ? spec.slice(0, colon) : '';
  const rest = colon > 0 ? spec.slice(colon + 1).trim() : '';
  if (kind !== 'map' && kind !== 'rsync') {
    throw new DeployError(`"${spec}" is geen doel om naartoe te publiceren`, `Schrijf het soort doel ervoor: ${EXAMPLES}.`);
  }
  if (!rest) throw new DeployError(`bij "${spec}" ontbreekt het pad`, `Bijvoorbeeld ${EXAMPLES}.`);
  // rsync would read a leading dash as one of its own options.
  if (rest.startsWith('-')) throw new DeployError(`het doel "${rest}" begint met een streepje`, 'Geef een pad, zoals /var/www/raadsarchief of ./www.');

  if (kind === 'map') {
    const path = resolve(cwd, rest);
    guardLocalFolder(path, protect);
    return { kind, path, label: path };
  }

  // Like rsync itself: `host:pad` is remote when the colon comes before any slash.
  const hostPart = /^([^/:]+):(.*)$/.exec(rest);
  if (!hostPart) {
    const path = resolve(cwd, rest);
    guardLocalFolder(path, protect);
    return { kind, destination: `${path}/`, remote: false, label: path };
  }
  const [, host, remotePath] = hostPart as unknown as [string, string, string];
  // An empty path is the home folder on the server; with --delete, rsync would empty it.
  if (['', '.', './', '~', '~/', '/'].includes(remotePath.trim())) {
    throw new DeployError(`bij "${rest}" staat geen map op de server (of de hele schijf of de thuismap)`, `Noem de map van de site zelf, bijvoorbeeld ${host}:/var/www/raadsarchief; alles wat daar niet in de site staat, wordt verwijderd.`);
  }
  const folder = remotePath.endsWith('/') ? remotePath : `${remotePath}/`;
  return { kind, destination: `${host}:${folder}`, remote: true, label: `${host}:${remotePath}` };
}

const inside = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** A local target may not hold, or lie within, the project, the archive or the built site; nor be a home folder. */
export function guardLocalFolder(path: string, protect: ProtectedFolders): void {
  const refuse = (what: string) => {
    throw new DeployError(`publiceren naar ${path} zou ${what} overschrijven: alles in het doel wat niet in de site staat, wordt verwijderd`, 'Kies een eigen, lege map voor de site buiten het project, bijvoorbeeld /var/www/raadsarchief.');
  };
  if (path === resolve('/') || path === resolve(homedir())) refuse(path === resolve('/') ? 'de hele schijf' : 'uw thuismap');
  const folders: [string, string][] = [
    [protect.project, 'het project'],
    [protect.content, 'de inhoud (content/)'],
    [protect.data, 'de data (data/)'],
    [protect.dist, 'de gebouwde site (dist/)'],
  ];
  for (const [folder, what] of folders) {
    if (inside(folder, path) || inside(path, folder)) refuse(what);
  }
}
