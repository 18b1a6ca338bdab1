/** RSS feed of the newest briefings of every kind. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/content/archive';
import { feedItems } from '../lib/publication/feeds';
import { loadSiteSettings } from '../lib/content/site-settings';
import { url } from '../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const settings = loadSiteSettings();
  const archive = await getArchive();
  return rss({
    title: settings.naam,
    description: settings.omschrijving,
    site: new URL(url(''), site).href,
    items: feedItems(archive.briefings),
    customData: '<language>nl-nl</language>',
  });
};
