/**
 * The archive as pages need it: every briefing once, sorted, checked for
 * references that do not resolve, and indexed by type, year and organisation.
 * Loaded once per build, not once per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { resolve } from 'node:path';
import { briefingFiles, type BriefingFiles } from './attachments';
import { contentDir } from './paths';
import { compareDatesDesc } from '../formats/dates';
import type { DocumentType } from '../../schemas/document-types';
import { ContentErrors, type ContentErrorDetails } from '../errors/content-error';
import { loadOrganisations } from './organisations';
import { publishable } from './placeholders';
import type { Organisation } from '../../schemas/organisation';

export type Briefing = CollectionEntry<'stukken'>;

export interface Archive {
  briefings: Briefing[];
  byId: Map<string, Briefing>;
  organisations: Map<string, Organisation>;
  /** Related briefings in both directions: what a briefing names and what names it. */
  related: Map<string, Briefing[]>;
  /** Briefings that cite each dataset, computed once rather than per dataset. */
  citations: Map<string, Briefing[]>;
  /** Each briefing's signed original and attachments, checked. */
  files: Map<string, BriefingFiles>;
  years: number[];
}

let archivePromise: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  archivePromise ??= buildArchive();
  return archivePromise;
}

async function buildArchive(): Promise<Archive> {
  // Placeholders are never published: a draft stays offline, a placeholder in an optional field is left out (see placeholders.ts).
  const drafts = new Set<string>();
  const briefings = (await getCollection('stukken'))
    .flatMap((entry) => {
      const shown = publishable(entry.data);
      if (!shown.data) {
        drafts.add(entry.id);
        return [];
      }
      return [shown.data === entry.data ? entry : { ...entry, data: shown.data as typeof entry.data }];
    })
    .sort(
    (a, b) => compareDatesDesc(a.data.datum, b.data.datum) || a.data.titel.localeCompare(b.data.titel, 'nl'),
  );
  const organisations = loadOrganisations();
  const byId = new Map(briefings.map((b) => [b.id, b]));
  const errors: ContentErrorDetails[] = [];
  const related = new Map<string, Briefing[]>(briefings.map((b) => [b.id, []]));
  const files = new Map<string, BriefingFiles>();

  for (const briefing of briefings) {
    const file = briefing.filePath ?? briefing.id;
    if (!organisations.has(briefing.data.organisatie)) {
      errors.push({
        file,
        message: `organisatie "${briefing.data.organisatie}" bestaat niet`,
        hint: `Bekende organisaties: ${[...organisations.keys()].join(', ')}. Voeg anders content/organisaties/${briefing.data.organisatie}.yaml toe.`,
      });
    }
    // The check before the build reports these with their line; this keeps a page from linking a file that is not there.
    const found = briefingFiles(briefing.data, resolve(file), contentDir());
    for (const problem of found.problems) if (problem.severity === 'error') errors.push({ file, message: problem.message, hint: problem.hint });
    files.set(briefing.id, found.files);
    // An answer and its questions letter link to each other; as related briefings, each page's cache key covers the other.
    const questionsLetter = briefing.data.vragen?.vragenbrief ? byId.get(briefing.data.vragen.vragenbrief) : undefined;
    if (questionsLetter) {
      const forward = related.get(briefing.id)!;
      if (!forward.includes(questionsLetter)) forward.push(questionsLetter);
      const backward = related.get(questionsLetter.id)!;
      if (!backward.includes(briefing)) backward.push(briefing);
    }
    for (const target of briefing.data.gerelateerd) {
      const other = byId.get(target);
      if (!other) {
        // A draft is offline for now; the check lists it, and the link appears once it is published.
        if (drafts.has(target)) continue;
        errors.push({ file, message: `gerelateerd stuk "${target}" bestaat niet`, hint: 'Gebruik de bestandsnaam van het andere stuk, zonder .md of .mdx.' });
        continue;
      }
      const forward = related.get(briefing.id)!;
      if (!forward.includes(other)) forward.push(other);
      const backward = related.get(other.id)!;
      if (!backward.includes(briefing)) backward.push(briefing);
    }
  }
  if (errors.length) throw new ContentErrors(errors);

  const citations = new Map<string, Briefing[]>();
  for (const briefing of briefings) {
    for (const id of briefing.data.bodyFacts.datasets) {
      const list = citations.get(id) ?? [];
      list.push(briefing);
      citations.set(id, list);
    }
  }

  const years = [...new Set(briefings.map((b) => b.data.datum.year).filter((y): y is number => y !== undefined))].sort((a, b) => b - a);
  return { briefings, byId, organisations, related, citations, files, years };
}

export function briefingsOfType(archive: Archive, type: DocumentType): Briefing[] {
  return archive.briefings.filter((b) => b.data.type === type);
}
