/**
 * Numbered questions and their answers, who asked them and when, and the
 * motion a letter reports on. Only what the letter says: an asker the letter
 * does not name is not invented, and a letter that does not say who asked is
 * read as a resident's, so that no private name is ever published.
 */
import { blockText, escapeMarkdown, type Block, type TextBlock } from './blocks';
import { parseDutchDate } from './letterhead';
import { foldName, nameIndex } from './municipalities/municipalities';

export interface Question {
  number: number;
  /** Markdown paragraphs of the question. */
  question: string[];
  /** The blocks of the answer. */
  answer: Block[];
}

export interface QuestionsSplit {
  intro: Block[];
  questions: Question[];
  /** What follows the last answer and is not the signature: a closing sentence. */
  closing: Block[];
}

const QUESTION_LABEL = /^(?:\*\*)?Vraag\s*(\d{1,2})(?:\*\*)?\s*[:.)]?\s*(?:\*\*)?\s*/i;
const NUMBERED = /^(\d{1,2})\s*[.)]\s+(?=\S)/;
const ANSWER_LABEL = /^(?:\*\*)?Antwoord(?![a-z])(?:\s*(?:op vraag\s*)?\d{1,2})?(?:\*\*)?\s*[:.]?\s*(?:\*\*)?\s*/i;
/** Sentences that close a letter rather than answer a question. */
const CLOSING = /hiermee (?:voldoende )?(?:te hebben |hebben )?(?:geïnformeerd|ge[iï]nformeerd|beantwoord)|vertrouw(?:t|en) (?:erop )?(?:u )?hiermee|voor (?:nadere|verdere) (?:vragen|informatie) kunt u/i;

const isText = (b: Block): b is TextBlock => b.kind === 'paragraph' || b.kind === 'heading';
const stripMd = (markdown: string, pattern: RegExp) => markdown.replace(pattern, '').trim();

/** Where a question starts in `block`, with its number and its first text (which may be empty: "Vraag 1" alone). */
function questionStart(block: Block, expected: number): { number: number; markdown: string; text: string } | undefined {
  if (block.kind === 'list' && block.ordered && block.items.length === 1 && /\?\s*$/.test(block.items[0]!.text)) {
    return { number: expected, markdown: block.items[0]!.markdown, text: block.items[0]!.text };
  }
  if (!isText(block)) return undefined;
  const labelled = QUESTION_LABEL.exec(block.text);
  if (labelled) return { number: Number(labelled[1]), markdown: stripMd(block.markdown.replace(/^\\?/, ''), QUESTION_LABEL), text: block.text.slice(labelled[0].length) };
  const numbered = NUMBERED.exec(block.text);
  if (numbered && Number(numbered[1]) === expected && /\?/.test(block.text)) {
    return { number: expected, markdown: stripMd(block.markdown, /^\d{1,2}\s*\\?[.)]\s+/), text: block.text.slice(numbered[0].length) };
  }
  return undefined;
}

/** Splits the body into introduction, questions with answers, and closing; no questions unless one has an answer. */
export function splitQuestions(body: ReadonlyArray<Block>): QuestionsSplit {
  // With "Antwoord" labels a question may run over several paragraphs; without them it is one.
  const labelled = body.some((b) => isText(b) && ANSWER_LABEL.test(b.text));
  const questions: Question[] = [];
  let intro: Block[] = [];
  let current: Question | undefined;
  let phase: 'first' | 'question' | 'answer' = 'answer';
  for (const block of body) {
    const expected = (current?.number ?? 0) + 1;
    const start = questionStart(block, expected);
    // Numbered items count as questions only in order, so a numbered list inside an answer stays part of it.
    if (start && (start.number === expected || QUESTION_LABEL.test(blockText(block)))) {
      current = { number: start.number, question: start.markdown ? [start.markdown] : [], answer: [] };
      questions.push(current);
      phase = !start.markdown ? 'first' : labelled ? 'question' : 'answer';
      continue;
    }
    if (!current) {
      intro.push(block);
      continue;
    }
    if (isText(block) && ANSWER_LABEL.test(block.text)) {
      phase = 'answer';
      const rest = stripMd(block.markdown, ANSWER_LABEL);
      if (rest) current.answer.push({ kind: 'paragraph', text: block.text.replace(ANSWER_LABEL, ''), markdown: rest });
      continue;
    }
    if (phase !== 'answer' && block.kind !== 'table') {
      if (block.kind === 'list') current.question.push(block.items.map((i) => `- ${i.markdown}`).join('\n'));
      else current.question.push(block.markdown);
      if (phase === 'first' && !labelled) phase = 'answer';
      else phase = 'question';
      continue;
    }
    current.answer.push(block);
  }
  if (!questions.length || !questions.some((q) => q.answer.length)) return { intro: [...body], questions: [], closing: [] };
  // A closing sentence after the last answer belongs to the letter, not to the answer.
  const last = questions[questions.length - 1]!;
  const closing: Block[] = [];
  while (last.answer.length > 1 && isText(last.answer[last.answer.length - 1]!) && CLOSING.test(blockText(last.answer[last.answer.length - 1]!))) closing.unshift(last.answer.pop()!);
  return { intro, questions, closing };
}

