/**
 * Checks content/ and data/ before Astro builds anything, so a broken data file
 * that no page happens to cite still stops the build, and a clerk sees every
 * problem at once, each with file, line and what to do.
 */
import type { AstroIntegration } from 'astro';
import { checkArchive } from '../lib/check';
import { ContentErrors, formatContentError } from '../lib/errors';

export function contentCheck(): AstroIntegration {
  return {
    name: 'raadsarchief:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { errors, warnings, briefings, datasets } = checkArchive();
        if (warnings.length) {
          logger.warn(`${warnings.length} ${warnings.length === 1 ? 'waarschuwing' : 'waarschuwingen'}:\n\n${warnings.map(formatContentError).join('\n\n')}`);
        }
        // A strict build treats totals that do not add up as errors (RAADSARCHIEF_STRIKT=1).
        if (process.env.RAADSARCHIEF_STRIKT === '1' && warnings.length) errors.push(...warnings);
        if (errors.length === 0) {
          logger.info(`${briefings.length} stukken en ${datasets.size} datasets gecontroleerd: geen fouten.`);
          return;
        }
        const problem = new ContentErrors(errors);
        // The dev server keeps running so the clerk can fix and reload; a build must stop.
        if (command === 'dev') logger.error(problem.message);
        else throw problem;
      },
    },
  };
}
