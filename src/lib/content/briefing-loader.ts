/**
 * The content loader for content/stukken. It keeps in Astro's content store
 * only what pages list and link — the validated frontmatter, the file path, a
 * digest and a few facts about the body — and not the body or its HTML: the
 * body of a `.md` briefing is rendered when its page is made (see
 * src/markdown/render.ts), a `.mdx` briefing goes through Astro's MDX
 * integration as a module. Astro's own glob loader keeps every body and its
 * HTML in one string, which passes what V8 can hold near 100,000 briefings.
 *
 * Files are validated by the same code as `npm run check`, and during a build
 * the loader takes what the check already read (src/lib/content/checked-briefings.ts).
 */
import { relative, resolve, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { briefingPaths, readBriefing, type CheckedBriefing } from './check';
import { takeCheckedBriefing } from './checked-briefings';
import { bodyFacts } from './citations';
import { contentDir } from './paths';
import { formatContentError } from '../errors/content-error';

/** The address of a briefing is its file name, whatever folder it sits in. */
export const briefingId = (path: string) => path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/i, '');

export function briefingLoader(): Loader {
  return {
    name: 'raadsarchief:stukken',
    load: async ({ store, generateDigest, watcher, logger, config }) => {
      const root = contentDir();
      const projectRoot = fileURLToPath(config.root);

      const sync = (path: string): string | undefined => {
        const checked = takeCheckedBriefing<CheckedBriefing>(path) ?? readBriefing(path, root).briefing;
        if (!checked) {
          // The check has already said what is wrong (and stops a build); the preview leaves the page out until it is fixed.
          const { errors } = readBriefing(path, root);
          logger.warn(errors.map(formatContentError).join('\n\n'));
          return undefined;
        }
        const digest = generateDigest(checked.text);
        const existing = store.get(checked.id);
        const format = path.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
        if (existing?.digest === digest && existing.filePath) {
          if (existing.deferredRender) store.addModuleImport(existing.filePath);
          return checked.id;
        }
        store.set({
          id: checked.id,
          data: { ...checked.data, bodyFacts: bodyFacts(checked.body, format) },
          filePath: relative(projectRoot, path).split(sep).join('/'),
          digest,
          // MDX is compiled by Astro's MDX integration into a module of its own; render() imports it.
          ...(format === 'mdx' ? { deferredRender: true } : {}),
        });
        return checked.id;
      };

      const untouched = new Set(store.keys());
      for (const path of briefingPaths(root)) {
        const id = sync(path);
        if (id) untouched.delete(id);
      }
      for (const id of untouched) store.delete(id);

      // While previewing: a saved, added or removed letter is in the store at once.
      if (!watcher) return;
      const stukken = resolve(root, 'stukken');
      const ours = (path: string) => path.startsWith(stukken + sep) && /\.mdx?$/i.test(path);
      watcher.add(stukken);
      const update = (path: string) => {
        if (ours(path)) sync(path);
      };
      watcher.on('change', update).on('add', update);
      watcher.on('unlink', (path) => {
        if (ours(path)) store.delete(briefingId(path));
      });
    },
  };
}
