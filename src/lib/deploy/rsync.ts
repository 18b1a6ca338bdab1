/**
 * Publishing with rsync, over SSH to a web server or to a local path. rsync
 * compares by checksum and leaves files that are the same untouched (without
 * --times their date, and so their ETag, stays), puts every changed file in
 * place at the end (--delay-updates) and deletes what the site no longer has
 * only after that (--delete-delay).
 */
import { spawnSync } from 'node:child_process';
import { DeployError, type RsyncTarget } from './target';

export function rsyncArguments(source: string, target: RsyncTarget, env: NodeJS.ProcessEnv = process.env): string[] {
  const args = [
    '--recursive',
    '--checksum',
    '--delete',
    '--delete-delay',
    '--delay-updates',
    // Readable for the web server, whatever the rights in the build folder were.
    '--perms',
    '--chmod=D755,F644',
    '--compress',
    '--human-readable',
    '--stats',
  ];
  // In CI nobody can type a password or accept an unknown server: fail instead of waiting forever.
  if (target.remote && !env.RSYNC_RSH) args.push('--rsh=ssh -o BatchMode=yes');
  return [...args, source.endsWith('/') ? source : `${source}/`, target.destination];
}

/** Refuses before any work starts when rsync is not installed on this machine. */
export function requireRsync(command = 'rsync'): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new DeployError(
      'rsync is niet geïnstalleerd op deze machine (of staat niet in het PATH)',
      'Installeer rsync (Debian/Ubuntu: sudo apt-get install rsync; macOS: brew install rsync) of publiceer naar een map met --doel map:/pad. Op de webserver moet rsync ook geïnstalleerd zijn.',
    );
  }
}

/** What rsync's exit codes mean for a webmaster (man rsync, EXIT VALUES). */
const EXIT_MEANINGS: Record<number, string> = {
  1: 'rsync begreep de opdracht niet',
  3: 'de map op de server bestaat niet of is niet te schrijven',
  5: 'rsync kon niet starten aan de kant van de server; staat rsync daar geïnstalleerd?',
  10: 'de verbinding met de server mislukte',
  11: 'lezen of schrijven van een bestand mislukte (schijf vol, of geen rechten?)',
  12: 'de verbinding brak af of rsync ontbreekt op de server',
  23: 'een deel van de bestanden kon niet worden overgezet (rechten op de server?)',
  24: 'bestanden verdwenen tijdens het overzetten',
  30: 'de verbinding duurde te lang',
  35: 'de verbinding duurde te lang',
  255: 'SSH kon geen verbinding maken: klopt de gebruiker, de host, de SSH-sleutel, en staat de server in known_hosts?',
};

export function runRsync(source: string, target: RsyncTarget, command = 'rsync'): void {
  const result = spawnSync(command, rsyncArguments(source, target), { stdio: 'inherit' });
  if (result.error) throw new DeployError(`rsync kon niet starten: ${result.error.message}`);
  if (result.status !== 0) {
    const meaning = EXIT_MEANINGS[result.status ?? -1] ?? 'zie de melding van rsync hierboven';
    throw new DeployError(
      `rsync naar ${target.label} is mislukt (code ${result.status ?? result.signal}): ${meaning}`,
      'Op de server staat nog de vorige versie, of een deel van de nieuwe. Los het op en publiceer opnieuw: alleen wat verschilt wordt overgezet.',
    );
  }
}
