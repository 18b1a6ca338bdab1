/**
 * RSS items for briefings: title, link, date (only as precise as known),
 * summary and category.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Briefing } from '../content/archive';
import { DOCUMENT_TYPES } from '../../schemas/document-types';
import { briefingUrl } from '../site/urls';

export const FEED_SIZE = 50;

export function feedItems(briefings: Briefing[]): RSSFeedItem[] {
  return briefings.slice(0, FEED_SIZE).map((b) => ({
    title: b.data.titel,
    link: briefingUrl(b.id),
    // RSS wants a full date; a month or year is placed on its first day, an unknown date is left out.
    pubDate: b.data.datum.year ? new Date(Date.UTC(b.data.datum.year, (b.data.datum.month ?? 1) - 1, b.data.datum.day ?? 1)) : undefined,
    description: b.data.samenvatting ?? b.data.onderwerp ?? DOCUMENT_TYPES[b.data.type].label,
    categories: [DOCUMENT_TYPES[b.data.type].label, ...b.data.onderwerpen],
  }));
}
