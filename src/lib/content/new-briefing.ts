/**
 * `npm run new` apart from its terminal: the questions it asks for what the
 * flags left out, the files named by flags, and what it writes. A wrong answer
 * is explained and asked again instead of ending the command. The conversation
 * is passed in, so a test can answer the questions the way a clerk would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_KEYS, type DocumentType } from '../../schemas/document-types';
import { parsePartialDate } from '../../schemas/partial-date';
import { safeFileName } from './attachments';
import { placeFile, sameFileAs, takeFile, type IncomingAttachment, type IncomingFile, type PlacedFile } from './intake';
import { freeFileName, originalFileName, scaffold, scaffoldExtension, scaffoldFileBase, type ScaffoldInput } from './scaffold';

export interface Conversation {
  /** Asks one question; resolves with the answer as typed. */
  question(text: string): Promise<string>;
  say(text: string): void;
}

/** What the new briefing is made of, before anything is written. */
export interface NewBriefingRequest {
  input: Partial<ScaffoldInput>;
  original?: IncomingFile;
  attachments: IncomingAttachment[];
}

export interface AskOptions {
  /** The names in content/organisaties/. */
  organisations: string[];
  /** Where a relative path starts: the folder the clerk typed the command in. */
  cwd: string;
  /** False when a flag named the original already. */
  askOriginal: boolean;
  /** False when flags named the attachments already. */
  askAttachments: boolean;
}

// Optional chaining: a wrong --type is reported after the questions, not by a crash.
const isSignedLetter = (type: DocumentType | undefined) => type !== undefined && DOCUMENT_TYPES[type]?.original === 'Ondertekende brief';

/** "de ondertekende brief (brief.pdf)": how the questions refer to an earlier file with the same bytes. */
function describeSame(same: NonNullable<ReturnType<typeof sameFileAs>>, type: DocumentType | undefined): string {
  if (same.role === 'bijlage') return `bijlage ${same.number} (${same.file.typed})`;
  return `${isSignedLetter(type) ? 'de ondertekende brief' : 'het origineel'} (${same.file.typed})`;
}

/** Asks for everything the request still lacks. */
export async function askForBriefing(request: NewBriefingRequest, conversation: Conversation, options: AskOptions): Promise<NewBriefingRequest> {
  const input = { ...request.input };
  let original = request.original;
  const attachments = [...request.attachments];
  const { organisations } = options;
  const askUntil = async <T>(question: string, read: (answer: string) => { value: T } | { problem: string }): Promise<T> => {
    for (;;) {
      const result = read((await conversation.question(question)).trim());
      if ('value' in result) return result.value;
      conversation.say(`  ${result.problem}`);
    }
  };

  if (!input.type) {
    conversation.say('Welk soort stuk?');
    DOCUMENT_TYPE_KEYS.forEach((key, i) => conversation.say(`  ${i + 1}. ${DOCUMENT_TYPES[key].label} (${key})`));
    input.type = await askUntil('Nummer of naam: ', (answer) => {
      const type = DOCUMENT_TYPE_KEYS[Number(answer) - 1] ?? DOCUMENT_TYPE_KEYS.find((key) => key === answer);
      return type ? { value: type } : { problem: `Kies een nummer van 1 tot ${DOCUMENT_TYPE_KEYS.length}.` };
    });
  }
  if (!input.organisatie) {
    input.organisatie = await askUntil(`Organisatie (${organisations.join(', ')}): `, (answer) =>
      organisations.length === 0 || organisations.includes(answer)
        ? { value: answer }
        : { problem: `“${answer}” staat niet in content/organisaties/; kies uit ${organisations.join(', ')}.` },
    );
  }
  if (!input.titel) input.titel = await askUntil('Titel: ', (answer) => (answer ? { value: answer } : { problem: 'Een stuk heeft een titel.' }));
  if (!input.datum) {
    input.datum = await askUntil('Datum van het stuk (2025-03-04, 2025-03, 2025 of onbekend): ', (answer) => {
      const date = parsePartialDate(answer);
      return 'error' in date ? { problem: `${date.error}.` } : { value: answer };
    });
  }
  if (input.kenmerk === undefined) input.kenmerk = (await conversation.question('Kenmerk (leeg laten als er geen is): ')).trim() || undefined;
  if ((input.type === 'vragen-raadslid' || input.type === 'vragen-inwoner') && input.vragen === undefined) {
    input.vragen = await askUntil('Aantal vragen: ', (answer) => {
      const count = Number(answer || '1');
      return Number.isInteger(count) && count >= 1 && count <= 50 ? { value: count } : { problem: 'Typ een aantal van 1 tot 50.' };
    });
  }

  if (options.askOriginal && !original) {
    const question = isSignedLetter(input.type)
      ? 'Is er een ondertekende brief (pdf)? Geef het pad naar het bestand, of druk op Enter als die er (nog) niet is: '
      : 'Is er een origineel document (pdf)? Geef het pad naar het bestand, of druk op Enter als dat er (nog) niet is: ';
    original = await askUntil<IncomingFile | undefined>(question, (answer) => {
      if (!answer) return { value: undefined };
      const taken = takeFile(answer, options.cwd);
      return 'problem' in taken ? { problem: `${taken.problem.message}\n  → ${taken.problem.hint}` } : { value: taken.file };
    });
    if (original?.warning) conversation.say(`  Let op: ${original.warning}`);
  }

  if (options.askAttachments) {
    conversation.say('Bijlagen: geef per regel het pad naar een bestand; een lege regel om te stoppen.');
    conversation.say('  Een bijlage die niet openbaar is, heeft geen bestand: typ dan alleen de titel.');
    for (;;) {
      const answer = (await conversation.question(`Bijlage ${attachments.length + 1}: `)).trim();
      if (!answer) break;
      const taken = takeFile(answer, options.cwd);
      if ('file' in taken) {
        const same = sameFileAs(taken.file, original, attachments);
        if (same) {
          conversation.say(`  Dit is hetzelfde bestand als ${describeSame(same, input.type)}; het staat er al bij.`);
          continue;
        }
        attachments.push({ file: taken.file });
        if (taken.file.warning) conversation.say(`  Let op: ${taken.file.warning}`);
        continue;
      }
      if (taken.problem.missing) {
        const secret = await askUntil('  Is dit een bijlage die niet openbaar is? (j/n) ', (reply) => {
          const yes = /^j(a)?$/i.test(reply);
          return yes || /^n(ee)?$/i.test(reply) ? { value: yes } : { problem: 'Typ j (ja) of n (nee).' };
        });
        if (secret) {
          attachments.push({ titel: answer });
          continue;
        }
      }
      conversation.say(`  ${taken.problem.message}\n  → ${taken.problem.hint}`);
    }
  }
  return { input, original, attachments };
}

