/** RSS feed of the newest briefings of every kind. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/archive';
import { feedItems } from '../lib/feeds';
import { loadSiteSettings } from '../lib/site';
import { url } from '../lib/urls';

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
