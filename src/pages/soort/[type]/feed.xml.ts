/** RSS feed of the newest briefings of one type; its channel links to that type's listing. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../lib/content/archive';
import { DOCUMENT_TYPE_KEYS, DOCUMENT_TYPES, type DocumentType } from '../../../schemas/document-types';
import { feedOptions } from '../../../lib/publication/feeds';
import { loadSiteSettings } from '../../../lib/content/site-settings';
import { typeUrl, url } from '../../../lib/site/urls';

export const getStaticPaths = (() => DOCUMENT_TYPE_KEYS.map((type) => ({ params: { type } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const type = params.type as DocumentType;
  const archive = await getArchive();
  return rss(
    feedOptions(archive, {
      title: `${loadSiteSettings().naam}: ${DOCUMENT_TYPES[type].plural}`,
      description: DOCUMENT_TYPES[type].description,
      listing: new URL(typeUrl(type), site),
      self: new URL(url(`soort/${type}/feed.xml`), site),
      briefings: archive.briefings.filter((b) => b.data.type === type),
    }),
  );
};
