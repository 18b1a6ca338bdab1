/**
 * Stoplight status: a word and a shape, never colour alone. The shapes differ
 * (octagon, triangle, circle) so the status survives greyscale print and colour blindness.
 */
import type { StatusOrigin, StoplightStatus } from '../schemas/common';
import { escape, visuallyHidden } from './html';

export const STOPLIGHT_MEANINGS: Record<StoplightStatus, { word: string; meaning: string }> = {
  rood: { word: 'Rood', meaning: 'extra maatregel nodig' },
  oranje: { word: 'Oranje', meaning: 'extra aandacht nodig' },
  groen: { word: 'Groen', meaning: 'loopt zoals gepland' },
};

export const ORIGIN_LABELS: Record<StatusOrigin, string> = {
  bron: 'volgens de bron',
  afgeleid: 'afgeleid door de redactie',
  berekend: 'berekend uit de norm',
  onbekend: 'niet vermeld in de bron',
};

const SHAPES: Record<StoplightStatus, string> = {
  rood: '<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z"/>',
  oranje: '<path d="M8 1l7.5 13.5H.5z"/>',
  groen: '<circle cx="8" cy="8" r="7"/>',
};

export function renderStoplightIcon(status: StoplightStatus): string {
  return `<svg class="ra-stoplicht__vorm" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${SHAPES[status]}</svg>`;
}

/** Inline status: shape + word, the meaning for screen readers, a visible mark when not from the source. */
export function renderStoplight(status: StoplightStatus, origin: StatusOrigin = 'bron'): string {
  const { word, meaning } = STOPLIGHT_MEANINGS[status];
  const originMark = origin === 'bron' ? '' : ` <span class="ra-stoplicht__herkomst">(${escape(origin === 'afgeleid' ? 'afgeleid' : 'berekend')})</span>`;
  return `<span class="ra-stoplicht ra-stoplicht--${status}">${renderStoplightIcon(status)}<span class="ra-stoplicht__woord">${word}</span>${visuallyHidden(`: ${meaning}`)}${originMark}</span>`;
}

export function renderStoplightLegend(): string {
  const items = (Object.keys(STOPLIGHT_MEANINGS) as StoplightStatus[])
    .map((status) => `<div class="ra-legenda__item"><dt>${renderStoplight(status)}</dt><dd>${escape(STOPLIGHT_MEANINGS[status].meaning)}</dd></div>`)
    .join('');
  return `<div class="ra-legenda"><p class="ra-legenda__titel">Betekenis van de stoplichtkleuren</p><dl>${items}</dl></div>`;
}
