/** RSS feed of the newest briefings of every kind. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/content/archive';
import { feedOptions } from '../lib/publication/feeds';
import { loadSiteSettings } from '../lib/content/site-settings';
import { url } from '../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const settings = loadSiteSettings();
  const archive = await getArchive();
  return rss(
    feedOptions(archive, {
      title: settings.naam,
      description: settings.omschrijving,
      listing: new URL(url('archief/'), site),
      self: new URL(url('feed.xml'), site),
      briefings: archive.briefings,
    }),
  );
};
