/**
 * What the briefing header shows, derived from frontmatter: the privacy rule
 * lives here — a resident who asked is described, never named.
 */
import type { Asker, BriefingData } from '../../schemas/briefing';
import { formatPartialDate } from '../formats/dates';
import { DOCUMENT_TYPES } from '../../schemas/document-types';
import type { PublishedFile } from '../content/attachments';
import { formatFileSize } from '../formats/numbers';

export function describeAsker(asker: Asker): string {
  switch (asker.soort) {
    case 'raadslid':
      return asker.fractie ? `${asker.naam} (${asker.fractie})` : asker.naam;
    case 'fractie':
      return `de fractie ${asker.fractie}`;
    case 'inwoner':
      return asker.omschrijving ?? 'een inwoner';
    case 'organisatie':
      return asker.naam;
  }
}

export function typeLabel(data: Pick<BriefingData, 'type'>): string {
  return DOCUMENT_TYPES[data.type].label;
}

export function periodLabel(period: NonNullable<BriefingData['periode']>): string {
  const parts: Record<string, string> = {
    jaar: '',
    'eerste-helft': ', eerste helft',
    'tweede-helft': ', tweede helft',
    q1: ', eerste kwartaal',
    q2: ', tweede kwartaal',
    q3: ', derde kwartaal',
    q4: ', vierde kwartaal',
  };
  return `${period.jaar}${parts[period.deel]}`;
}

export function dateLabel(data: Pick<BriefingData, 'datum'>): string {
  return formatPartialDate(data.datum);
}

/** "PDF, 245 kB": what a reader needs to know before opening a file. */
export function fileDescription(file: PublishedFile): string {
  return `${file.type.label}, ${formatFileSize(file.size)}`;
}

/**
 * Said beside a signed original whose text was read from a scan with OCR
 * (its stored text, src/lib/content/ocr-text.ts): recognition misreads, and a
 * reader who quotes the letter should know which text counts.
 */
export const OCR_ORIGINAL_NOTE = 'Het origineel is een scan: de tekst is met tekstherkenning (OCR) gelezen en kan leesfouten bevatten. Het origineel is leidend.';

/** The same, short, after an attachment's link. */
export const OCR_ATTACHMENT_NOTE = 'gescand; tekst met OCR gelezen';