export type AskerGuess =
  | { soort: 'raadslid'; naam: string; fractie?: string }
  | { soort: 'fractie'; fractie: string }
  | { soort: 'inwoner'; unsure: boolean };

export interface AskerReading {
  asker: AskerGuess;
  /** The day the questions were asked, when the letter gives it with a year. */
  gesteldOp?: string;
  via?: string;
  /** The date as the letter gives it when it has no year ("20 maart"), for the clerk. */
  dateWithoutYear?: string;
}

const NAME = "(?:[A-Z]\\.\\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|[Ii]n 't)\\s+)*(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?)(?:\\s+(?:van|de|der|den)\\s+[A-Z][a-zà-ÿ'’]+)?";
const COUNCIL_WORDS = /schriftelijke vragen|\braadslid\b|\bfractie\b|artikel\s+\d+\s*(?:van het |RvO|reglement)|reglement van orde|raadsvragen/i;
/** Words only a council member's questions come with: then the addressee is the member, and may be named. */
const MEMBER_WORDS = /\braadslid\b|\bfractievoorzitter\b/i;
/** "artikel 41 van het Reglement van Orde", "art. 41 RvO". */
const RULES_ARTICLE = /\bart(?:ikel|\.)\s*(\d+[a-z]?)\s+(?:van\s+het\s+)?(?:Reglement van Orde|RvO)(?:\s+(?:voor|van)\s+(?:de\s+)?(?:vergaderingen\s+van\s+)?(?:de\s+)?(?:gemeente)?raad)?/i;
/** A fractie as a letter names it: "GroenLinks", "Partij Vrij Almelo", "50PLUS", "D66". */
const PARTY = "[\\p{Lu}\\d][\\p{L}\\d&'’+. /-]{0,40}?";
const TITLE = '(?:[Dd]e\\s+)?(?:[Hh]eer|[Mm]evrouw|[Dd]hr\\.?|[Mm]evr\\.?|[Mm]w\\.?)';
/** "De heer P. de Vries, fractie GroenLinks", "Mevrouw A. Bakker (VVD)", "De heer J. Jansen, raadslid D66". */
const MEMBER_LINE = new RegExp(`^(?:[Aa]an:?\\s*)?${TITLE}\\s+(${NAME})\\s*(?:,\\s*|\\s+\\(|\\s+[-–]\\s+|$)(.*)$`, 'u');
/** The fractie in what follows the name, or on the line below it: "fractie GroenLinks", "raadslid D66", "(VVD)". */
const FRACTIE_WORDS = new RegExp(`^(?:raadslid|fractievoorzitter|lid\\s+van\\s+de\\s+(?:gemeente)?raad)?\\s*(?:(?:namens|van)\\s+)?(?:de\\s+)?(?:raads)?fractie\\s+(?:van\\s+(?:de\\s+|het\\s+)?)?(${PARTY})\\s*\\)?[,.;]?$|^(?:raadslid|fractievoorzitter)\\s+(?:(?:van|voor)\\s+(?:de\\s+|het\\s+)?)?(${PARTY})\\s*\\)?[,.;]?$`, 'iu');
const BARE_PARTY = new RegExp(`^(${PARTY})\\s*\\)?[,.;]?$`, 'u');
const NOT_A_PARTY = /\d{4}\s?[A-Z]{2}|straat|laan|weg|plein|postbus|gracht|kade|\bt\.?a\.?v\b|gemeente\b|^raad\b/i;
const FRACTIE_LINE = new RegExp(`^(?:aan:?\\s*)?(?:aan\\s+)?(?:de\\s+)?(?:raads)?fractie\\s+(?:van\\s+(?:de\\s+|het\\s+)?)?(${PARTY})\\s*[,.;]?(?:\\s*t\\.?a\\.?v\\.?.*)?$`, 'iu');

