/**
 * The shapes and words of the register statuses (src/components/StatusBadge.astro).
 * Defined once here, not in the component: a component's frontmatter runs for
 * every badge on every page, and a props schema built there is built and
 * compiled again each time.
 */
import { z } from 'astro/zod';

export const SHAPES = {
  ring: '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="2"/>',
  half: '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 1.75a6.25 6.25 0 0 0 0 12.5z" fill="currentColor"/>',
  tick: '<circle cx="8" cy="8" r="7.5" fill="currentColor"/><path d="M4.5 8.3l2.4 2.4 4.6-5" fill="none" stroke="var(--ra-color-background, #fff)" stroke-width="2"/>',
  late: '<path d="M8 .8l7.6 14H.4z" fill="currentColor"/><path d="M8 5.5v4.5M8 11.5v1.6" stroke="var(--ra-color-background, #fff)" stroke-width="1.8"/>',
  unknown: '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="2.5 2"/>',
} as const;

/** Every status a register shows, with its shape and its word. */
export const BADGES = {
  open: { shape: 'ring', word: 'Open', tone: 'neutraal' },
  'in-uitvoering': { shape: 'half', word: 'In uitvoering', tone: 'bezig' },
  afgehandeld: { shape: 'tick', word: 'Afgehandeld', tone: 'klaar' },
  'binnen-termijn': { shape: 'tick', word: 'Binnen de termijn', tone: 'klaar' },
  'over-termijn': { shape: 'late', word: 'Over de termijn', tone: 'laat' },
  'vraag-open': { shape: 'ring', word: 'Nog niet beantwoord', tone: 'neutraal' },
  onbepaald: { shape: 'unknown', word: 'Termijn niet te bepalen', tone: 'neutraal' },
  'toezegging-open': { shape: 'ring', word: 'Open', tone: 'neutraal' },
  afgedaan: { shape: 'tick', word: 'Afgedaan', tone: 'klaar' },
  'termijn-verstreken': { shape: 'late', word: 'Termijn verstreken', tone: 'laat' },
} as const;

// Not strict: Astro passes its own scoping attributes (data-astro-cid-…) to child components.
export const statusBadgeProps = z.object({
  status: z.enum(Object.keys(BADGES) as [keyof typeof BADGES, ...(keyof typeof BADGES)[]]),
  /** Replaces the word, e.g. "12 dagen over de termijn"; the shape still says which status. */
  label: z.string().min(1).optional(),
});
export type StatusBadgeProps = z.input<typeof statusBadgeProps>;

