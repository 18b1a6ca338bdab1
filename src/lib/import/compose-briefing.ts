/**
 * From a letter read as blocks to a briefing: its frontmatter, its body in
 * Markdown, its datasets and images, and the list of what the clerk must
 * still check. Nothing is written here. Everything guessed carries the
 * scaffold's own placeholder, so `npm run check` keeps warning until the
 * clerk has confirmed it.
 */
import { DOCUMENT_TYPES, type DocumentType } from '../../schemas/document-types';
import { parsePartialDate, type PartialDate } from '../../schemas/partial-date';
import type { OfficeHolder } from '../../schemas/briefing';
import { formatPartialDate } from '../formats/dates';
import { fill } from '../content/scaffold';
import { blockText, ImportProblem, type Block, type ReadLetter, type TableBlock, type TextBlock } from './blocks';
import { readLetterhead, SALUTATION } from './letterhead';
import { proposeOrganisation, type OrganisationProposal } from './organisation-proposal';
import { privateNames, removeNames } from './privacy';
import { quote, readAsker, readMotion, splitQuestions, type AskerReading } from './questions';
import { couldSendOn, findOrganisation, readSender, type OrganisationName, type RecognisedSender } from './sender';
import { readSignature } from './signature';
import { tableToDataset, type DatasetDraft } from './tables-to-datasets';
import { isWooDecision, readWooDecision, type WooReading } from './woo-decision';

export interface ComposeOptions {
  organisatie?: string;
  type?: DocumentType;
  organisations: ReadonlyArray<OrganisationName>;
  /** The letter's file, named in a proposed organisation file. */
  file?: string;
}

export interface ComposedBriefing {
  type: DocumentType;
  organisatie: string;
  titel: string;
  datum: string;
  kenmerk?: string;
  frontmatter: Record<string, unknown>;
  /** Comments after a frontmatter line, keyed by the line's start ("  gesteldOp: onbekend"). */
  comments: Array<{ line: RegExp; comment: string }>;
  /** Body with `{{dataset:N}}` for each table's dataset id and image tokens still in it. */
  body: string;
  datasets: DatasetDraft[];
  images: ReadLetter['images'];
  toCheck: string[];
  notes: string[];
  /**
   * The salutation or address block names a private person, in a letter whose
   * type is not a letter to a resident or a Woo requester: its original names
   * them and is not published as it is.
   */
  namesPrivatePerson: boolean;
  /** The municipality that sent the letter, as recognised (not when --organisatie said it). */
  sender?: RecognisedSender;
  /** An organisation file for a sender the archive does not know yet; written by the import. */
  organisationProposal?: OrganisationProposal;
}