export interface Addressee {
  /** "Aan" in the letterhead. */
  aan?: string;
  /** The address block. */
  address?: ReadonlyArray<string>;
}

const cleanParty = (party: string) => party.trim().replace(/[\s,.;)]+$/, '');
/** A party name starts with a capital or a digit and is not an address or an institution. */
const isParty = (party: string | undefined): party is string => !!party && /^[\p{Lu}\d]/u.test(party) && !NOT_A_PARTY.test(party) && !nameIndex().byName.has(foldName(party));

/** The fractie that `rest` (what follows a member's name) names; a bare party name only where the letter is about council questions. */
function partyIn(rest: string, bare: boolean): string | undefined {
  const text = rest.trim().replace(/\)\s*$/, '');
  if (!text) return undefined;
  const named = FRACTIE_WORDS.exec(text);
  const party = named?.[1] ?? named?.[2];
  if (isParty(party)) return cleanParty(party);
  if (bare && !NOT_A_PARTY.test(text) && text.split(/\s+/).length <= 5) {
    const bareParty = BARE_PARTY.exec(text)?.[1];
    if (isParty(bareParty)) return cleanParty(bareParty);
  }
  return undefined;
}

/** A council member (and fractie) or a fractie that the "Aan" line or the address block names. */
function addresseeAsker(addressee: Addressee, council: boolean, memberWords: boolean): AskerGuess | undefined {
  const lines = [addressee.aan, ...(addressee.address ?? [])].filter((l): l is string => !!l?.trim()).map((l) => l.trim().replace(/\s+/g, ' '));
  for (const [i, line] of lines.entries()) {
    const member = MEMBER_LINE.exec(line);
    if (member) {
      const naam = member[1]!.trim();
      const fractie = partyIn(member[2] ?? '', council) ?? (lines[i + 1] !== undefined && !MEMBER_LINE.test(lines[i + 1]!) ? partyIn(lines[i + 1]!, false) : undefined);
      if (fractie) return { soort: 'raadslid', naam, fractie };
      if (memberWords) return { soort: 'raadslid', naam };
      continue;
    }
    const fractie = FRACTIE_LINE.exec(line)?.[1];
    if (isParty(fractie)) return { soort: 'fractie', fractie: cleanParty(fractie) };
  }
  return undefined;
}

/**
 * Who asked. `text` is the letterhead, address and introduction; `addressee`
 * the "Aan" line and the address block, read line by line. A council member
 * is named only when the letter ties the name to a fractie or to council
 * questions; anyone else stays a resident without a name.
 */
export function readAsker(text: string, addressee: Addressee = {}): AskerReading {
  const flat = text.replace(/\s+/g, ' ');
  let via: string | undefined;
  let gesteldOp: string | undefined;
  let dateWithoutYear: string | undefined;
  const dated = /(?:op|van|d\.d\.|gedateerd)\s+((?:\d{1,2}\s+)?[a-z]+\s*(?:\d{4})?)(?:\s+jl\.?)?[,\s]+(?:heeft u|stelde u|hebt u|ontvingen wij)|(?:vragen|e-?mail|brief|mail)\s+(?:van|d\.d\.)\s+((?:\d{1,2}\s+)?[a-z]+(?:\s+\d{4})?)/i.exec(flat);
  const when = dated?.[1] ?? dated?.[2];
  if (when) {
    const iso = parseDutchDate(when);
    if (iso) gesteldOp = iso;
    else if (/\d{1,2}\s+[a-z]+/i.test(when)) dateWithoutYear = when.trim();
  }
  const addresseeText = [addressee.aan, ...(addressee.address ?? [])].filter(Boolean).join(' ');
  const council = COUNCIL_WORDS.test(flat) || COUNCIL_WORDS.test(addresseeText);
  const article = RULES_ARTICLE.exec(flat)?.[1];
  if (council && /\bschriftelijke vragen\b/i.test(flat)) via = article ? `schriftelijke vragen (artikel ${article} van het Reglement van Orde)` : 'schriftelijke vragen';
  else if (article) via = `artikel ${article} van het Reglement van Orde`;
  else if (/\buw e-?mail\b/i.test(flat)) via = 'e-mail';
  else if (/\buw brief\b/i.test(flat)) via = 'brief';
  if (council) {
    const member = new RegExp(`\\b[Rr]aadslid\\s+(${NAME})(?:\\s*\\(([^)]+)\\))?`).exec(flat);
    const party = member?.[2] ?? new RegExp(`\\b[Ff]ractie\\s+(?:van\\s+(?:de\\s+|het\\s+)?)?([A-Z][\\p{L}0-9&'’ -]{1,40}?)(?=[,.;)]|\\s+(?:heeft|stelde|over|van|d\\.d\\.|op)\\b)`, 'u').exec(flat)?.[1];
    if (member) return { asker: { soort: 'raadslid', naam: member[1]!.trim(), ...(party ? { fractie: party.trim() } : {}) }, gesteldOp, via, dateWithoutYear };
    // Written questions under the Reglement van Orde come only from council members; a resident may cite it for speaking at a meeting.
    const writtenQuestions = /\bschriftelijke vragen\b/i.test(flat);
    const addressed = addresseeAsker(addressee, writtenQuestions, MEMBER_WORDS.test(flat) || MEMBER_WORDS.test(addresseeText) || (writtenQuestions && !!article));
    if (addressed) return { asker: addressed, gesteldOp, via, dateWithoutYear };
    if (party) return { asker: { soort: 'fractie', fractie: party.trim() }, gesteldOp, via, dateWithoutYear };
  }
  // "uw e-mail van …", "uw brief": a private person wrote in. Without those words nobody is named either.
  const resident = /\buw (?:e-?mail|brief|mail|bericht|vragen)\b/i.test(flat);
  return { asker: { soort: 'inwoner', unsure: !resident || council }, gesteldOp, via, dateWithoutYear };
}

