/**
 * A briefing's signed original and attachments, published byte for byte under
 * the briefing: /stukken/<id>/<file>. The files were checked (type, content,
 * place) before the build started; see src/lib/content/attachments.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { isPublished, type PublishedFile } from '../../../lib/content/attachments';
import { getArchive } from '../../../lib/content/archive';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.briefings.flatMap((briefing) => {
    const { original, attachments } = archive.files.get(briefing.id)!;
    return [original, ...attachments]
      .filter((file): file is PublishedFile => !!file && isPublished(file))
      // The bytes decide: a changed file gets a new key, an unchanged one is copied.
      .map((file) => {
        // With the extension as a parameter of its own, Astro's incremental build copies an unchanged file instead of writing it again.
        const dot = file.name.lastIndexOf('.');
        return { params: { id: briefing.id, file: file.name.slice(0, dot), ext: file.name.slice(dot + 1) }, props: { file }, cacheKey: file.sha256 };
      });
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: PublishedFile };
  return new Response(readFileSync(file.source), { headers: { 'Content-Type': file.type.mediaType } });
};