/** Blocks as Markdown; tables become a reference to their dataset, and their caption its title. */
function toMarkdown(blocks: ReadonlyArray<Block>, tables: { next: (block: TableBlock, before?: Block) => string }, minHeading = 2): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const isCaption = block.kind !== 'table' && block.kind !== 'list' && CAPTION.test(block.text) && blocks[i + 1]?.kind === 'table';
    if (isCaption) return;
    if (block.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, Math.max(minHeading, (block.level ?? 1) + 1)))} ${block.markdown}`);
    else if (block.kind === 'paragraph') out.push(block.markdown);
    else if (block.kind === 'list') out.push(block.items.map((item, n) => `${block.ordered ? `${(block.start ?? 1) + n}.` : '-'} ${item.markdown}`).join('\n'));
    else if (block.kind === 'table') out.push(tables.next(block, blocks[i - 1]));
  });
  return out.filter(Boolean);
}

/** The blocks under the first heading that matches, as text: the "Besluit" section of a decision. */
function sectionAfter(blocks: ReadonlyArray<Block>, heading: RegExp): string {
  const start = blocks.findIndex((b) => (b.kind === 'heading' || (b.kind === 'paragraph' && b.text.length < 40)) && heading.test(b.text));
  if (start < 0) return '';
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return blocks.slice(start + 1, end < 0 ? undefined : end).map(blockText).join('\n');
}

/** One or two sentences from the first paragraph of substance, at most about 300 characters. */
export function summaryOf(blocks: ReadonlyArray<Block>): string | undefined {
  const paragraph = blocks.find((b): b is TextBlock => b.kind === 'paragraph' && b.text.length >= 60 && !SALUTATION.test(b.text) && /[.!?]/.test(b.text));
  if (!paragraph) return undefined;
  const sentences = paragraph.text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9])/);
  let summary = '';
  for (const sentence of sentences) {
    if (summary && summary.length + sentence.length > 300) break;
    summary = summary ? `${summary} ${sentence}` : sentence;
    if (summary.length >= 120) break;
  }
  return summary.length > 400 ? `${summary.slice(0, 397).replace(/\s+\S*$/, '')}…` : summary;
}

const CAPTION = /^Tabel\s*\d*\s*[:.–-]?\s*(.+)$/i;

/** "Beantwoording schriftelijke vragen over jeugdzorg" → "Jeugdzorg". */
export function subjectOf(onderwerp: string | undefined): string | undefined {
  if (!onderwerp) return undefined;
  const core = onderwerp
    .replace(/\b(?:UIT|INT|ZK|Z)[-/ ]?\d{4,}\S*/g, '')
    .replace(/^(?:beantwoording|antwoord(?:en)?(?: op)?|reactie op)\s+/i, '')
    .replace(/^(?:uw|de|uw\s+e-?mail\s+met)\s+(?=(?:schriftelijke\s+)?vragen)/i, '')
    .replace(/^(?:de\s+)?(?:schriftelijke\s+|technische\s+)?vragen\s+(?:\(art(?:ikel|\.)\s*\d+[^)]*\)\s+)?(?:van\s+[^,]+?\s+)?(?:over|inzake|betreffende|m\.b\.t\.|met betrekking tot|aangaande)\s+/i, '')
    .replace(/^(?:over|inzake|betreft)\s+/i, '')
    .replace(/[\s,:;-]+$/, '')
    .trim();
  return core ? core.charAt(0).toUpperCase() + core.slice(1) : undefined;
}

function askerTitle(asker: AskerReading['asker']): string {
  if (asker.soort === 'raadslid') return `raadslid ${asker.naam}${asker.fractie ? ` (${asker.fractie})` : ''}`;
  if (asker.soort === 'fractie') return `de fractie ${asker.fractie}`;
  return 'een inwoner';
}

export function composeBriefing(letter: ReadLetter, options: ComposeOptions): ComposedBriefing {
  const blocks = letter.blocks.filter((b) => blockText(b).trim() || ((b.kind === 'paragraph' || b.kind === 'heading') && /raadsarchief-afbeelding-/.test(b.markdown)));
  if (!blocks.length) throw new ImportProblem('het document is leeg', 'Controleer of u het goede bestand hebt gekozen; een lege brief wordt niet geïmporteerd.');
  const toCheck: string[] = [];
  const notes = [...letter.notes];
  const comments: ComposedBriefing['comments'] = [];

  const head = readLetterhead(blocks, letter.facts);
  const rest = blocks.slice(head.bodyStart);
  const signature = readSignature(rest);
  let body = signature ? rest.slice(0, signature.start) : rest;
  if (!body.some((b) => blockText(b).trim())) throw new ImportProblem('het document heeft geen tekst na de briefkop', 'Controleer of u het goede bestand hebt gekozen; een brief zonder inhoud wordt niet geïmporteerd.');

  const headText = [head.text, ...head.address, head.salutation ?? ''].join('\n');
  const introText = [headText, ...body.slice(0, 3).map(blockText)].join('\n');

  // Sender: the flag; else the municipality of the letterhead, running header, return address, signature or
  // its web address, as it was on the letter's date. A town the body mentions is not the sender.
  const facts = letter.facts;
  const signatureText = signature ? rest.slice(signature.start).map(blockText).join('\n') : '';
  const reading = options.organisatie
    ? undefined
    : readSender({ letterheadText: head.text, headerText: facts?.headerText, addressLines: head.address, aan: head.aan, signatureText, bodyText: body.map(blockText).join('\n'), date: head.datum });
  const sender = reading?.sender;
  let organisatie = options.organisatie ?? (sender && options.organisations.find((o) => o.cbsCode === sender.code)?.key);
  let organisationProposal: OrganisationProposal | undefined;
  if (!organisatie && sender) {
    organisationProposal = proposeOrganisation(sender, options.organisations, options.file);
    organisatie = organisationProposal.key;
  }
  // Not a municipality (a joint arrangement): the organisation the signature or the letterhead names;
  // the opening of the body only for an organisation that is not a municipality.
  // A municipality only while it existed: a Weesp letterhead of 2023 is not the municipality of Weesp.
  const possible = options.organisations.filter((o) => couldSendOn(o, head.datum));
  organisatie ??=
    findOrganisation(signature?.namens ?? '', possible) ??
    findOrganisation([head.text, ...head.address.filter((l) => /gemeente|raad/i.test(l))].join('\n'), possible) ??
    findOrganisation(body.slice(0, 3).map(blockText).join('\n'), possible.filter((o) => !o.cbsCode));
  if (!organisatie) {
    throw new ImportProblem(
      `de afzender is niet te herkennen: briefhoofd, retouradres en ondertekening noemen geen gemeente uit de lijst van het CBS en geen organisatie uit content/organisaties/ (${options.organisations.map((o) => o.key).join(', ')})${reading?.notes.length ? `; ${reading.notes.join('; ')}` : ''}`,
      `Geef de afzender op met --organisatie, bijvoorbeeld --organisatie ${options.organisations[0]?.key ?? 'almelo'}, of voeg de organisatie toe in content/organisaties/.`,
    );
  }
  if (sender && !options.organisatie) notes.push(`Afzender: ${sender.naam} (${sender.code}), herkend aan ${sender.evidence.join(' en ')}.`);
  const organisationName = organisationProposal?.naam ?? options.organisations.find((o) => o.key === organisatie)?.naam ?? organisatie;

  const split = splitQuestions(body);
  const asking = readAsker(introText, { aan: head.aan, address: head.address });
  const motion = readMotion(head.onderwerp, body);
  const bodyText = body.map(blockText).join('\n');
  // A decision on a Woo or Wob request is its own type, whatever else the letter holds.
  const wooLetter = !options.type && isWooDecision(head.onderwerp, bodyText);
  let type: DocumentType = options.type ?? (wooLetter ? 'woo-besluit' : split.questions.length ? (asking.asker.soort === 'inwoner' ? 'vragen-inwoner' : 'vragen-raadslid') : motion ? 'motie-uitvoering' : 'raadsinformatiebrief');
  if (!options.type && type === 'vragen-inwoner' && asking.asker.soort === 'inwoner' && asking.asker.unsure) {
    toCheck.push('de soort: de brief zegt niet duidelijk wie de vragen stelde; gekozen is “vragen van een inwoner”, zodat er geen naam wordt gepubliceerd');
    comments.push({ line: /^type: vragen-inwoner$/, comment: fill('controleer: de brief zegt niet wie de vragen stelde (inwoner, raadslid of fractie)') });
  }
  if (!options.type && type === 'raadsinformatiebrief' && /\?\s*$/m.test(body.map(blockText).join('\n'))) {
    toCheck.push('de soort: er staan vragen in de brief, maar geen genummerde vragen met antwoorden; gekozen is “raadsinformatiebrief”');
    comments.push({ line: /^type: raadsinformatiebrief$/, comment: fill('controleer de soort: er staan vragen in de brief') });
  }

  // Privacy first: a private person's name goes nowhere, and the council member's only into the asker.
  // A council member is named as the asker; anyone else greeted or addressed by name is a private person,
  // whatever type the letter was given: the type is a guess, the name on the letter is not.
  const isResidentLetter = type === 'vragen-inwoner';
  const isRequesterLetter = type === 'woo-besluit';
  const officeNames = [...(signature?.personen ?? []).flatMap((p) => (p.naam ? [p.naam] : [])), ...(asking.asker.soort === 'raadslid' ? [asking.asker.naam] : [])];
  const names = type === 'vragen-raadslid' ? [] : privateNames(head.salutation, [...(head.aan ? [head.aan] : []), ...head.address], officeNames);
  const namesPrivatePerson = names.length > 0 && !isResidentLetter && !isRequesterLetter;
  const who = isRequesterLetter ? 'de verzoeker' : isResidentLetter ? 'de vraagsteller' : 'de geadresseerde';
  if (namesPrivatePerson) {
    toCheck.push(
      `de geadresseerde: de aanhef of het adres noemt een privépersoon bij naam; de naam is weggelaten uit titel, samenvatting en tekst, en bij “aan” staat “Een privépersoon”. Controleer of de soort (${DOCUMENT_TYPES[type].label.toLowerCase()}) klopt; het origineel is niet overgenomen omdat het de naam noemt: zet de geanonimiseerde pdf bij origineel:`,
    );
  }
  let removedNames = 0;
  const scrub = (text: string) => {
    const { text: clean, removed } = removeNames(text, names, who);
    removedNames += removed;
    return clean;
  };

  // Dates: only what the letter gives.
  const datum = head.datum ?? 'onbekend';
  if (!head.datum) {
    toCheck.push('de datum van de brief: die staat niet in de briefkop');
    comments.push({ line: /^datum: onbekend$/, comment: fill('datum van de brief, bijvoorbeeld 2025-07-15, of laat onbekend staan') });
  }
  const dateText = formatPartialDate(parsePartialDate(datum) as PartialDate);

  // Tables become datasets, cited where they stood.
  const datasets: DatasetDraft[] = [];
  const source = `${organisationName}, ${DOCUMENT_TYPES[type].label.toLowerCase()}${head.datum ? ` van ${dateText}` : ''}${head.kenmerk ? ` (kenmerk ${head.kenmerk})` : ''}`;
  const tables = {
    next: (table: TableBlock, before?: Block) => {
      const caption = before && before.kind !== 'table' && before.kind !== 'list' ? CAPTION.exec(before.text)?.[1] : undefined;
      const above = before && before.kind === 'paragraph' ? before.text.split(/(?<=[.:])\s+/).pop()!.replace(/[:.]$/, '').slice(0, 120) : undefined;
      const draft = tableToDataset(table.rows, `{{dataset:${datasets.length + 1}}}`, { caption: caption ?? above, captionIsTitle: !!caption, source, placeholder: fill });
      datasets.push(draft);
      toCheck.push(`tabel ${datasets.length}: ${draft.toCheck.join(', ')}`);
      return `::data-table{dataset="{{dataset:${datasets.length}}}"}\n\n${fill(`controleer tabel ${datasets.length} in data/{{dataset:${datasets.length}}}.yaml: titel, periode en de soort van elke kolom zijn afgeleid uit de brief`)}`;
    },
  };

  const frontmatter: Record<string, unknown> = { type };
  const parts: string[] = [];
  const subject = subjectOf(head.onderwerp);
  let titel: string;
  const vragen: Record<string, unknown> = {};
  let woo: WooReading | undefined;

  if ((type === 'vragen-raadslid' || type === 'vragen-inwoner') && split.questions.length) {
    parts.push(...toMarkdown(split.intro, tables));
    for (const q of split.questions) {
      parts.push(`## Vraag ${q.number}`, q.question.length ? quote(q.question) : `> ${fill(`vraag ${q.number}, zoals gesteld`)}`);
      const answer = toMarkdown(q.answer, tables, 3);
      parts.push(...(answer.length ? answer : [fill(`het antwoord op vraag ${q.number}`)]));
    }
    if (split.closing.length) parts.push('## Tot slot', ...toMarkdown(split.closing, tables, 3));
  } else {
    if (type === 'vragen-raadslid' || type === 'vragen-inwoner') toCheck.push('de vragen: de brief heeft geen genummerde vragen die het archief herkent; zet elke vraag onder een kop “## Vraag N”');
    const used = new Set<Block>(type === 'motie-uitvoering' ? (motion?.used ?? []) : []);
    body = body.filter((b) => !used.has(b));
    parts.push(...toMarkdown(body, tables));
  }

  if (type === 'vragen-raadslid' || type === 'vragen-inwoner') {
    const asker = asking.asker;
    if (type === 'vragen-raadslid' && asker.soort !== 'inwoner') {
      vragen.gesteldDoor = asker.soort === 'raadslid' ? { soort: 'raadslid', naam: asker.naam, ...(asker.fractie ? { fractie: asker.fractie } : {}) } : { soort: 'fractie', fractie: asker.fractie };
    } else if (type === 'vragen-raadslid') {
      vragen.gesteldDoor = { soort: 'raadslid', naam: fill('naam van het raadslid'), fractie: fill('fractie') };
      toCheck.push('wie de vragen stelde: de brief noemt geen raadslid of fractie');
    } else {
      vragen.gesteldDoor = { soort: 'inwoner', omschrijving: `een inwoner${organisationName.startsWith('Gemeente ') ? ` van ${organisationName.replace(/^Gemeente /, '')}` : ''}` };
    }
    vragen.gesteldOp = asking.gesteldOp ?? 'onbekend';
    if (asking.via) vragen.via = asking.via;
    if (!asking.gesteldOp) {
      toCheck.push(asking.dateWithoutYear ? `de datum van de vragen: de brief zegt “${asking.dateWithoutYear}”, zonder jaartal` : 'de datum waarop de vragen zijn gesteld: die staat niet in de brief');
      comments.push({ line: /^\s+gesteldOp: onbekend$/, comment: fill(asking.dateWithoutYear ? `de brief zegt “${asking.dateWithoutYear}” zonder jaartal; vul de datum in of laat onbekend staan` : 'datum waarop de vragen zijn gesteld, of laat onbekend staan') });
    }
    titel = `${subject ?? fill('onderwerp')}: antwoorden op ${type === 'vragen-raadslid' ? 'schriftelijke vragen van ' : 'vragen van '}${type === 'vragen-raadslid' ? (asker.soort === 'inwoner' ? fill('raadslid of fractie') : askerTitle(asker)) : 'een inwoner'}`;
  } else if (type === 'woo-besluit') {
    // A real archive holds hundreds of "Besluit op uw Woo-verzoek": the title says what was asked.
    const decisionSection = sectionAfter(body, /^(?:\d+[.)]?\s*)?(?:besluit|beslissing|conclusie)\b/i);
    woo = readWooDecision(head.onderwerp, bodyText, decisionSection, head.datum);
    const law = woo.wet === 'wob' ? 'Wob' : 'Woo';
    titel = `Besluit op ${law}-verzoek ${woo.verzoek ? `over ${woo.verzoek}` : head.datum ? `van ${dateText}` : ''}${woo.deelbesluit ? ` (deelbesluit ${woo.deelbesluit})` : ''}`.replace(/\s+/g, ' ').trim();
    if (!woo.verzoek) toCheck.push('waarover het Woo-verzoek ging: de brief noemt het niet herkenbaar (woo.verzoek)');
    if (!woo.besluit) toCheck.push('het besluit: de uitkomst is niet herkend (woo.besluit: openbaar, deels-openbaar, niet-openbaar, geen-documenten, reeds-openbaar of buiten-behandeling)');
    if (!woo.ontvangen) toCheck.push('de datum waarop het verzoek binnenkwam: die staat niet herkenbaar in de brief');
  } else if (type === 'motie-uitvoering') {
    titel = motion ? `Uitvoering van de motie '${motion.titel}'` : fill('titel, bijvoorbeeld: Uitvoering van de motie …');
  } else {
    // Without a subject line or heading the title says what kind of letter it is and when: never a placeholder.
    titel = head.onderwerp ?? body.find((b): b is TextBlock => b.kind === 'heading')?.text ?? `${DOCUMENT_TYPES[type].label}${head.datum ? ` van ${dateText}` : ''}${head.kenmerk ? ` (kenmerk ${head.kenmerk})` : ''}`;
  }
  if (!subject && type !== 'motie-uitvoering' && type !== 'woo-besluit') toCheck.push('de titel: de brief heeft geen onderwerpregel');

  frontmatter.titel = scrub(titel);
  if (head.onderwerp) frontmatter.onderwerp = scrub(head.onderwerp);
  // The first paragraph of substance says what the letter is about; without one the field stays out.
  const summary = summaryOf(body);
  if (summary) frontmatter.samenvatting = scrub(summary);
  frontmatter.organisatie = organisatie;
  frontmatter.datum = datum;
  if (head.kenmerk) frontmatter.kenmerk = head.kenmerk;
  else toCheck.push('het kenmerk: dat staat niet in de brief (laat het weg als er geen is)');
  const councilAddress = head.address.find((l) => /\b(?:gemeente)?raad\b|\braadslid\b|\bfractie\b/i.test(l));
  const aan = isResidentLetter ? 'De vraagsteller' : isRequesterLetter ? 'De verzoeker' : namesPrivatePerson ? 'Een privépersoon' : (head.aan ?? councilAddress)?.replace(/^aan\s+/i, '').replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
  if (aan) frontmatter.aan = aan;
  if (Object.keys(vragen).length) frontmatter.vragen = vragen;
  if (woo) {
    frontmatter.woo = {
      ...(woo.verzoek ? { verzoek: scrub(woo.verzoek) } : {}),
      ontvangen: woo.ontvangen ?? 'onbekend',
      ...(woo.besluit ? { besluit: woo.besluit } : {}),
      gronden: woo.gronden,
      wet: woo.wet,
      ...(woo.deelbesluit ? { deelbesluit: woo.deelbesluit } : {}),
    };
  }

  if (type === 'motie-uitvoering') {
    frontmatter.motie = {
      titel: motion ? scrub(motion.titel) : fill('titel van de motie'),
      aangenomen: motion?.aangenomen ?? 'onbekend',
      verzoeken: motion?.verzoeken.length ? motion.verzoeken.map(scrub) : [fill('wat de motie het college vraagt')],
      status: motion?.status ?? 'in-uitvoering',
    };
    if (!motion?.aangenomen) comments.push({ line: /^\s+aangenomen: onbekend$/, comment: fill('datum waarop de raad de motie aannam, of laat onbekend staan') });
    if (!motion?.status) comments.push({ line: /^\s+status: in-uitvoering$/, comment: fill('controleer de status: open, in-uitvoering of afgehandeld') });
    if (!motion?.verzoeken.length) toCheck.push('wat de motie vroeg: de brief heeft geen opsomming van de verzoeken');
    else toCheck.push('de verzoeken van de motie: overgenomen uit de eerste opsomming in de brief');
  }

  frontmatter.onderwerpen = [];
  const personen: OfficeHolder[] = signature?.personen ?? [];
  frontmatter.ondertekening = { namens: signature?.namens ?? fill('namens wie, bijvoorbeeld Burgemeester en wethouders van …'), personen };
  if (!signature?.namens) toCheck.push('de ondertekening: de brief heeft geen herkenbaar ondertekeningsblok');
  if (head.bijlagen.length) {
    frontmatter.bijlagen = head.bijlagen.map((titel) => ({ titel: scrub(titel), opmerking: fill('voeg het bestand toe met bestand: bijlagen/… , of schrijf waarom de bijlage niet openbaar is') }));
    toCheck.push(`de bijlagen: de brief noemt er ${head.bijlagen.length}; de bestanden zitten niet in de brief`);
  }
  frontmatter.bron = {
    omschrijving: `${type === 'raadsinformatiebrief' || type === 'motie-uitvoering' ? 'Raadsinformatiebrief' : 'Brief'} van ${signature?.namens ?? organisationName}${aan && aan !== 'De vraagsteller' ? ` aan ${aan.charAt(0).toLowerCase()}${aan.slice(1)}` : ''}${head.datum ? `, ${dateText}` : ''}${head.kenmerk ? `, kenmerk ${head.kenmerk}` : ''}`,
  };
  const redactie: string[] = [];
  if (isResidentLetter) redactie.push('De vraagsteller is een privépersoon en wordt in dit archief niet bij naam genoemd.');
  if (isRequesterLetter) redactie.push('De verzoeker is een privépersoon en wordt in dit archief niet bij naam genoemd.');
  if (namesPrivatePerson) redactie.push('De geadresseerde is een privépersoon en wordt in dit archief niet bij naam genoemd.');
  if (redactie.length) frontmatter.redactie = redactie;

  let text = parts.join('\n\n');
  const referenced = [...letter.footnotes.entries()].filter(([n]) => text.includes(`[^${n}]`));
  if (referenced.length) text += `\n\n${referenced.map(([n, note]) => `[^${n}]: ${note}`).join('\n')}`;
  text = scrub(text);
  for (const draft of datasets) draft.data.titel = scrub(draft.data.titel);
  if (removedNames) notes.push(`De naam van ${who} is ${removedNames === 1 ? 'één keer' : `${removedNames} keer`} vervangen door “${who}”.`);
  if (head.salutation) notes.push('De aanhef is niet overgenomen.');
  return { type, organisatie, titel: frontmatter.titel as string, datum, kenmerk: head.kenmerk, frontmatter, comments, body: `${text}\n`, datasets, images: letter.images, toCheck, notes, namesPrivatePerson, ...(sender && !options.organisatie ? { sender } : {}), ...(organisationProposal ? { organisationProposal } : {}) };
}
