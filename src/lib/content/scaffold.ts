/**
 * What `npm run new` writes: a briefing with complete frontmatter and the
 * skeleton of its type, at a file name that does not exist yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_KEYS, type DocumentType } from '../../schemas/document-types';
import { parsePartialDate, type PartialDate } from '../../schemas/partial-date';
import { PLACEHOLDER_MARK } from './body-check';
import { slugify } from '../formats/slug';

export { slugify };

export interface ScaffoldInput {
  type: DocumentType;
  organisatie: string;
  titel: string;
  datum: string;
  kenmerk?: string;
  /** Number of questions for a Q&A letter. */
  vragen?: number;
  /** The signed original, already in the archive, relative to the briefing: bijlagen/<name>. */
  origineel?: string;
  bijlagen?: ScaffoldAttachment[];
}

/**
 * An attachment as `npm run new` knows it: a file already in the archive (with
 * the name it came with, offered as a title to confirm), or only the title of
 * one that is not public.
 */
export type ScaffoldAttachment = { bestand: string; naam?: string } | { titel: string };

/** Text the clerk must replace or confirm; `npm run check` warns until it is gone. */
export const fill = (what: string) => `${PLACEHOLDER_MARK}: ${what}]`;

/** A file name that no briefing has yet: adds -2, -3, … when needed. */
export function freeFileName(folder: string, base: string, extension: string, taken: (path: string) => boolean = existsSync): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${extension}`;
    if (!taken(join(folder, name)) && !taken(join(folder, `${base}${n === 1 ? '' : `-${n}`}${extension === '.md' ? '.mdx' : '.md'}`))) return name;
  }
}

export function validateScaffoldInput(input: Partial<ScaffoldInput>): string[] {
  const problems: string[] = [];
  if (!input.type || !DOCUMENT_TYPE_KEYS.includes(input.type)) problems.push(`--type moet een van ${DOCUMENT_TYPE_KEYS.join(', ')} zijn`);
  if (!input.organisatie || !/^[a-z0-9-]+$/.test(input.organisatie)) problems.push('--organisatie is de naam van een bestand in content/organisaties/, bijvoorbeeld almelo');
  if (!input.titel?.trim()) problems.push('--titel ontbreekt');
  const date = input.datum === undefined ? { error: 'ontbreekt' } : parsePartialDate(input.datum);
  if ('error' in date) problems.push(`--datum: ${date.error} (schrijf 2025-03-04, 2025-03, 2025 of onbekend)`);
  if (input.vragen !== undefined && (!Number.isInteger(input.vragen) || input.vragen < 1 || input.vragen > 50)) problems.push('--vragen is een aantal van 1 tot 50');
  if (input.bijlagen?.some((b) => 'titel' in b && !b.titel.trim())) problems.push('--bijlage-niet-openbaar heeft de titel van de bijlage nodig, bijvoorbeeld --bijlage-niet-openbaar "Advies van de vertrouwensarts"');
  return problems;
}

export function scaffoldFileBase(input: ScaffoldInput): string {
  const date = parsePartialDate(input.datum) as PartialDate;
  return [input.organisatie, date.year ? String(date.year) : undefined, slugify(input.titel)].filter(Boolean).join('-');
}

/** Where the original goes in content/stukken/bijlagen/: named after its briefing, as the README shows. */
export function originalFileName(briefingName: string, type: DocumentType, extension: string): string {
  const suffix = DOCUMENT_TYPES[type].original === 'Ondertekende brief' ? 'ondertekend' : 'origineel';
  return `${briefingName.replace(/\.mdx?$/, '')}-${suffix}.${extension.replace(/^\./, '').toLowerCase()}`;
}

/** "parkeeronderzoek_2024-def.PDF" → "Parkeeronderzoek 2024 def": a file's own name, as a title the clerk confirms. */
export function titleFromFileName(name: string): string {
  const words = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[-_\s]+/g, ' ').replace(/[[\]]/g, '').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function scaffoldExtension(type: DocumentType): '.md' | '.mdx' {
  // Reports combine tables, charts and status; letters stay plain Markdown.
  return type === 'rapportage' ? '.mdx' : '.md';
}

export function scaffold(input: ScaffoldInput): string {
  const date = parsePartialDate(input.datum) as PartialDate;
  const frontmatter: Record<string, unknown> = {
    type: input.type,
    titel: input.titel.trim(),
    samenvatting: fill('een of twee zinnen over waar het stuk over gaat'),
    organisatie: input.organisatie,
    datum: date.iso || 'onbekend',
    ...(input.kenmerk ? { kenmerk: input.kenmerk } : {}),
    aan: input.type === 'vragen-inwoner' ? 'De vraagsteller' : input.type === 'woo-besluit' ? 'De verzoeker' : 'De gemeenteraad',
  };
  let body: string;
  const questions = (count: number) =>
    Array.from({ length: count }, (_, i) => `## Vraag ${i + 1}\n\n> ${fill(`vraag ${i + 1}, zoals gesteld`)}\n\n${fill(`het antwoord op vraag ${i + 1}`)}\n`).join('\n');

  switch (input.type) {
    case 'vragen-raadslid':
      frontmatter.vragen = { gesteldDoor: { soort: 'raadslid', naam: fill('naam van het raadslid'), fractie: fill('fractie') }, gesteldOp: 'onbekend' };
      body = `${fill('inleiding: wanneer en waarover de vragen zijn gesteld')}\n\n${questions(input.vragen ?? 5)}`;
      break;
    case 'schriftelijke-vragen':
      // The letter as it came in: the questions without answers; the answer letter links to it with vragenbrief:.
      frontmatter.aan = 'Het college van burgemeester en wethouders';
      frontmatter.vragen = { gesteldDoor: { soort: 'raadslid', naam: fill('naam van het raadslid'), fractie: fill('fractie') }, gesteldOp: date.iso || 'onbekend' };
      body = `${fill('inleiding: aanleiding van de vragen')}\n\n${Array.from({ length: input.vragen ?? 5 }, (_, i) => `## Vraag ${i + 1}\n\n${fill(`vraag ${i + 1}`)}\n`).join('\n')}`;
      break;
    case 'vragen-inwoner':
      // A resident is a private person: no name field, and the salutation stays neutral.
      frontmatter.vragen = { gesteldDoor: { soort: 'inwoner', omschrijving: 'een inwoner' }, gesteldOp: 'onbekend' };
      body = `${fill('inleiding: wanneer en waarover de vragen binnenkwamen; noem de inwoner niet bij naam')}\n\n${questions(input.vragen ?? 3)}`;
      break;
    case 'motie-uitvoering':
      frontmatter.motie = { titel: fill('titel van de motie'), aangenomen: 'onbekend', verzoeken: [fill('wat de motie het college vraagt')], status: 'in-uitvoering' };
      body = `${fill('inleiding: wanneer de raad de motie aannam en wat zij vroeg')}\n\n## Uitvoering\n\n${fill('wat het college heeft gedaan')}\n\n## Tot slot\n\n${fill('of de motie hiermee is afgehandeld')}\n`;
      break;
    case 'woo-besluit':
      // The requester is a private person: no name anywhere, only what was asked.
      frontmatter.woo = { verzoek: fill('waarover het verzoek ging, in een paar woorden'), ontvangen: 'onbekend', besluit: 'deels-openbaar', gronden: [] };
      body = `## Uw verzoek\n\n${fill('wat is gevraagd en wanneer; noem de verzoeker niet bij naam')}\n\n## Besluit\n\n${fill('wat openbaar wordt gemaakt en wat niet')}\n\n## Motivering\n\n${fill('waarom, met de artikelen van de Woo')}\n`;
      break;
    case 'raadsinformatiebrief':
      body = `${fill('aanleiding: waarom het college de raad nu informeert')}\n\n## ${fill('kern van de informatie')}\n\n${fill('wat de raad moet weten')}\n\n## Vervolg\n\n${fill('wat er hierna gebeurt en wanneer de raad weer hoort')}\n`;
      break;
    case 'rapportage':
      frontmatter.periode = { jaar: date.year ?? new Date().getFullYear(), deel: 'jaar' };
      body = `## Samenvatting\n\n${fill('de belangrijkste ontwikkelingen')}\n\n## Overzicht per thema\n\n{/* Zet hier het statusoverzicht en de legenda, bijvoorbeeld:\n<StatusOverview dataset="naam-van-de-dataset" />\n<StoplightLegend /> */}\n\n${fill('per thema een eigen kop (## Thema) met de cijfers en de toelichting')}\n`;
      break;
    default:
      body = `## Inleiding\n\n${fill('aanleiding en doel van de notitie')}\n\n## ${fill('hoofdstuk')}\n\n${fill('tekst')}\n`;
  }
  frontmatter.onderwerpen = [];
  frontmatter.ondertekening = { namens: fill('namens wie, bijvoorbeeld Burgemeester en wethouders van …'), personen: [] };
  if (input.origineel) frontmatter.origineel = input.origineel;
  if (input.bijlagen?.length) {
    // A file's name is seldom its title, so the name is only offered; the check reminds the clerk until it is confirmed.
    frontmatter.bijlagen = input.bijlagen.map((attachment) =>
      'titel' in attachment
        ? { titel: attachment.titel.trim() }
        : { titel: fill(attachment.naam && titleFromFileName(attachment.naam) ? `titel van de bijlage, bijvoorbeeld: ${titleFromFileName(attachment.naam)}` : 'titel van de bijlage'), bestand: attachment.bestand },
    );
  }
  // Dates the clerk must look up cannot hold a placeholder (they must stay valid), so a comment asks for them.
  const yaml = dump(frontmatter, { lineWidth: 120 })
    .trimEnd()
    .replace(/^(\s+gesteldOp: onbekend)$/m, `$1  # ${fill('datum waarop de vragen zijn gesteld, bijvoorbeeld 2025-02-10, of laat onbekend staan')}`)
    .replace(/^(\s+aangenomen: onbekend)$/m, `$1  # ${fill('datum waarop de raad de motie aannam, of laat onbekend staan')}`)
    .replace(/^(\s+ontvangen: onbekend)$/m, `$1  # ${fill('datum waarop het verzoek binnenkwam, of laat onbekend staan')}`)
    .replace(/^(\s+besluit: deels-openbaar)$/m, `$1  # ${fill('openbaar, deels-openbaar, niet-openbaar, geen-documenten, reeds-openbaar of buiten-behandeling')}`);
  return `---\n${yaml}\n---\n${body}`;
}
