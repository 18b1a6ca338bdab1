/**
 * Checks content/ and data/ before Astro builds anything, so a broken data file
 * that no page happens to cite still stops the build, and a clerk sees every
 * problem at once, each with file, line and what to do.
 */
import { sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkArchive } from '../lib/content/check';
import { ContentErrors, formatContentErrors } from '../lib/errors/content-error';
import { contentDir, dataDir, displayPath } from '../lib/content/paths';
import { publishable } from '../lib/content/placeholders';

/** A briefing the last check found publishable, with the year its page files it under. */
export interface ForecastPage {
  id: string;
  year: number | undefined;
}

let forecast: ForecastPage[] | undefined;

/**
 * The briefings the last check in this process found publishable: the search
 * index plans its shards from them before a page is built (see
 * src/integrations/search-index.ts). Only ids and years are kept, not the
 * checked files, which would hold every letter's text in memory during the build.
 */
export const publicationForecast = (): readonly ForecastPage[] | undefined => forecast;

export function contentCheck(): AstroIntegration {
  return {
    name: 'raadsarchief:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { errors, warnings, briefings, datasets } = checkArchive();
        forecast =
          command === 'build'
            ? briefings.flatMap((briefing) => {
                const shown = publishable(briefing.data).data;
                return shown ? [{ id: briefing.id, year: shown.datum.year }] : [];
              })
            : undefined;
        if (warnings.length) {
          // In the build log at most ten files per shared message; `npm run check` lists them all.
          logger.warn(`${warnings.length} ${warnings.length === 1 ? 'waarschuwing' : 'waarschuwingen'}:\n\n${formatContentErrors(warnings, { filesShown: 10 })}`);
        }
        // A strict build treats warnings such as totals that do not add up as errors (RAADSARCHIEF_STRIKT=1);
        // points for review (placeholders, which are never published, or a date the Woo-index lacks) do not stop it.
        if (process.env.RAADSARCHIEF_STRIKT === '1') errors.push(...warnings.filter((warning) => !warning.review));
        if (errors.length === 0) {
          logger.info(`${briefings.length} stukken en ${datasets.size} datasets gecontroleerd: geen fouten.`);
          return;
        }
        const problem = new ContentErrors(errors);
        // The dev server keeps running so the clerk can fix and reload; a build must stop.
        if (command === 'dev') logger.error(problem.message);
        else {
          // The message says file, line and what to do; a stack trace into this file would only confuse.
          problem.stack = '';
          throw problem;
        }
      },
      // While previewing, every save is checked again: the clerk sees the same
      // messages as `npm run check`, in the terminal and over the page.
      'astro:server:setup': ({ server, logger }) => {
        const roots = [contentDir(), dataDir()];
        server.watcher.add(roots);
        let current: ContentErrors | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const showOverPage = () => {
          if (current) server.ws.send({ type: 'error', err: { message: current.message, stack: '', plugin: 'raadsarchief:content-check' } });
        };
        const recheck = (path: string) => {
          if (!roots.some((root) => path.startsWith(root + sep))) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const { errors, warnings } = checkArchive();
            const changed = displayPath(path);
            const own = warnings.filter((w) => w.file === changed);
            if (own.length) logger.warn(`${changed}:\n\n${formatContentErrors(own)}`);
            if (errors.length) {
              current = new ContentErrors(errors);
              logger.error(current.message);
              showOverPage();
            } else if (current) {
              current = undefined;
              logger.info('Geen fouten meer in de inhoud.');
              server.ws.send({ type: 'full-reload' });
            }
          }, 200);
        };
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
        // A page opened or reloaded while a mistake is still there shows it too.
        server.ws.on('connection', () => setTimeout(showOverPage, 300));
      },
    },
  };
}