export type FileFlag = { flag: 'origineel' | 'bijlage' | 'bijlage-niet-openbaar'; value: string };

/**
 * The files named by flags, checked, in the order they were given. A problem
 * names the flag and the path; a file given twice is kept once, with a note.
 */
export function takeFlagFiles(flags: ReadonlyArray<FileFlag>, cwd: string): { original?: IncomingFile; attachments: IncomingAttachment[]; problems: string[]; notes: string[] } {
  let original: IncomingFile | undefined;
  const attachments: IncomingAttachment[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const { flag, value } of flags) {
    if (flag === 'bijlage-niet-openbaar') {
      attachments.push({ titel: value });
      continue;
    }
    if (flag === 'origineel' && original) {
      problems.push(`--origineel staat er twee keer; een stuk heeft één origineel (de andere bestanden horen bij --bijlage)`);
      continue;
    }
    const taken = takeFile(value, cwd);
    if ('problem' in taken) {
      problems.push(`--${flag}: ${taken.problem.message}\n    → ${taken.problem.hint}`);
      continue;
    }
    const same = sameFileAs(taken.file, original, attachments);
    if (same) {
      const earlier = same.role === 'origineel' ? '--origineel' : '--bijlage';
      notes.push(`Let op: --${flag} "${taken.file.typed}" is hetzelfde bestand als ${earlier} "${same.file.typed}"; het staat één keer in het stuk.`);
      continue;
    }
    if (taken.file.warning) notes.push(`Let op: ${taken.file.warning}`);
    if (flag === 'origineel') original = taken.file;
    else attachments.push({ file: taken.file });
  }
  return { original, attachments, problems, notes };
}

export interface WrittenBriefing {
  /** Absolute path of the new briefing. */
  path: string;
  original?: PlacedFile & { path: string; from: IncomingFile };
  attachments: Array<(PlacedFile & { path: string; from: IncomingFile }) | { titel: string }>;
}

/**
 * Copies the files into content/stukken/bijlagen/ and writes the briefing
 * that names them. Call it only with input that validateScaffoldInput accepts.
 */
export function writeNewBriefing(input: ScaffoldInput, original: IncomingFile | undefined, attachments: ReadonlyArray<IncomingAttachment>, contentRoot: string): WrittenBriefing {
  const folder = join(contentRoot, 'stukken');
  const filesFolder = join(folder, 'bijlagen');
  mkdirSync(folder, { recursive: true });
  const name = freeFileName(folder, scaffoldFileBase(input), scaffoldExtension(input.type));
  const place = (file: IncomingFile, wanted: string) => {
    const placed = placeFile(file, filesFolder, wanted);
    return { ...placed, path: join(filesFolder, placed.name), from: file };
  };
  const placedOriginal = original && place(original, originalFileName(name, input.type, original.extension));
  const placedAttachments = attachments.map((a) => ('file' in a ? place(a.file, safeFileName(a.file.ownName)) : { titel: a.titel }));
  const path = join(folder, name);
  const text = scaffold({
    ...input,
    origineel: placedOriginal && `bijlagen/${placedOriginal.name}`,
    bijlagen: placedAttachments.map((a) => ('titel' in a ? { titel: a.titel } : { bestand: `bijlagen/${a.name}`, naam: a.from.ownName })),
  });
  writeFileSync(path, text, { flag: 'wx' });
  return { path, original: placedOriginal, attachments: placedAttachments };
}
