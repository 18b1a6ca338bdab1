/**
 * RSS feeds of briefings: the whole archive and one per kind of briefing. Each
 * channel links to its own listing and to itself (atom:link rel="self", so a
 * feed reader can tell where it came from), an item carries the signed
 * original as its enclosure, and a date is never more precise than the source:
 * RSS's pubDate is a full moment, so a briefing known only by year or month
 * gets a Dublin Core date ("2013", "2025-07") instead of "1 Jan 2013 00:00".
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Archive, Briefing } from '../content/archive';
import { DOCUMENT_TYPES } from '../../schemas/document-types';
import { briefingFileUrl, briefingUrl } from '../site/urls';

export const FEED_SIZE = 50;

export interface FeedChannel {
  title: string;
  description: string;
  /** The listing the feed follows, as an absolute URL. */
  listing: URL;
  /** The feed's own absolute URL. */
  self: URL;
  briefings: Briefing[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function feedItems(archive: Archive, briefings: Briefing[], site: URL): RSSFeedItem[] {
  return briefings.slice(0, FEED_SIZE).map((b) => {
    const { datum } = b.data;
    const original = archive.files.get(b.id)?.original;
    return {
      title: b.data.titel,
      link: briefingUrl(b.id),
      pubDate: datum.precision === 'dag' ? new Date(Date.UTC(datum.year!, datum.month! - 1, datum.day!)) : undefined,
      customData: datum.precision === 'maand' || datum.precision === 'jaar' ? `<dc:date>${datum.iso}</dc:date>` : undefined,
      description: b.data.samenvatting ?? b.data.onderwerp ?? DOCUMENT_TYPES[b.data.type].label,
      categories: [DOCUMENT_TYPES[b.data.type].label, ...b.data.onderwerpen],
      enclosure: original ? { url: new URL(briefingFileUrl(b.id, original.name), site).href, length: original.size, type: original.type.mediaType } : undefined,
    };
  });
}

/** Everything `rss()` needs for one channel. */
export function feedOptions(archive: Archive, channel: FeedChannel): RSSOptions {
  return {
    title: channel.title,
    description: channel.description,
    // The channel's <link> is the listing it follows.
    site: channel.listing.href,
    items: feedItems(archive, channel.briefings, channel.listing),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>nl-nl</language><atom:link href="${escapeXml(channel.self.href)}" rel="self" type="application/rss+xml"/>`,
  };
}