export interface MotionReading {
  titel: string;
  aangenomen?: string;
  verzoeken: string[];
  status?: 'afgehandeld' | 'in-uitvoering';
  /** The list that gave the requests, so the body does not repeat it; with the sentence that introduced it. */
  used: Block[];
}

/** The motion named in the subject or the first paragraph, with what it asked from its first list. */
export function readMotion(subject: string | undefined, body: ReadonlyArray<Block>): MotionReading | undefined {
  const first = body.find(isText)?.text ?? '';
  const named = (text: string) => /\bmotie\s+(?:nr\.?\s*\S+\s+)?['‘"“]([^'’"”]{4,140})['’"”]/i.exec(text)?.[1] ?? /^(?:uitvoering\s+(?:van\s+)?(?:de\s+)?)?motie\s+(?!over\b)(.{4,140})$/i.exec(text.trim())?.[1];
  const titel = (subject && named(subject)) ?? named(first);
  if (!titel) return undefined;
  const flat = body.filter(isText).map((b) => b.text).join('\n');
  const adopted = /(?:op\s+((?:\d{1,2}\s+)?[a-z]+\s+\d{4})[^.]{0,80}?\bmotie\b[^.]{0,160}?\baan(?:genomen)?\b)|(?:\bmotie\b[^.]{0,160}?aangenomen\s+(?:op\s+)?((?:\d{1,2}\s+)?[a-z]+\s+\d{4}))/i.exec(flat);
  const aangenomen = adopted ? parseDutchDate(adopted[1] ?? adopted[2] ?? '') : undefined;
  const listIndex = body.findIndex((b) => b.kind === 'list');
  const list = body[listIndex];
  const used: Block[] = [];
  let verzoeken: string[] = [];
  if (list && list.kind === 'list') {
    verzoeken = list.items.map((i) => i.text);
    used.push(list);
    const before = body[listIndex - 1];
    if (before && isText(before) && /:\s*$/.test(before.text) && /verzoek|vraagt|draagt .* op|roept/i.test(before.text)) used.push(before);
  }
  const status = /\bmotie\b[^.]*\bals afgehandeld\b|\bmotie\b[^.]*\bis (?:hiermee )?afgehandeld\b/i.test(flat) ? 'afgehandeld' : /\bmotie\b[^.]*\b(?:in uitvoering|nog niet afgehandeld)\b/i.test(flat) ? 'in-uitvoering' : undefined;
  const clean = titel.trim().replace(/^['‘"“]|['’"”]$/g, '');
  return { titel: clean.charAt(0).toUpperCase() + clean.slice(1), aangenomen, verzoeken, status, used };
}

/** "> …" lines of a question, paragraph by paragraph. */
export function quote(paragraphs: ReadonlyArray<string>): string {
  return paragraphs.map((p) => `> ${p}`).join('\n>\n');
}

export { escapeMarkdown };
