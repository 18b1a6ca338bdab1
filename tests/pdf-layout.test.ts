/**
 * The layout of a PDF letter read from its lines (pagesToLetter), the same for
 * the text layer and for OCR: page furniture off the pages with its facts
 * kept, the letterhead's label–value pairs in whatever order and place,
 * headings, lists and paragraphs; letter-spaced words joined without gluing
 * real words; redaction codes left as text; and web addresses that are links
 * only when valid. The pages are written here line by line, as MuPDF or OCR
 * gives them.
 */
import { describe, expect, it } from 'vitest';
import { blockText, escapeMarkdown, ImportProblem, type Block, type ReadLetter } from '../src/lib/import/blocks';
import { joinSpacedWords } from '../src/lib/import/layout-lines';
import { readLetterhead } from '../src/lib/import/letterhead';
import type { PageLine, PageText } from '../src/lib/import/page-text';
import { joinLines, pagesToLetter } from '../src/lib/import/pdf-layout';
import { readPdf, readTextLayer } from '../src/lib/import/pdf-reader';
import { isValidAddress } from '../src/lib/import/web-addresses';
import { buildPdf, letterPdf } from './helpers/pdf';

type Spec = [text: string, y: number, options?: Partial<PageLine>];

/** A page of lines; a line's right edge is estimated from its length, as for Helvetica. */
function page(number: number, lines: Spec[], source: PageText['source'] = 'tekstlaag'): PageText {
  return {
    page: number,
    width: 595,
    height: 842,
    source,
    lines: lines.map(([text, y, options]) => {
      const size = options?.size ?? 11;
      const x = options?.x ?? 72;
      return { text, x, right: x + text.length * size * 0.5, y, size, bold: false, ...options };
    }),
  };
}

/** Body text of about 60 characters a line, so the column is known. */
const PARAGRAPH: string[] = [
  'Het college heeft de aanvraag zorgvuldig bekeken en daarbij de',
  'belangen van omwonenden en van de organisator tegen elkaar',
  'afgewogen, zoals de wet vraagt.',
];
const paragraphAt = (y: number, pitch = 14): Spec[] => PARAGRAPH.map((text, i) => [text, y + i * pitch]);
/** Other paragraphs for the next pages, so no body line repeats like a running header. */
const OTHERS: Record<number, string[]> = {
  2: ['Daarnaast hebben wij gekeken naar de gevolgen voor het verkeer', 'rond de Sloterplas op de dagen van het evenement en daarna,', 'en naar de afspraken met de politie.'],
  3: ['Tot slot is de organisator gevraagd om een plan voor het afval', 'en voor de opvang van bezoekers die met de fiets komen, zodat', 'de buurt zo min mogelijk overlast heeft.'],
};
const OTHER = (n: number) => OTHERS[n]!;

const texts = (letter: ReadLetter) => letter.blocks.map(blockText);
const kinds = (blocks: Block[]) => blocks.map((b) => (b.kind === 'heading' ? `h${b.level}:${b.text}` : b.kind === 'list' ? `${b.ordered ? 'ol' : 'ul'}${b.kind === 'list' && b.start ? `@${b.start}` : ''}:${b.items.map((i) => i.text).join('|')}` : b.kind === 'paragraph' ? `p:${b.text}` : 'table'));

describe('page furniture', () => {
  it('drops a running header stacked beside the body on page 2 of 2, and keeps its date, kenmerk and sender as facts', () => {
    const letter = pagesToLetter([
      page(1, [['Geachte heer De Vries,', 100], ...paragraphAt(128), ['Pagina 1 van 2', 800, { size: 8 }]]),
      page(2, [
        ['Gemeente Amsterdam', 40, { x: 430, size: 8 }],
        ['Datum', 52, { x: 430, size: 8 }],
        ['11 januari 2021', 62, { x: 430, size: 8 }],
        ['Kenmerk', 74, { x: 430, size: 8 }],
        ['2020-13953', 84, { x: 430, size: 8 }],
        ['Pagina 2 van 2', 96, { x: 430, size: 8 }],
        ...paragraphAt(40),
        ['2', 800, { x: 294, size: 9 }],
      ]),
    ]);
    expect(letter.facts).toEqual({ datum: '2021-01-11', kenmerk: '2020-13953', headerText: 'Gemeente Amsterdam' });
    expect(texts(letter).join('\n')).not.toMatch(/Pagina|Kenmerk|2020-13953|januari 2021|Gemeente Amsterdam|^2$/m);
    expect(texts(letter)).toEqual(['Geachte heer De Vries,', PARAGRAPH.join(' '), PARAGRAPH.join(' ')]);
  });

  it('drops a footer repeated on every page and page numbers as "2/3" or "- 3 -", not a number in the text', () => {
    const footer = (n: number): Spec[] => [['Gemeente Almelo | Haven Noordzijde 2 | 7607 BA Almelo', 790, { size: 8 }], [n === 2 ? '2/3' : `- ${n} -`, 805, { x: 290, size: 8 }]];
    const letter = pagesToLetter([
      page(1, [['Geachte leden van de raad,', 100], ...paragraphAt(128), ['3', 200], ...footer(1)]),
      page(2, [...OTHER(2).map((text, i): Spec => [text, 80 + 14 * i]), ...footer(2)]),
      page(3, [...OTHER(3).map((text, i): Spec => [text, 80 + 14 * i]), ...footer(3)]),
    ]);
    expect(texts(letter)).toEqual(['Geachte leden van de raad,', PARAGRAPH.join(' '), '3', OTHER(2).join(' '), OTHER(3).join(' ')]);
    expect(letter.facts?.headerText).toBe('Gemeente Almelo | Haven Noordzijde 2 | 7607 BA Almelo');
  });

  it('continues a paragraph cut by the page break after the next page’s header, with the broken word whole', () => {
    const letter = pagesToLetter([
      page(1, [['Geachte leden van de raad,', 100], ...paragraphAt(128).slice(0, 2), ['afgewogen, zoals dat moet bij een besluit volgens de Wet open-', 156]]),
      page(2, [['Gemeente Amsterdam  Datum 11 januari 2021', 40, { size: 8 }], ['Kenmerk 2020-13953  Pagina 2 van 2', 50, { size: 8 }], ['baarheid van bestuur, die toen nog gold.', 80], ['Een nieuwe alinea begint hier na een witregel en loopt door.', 108]]),
    ]);
    expect(texts(letter)).toEqual(['Geachte leden van de raad,', `${PARAGRAPH.slice(0, 2).join(' ')} afgewogen, zoals dat moet bij een besluit volgens de Wet openbaarheid van bestuur, die toen nog gold.`, 'Een nieuwe alinea begint hier na een witregel en loopt door.']);
    expect(letter.facts).toMatchObject({ datum: '2021-01-11', kenmerk: '2020-13953' });
  });
});

describe('the letterhead', () => {
  const withHead = (head: Spec[]) => pagesToLetter([page(1, [...head, ['Geachte mevrouw Jansen,', 300], ...paragraphAt(328)])]);
  const headOf = (letter: ReadLetter) => readLetterhead(letter.blocks, letter.facts);

  it('reads a side column with each value below its label, and keeps it out of the body', () => {
    const side = (text: string, y: number): Spec => [text, y, { x: 430, size: 8 }];
    const letter = withHead([side('Gemeente Amsterdam', 60), side('Bezoekadres', 80), side('Amstel 1', 90), side('Datum', 110), side('2 april 2025', 120), side('Uw kenmerk', 132), side('Ons kenmerk', 144), side('Z-25-00123', 154), side('Bijlage(n)', 166), side('2', 176), ['Mevrouw A. Jansen', 150], ['Dorpsstraat 1', 164], ...paragraphAt(400)]);
    const head = headOf(letter);
    expect(head).toMatchObject({ datum: '2025-04-02', kenmerk: 'Z-25-00123', address: ['Mevrouw A. Jansen', 'Dorpsstraat 1'], salutation: 'Geachte mevrouw Jansen,' });
    expect(head.text).toContain('Gemeente Amsterdam');
    expect(letter.blocks.slice(head.bodyStart).map(blockText)).toEqual([PARAGRAPH.join(' '), PARAGRAPH.join(' ')]);
  });

  it('reads labels listed first and their values after, in order and by their shape', () => {
    const side = (text: string, y: number): Spec => [text, y, { x: 430, size: 8 }];
    const head = headOf(withHead([side('Datum', 100), side('Ons kenmerk', 110), side('Onderwerp', 120), side('2020-13953', 130), side('11 januari 2021', 140), side('Besluit op uw Woo-verzoek', 150)]));
    expect(head).toMatchObject({ datum: '2021-01-11', kenmerk: '2020-13953', onderwerp: 'Besluit op uw Woo-verzoek' });
  });

  it('reads a label with its value on the same line, to its right, or above it', () => {
    const head = headOf(
      withHead([
        ['11 januari 2021', 100, { x: 430, size: 8 }],
        ['Datum', 110, { x: 430, size: 8 }],
        ['Kenmerk: UIT-21-0042', 130, { x: 430, size: 8 }],
        ['Onderwerp', 200, { bold: true }],
        ['Inzameling van grofvuil in de', 200, { x: 160 }],
        ['binnenstad', 214, { x: 160 }],
      ]),
    );
    expect(head).toMatchObject({ datum: '2021-01-11', kenmerk: 'UIT-21-0042', onderwerp: 'Inzameling van grofvuil in de binnenstad' });
  });

  it('reads a letterhead table beside the address, and keeps the address whole', () => {
    const head = headOf(
      withHead([
        ['Mevrouw A. Jansen', 150],
        ['Datum', 150, { x: 300 }],
        ['2 april 2025', 150, { x: 400 }],
        ['Dorpsstraat 1', 164],
        ['Kenmerk', 164, { x: 300 }],
        ['Z-25-00123', 164, { x: 400 }],
        ['1234 AB Almelo', 178],
        ['Onderwerp', 178, { x: 300 }],
        ['Parkeren in de wijk', 178, { x: 400 }],
      ]),
    );
    expect(head).toMatchObject({ datum: '2025-04-02', kenmerk: 'Z-25-00123', onderwerp: 'Parkeren in de wijk', address: ['Mevrouw A. Jansen', 'Dorpsstraat 1', '1234 AB Almelo'] });
  });

  it('reads the date of a place-and-date line or of a date on its own', () => {
    expect(headOf(withHead([['Den Haag, 3 mei 2021', 200]])).datum).toBe('2021-05-03');
    expect(headOf(withHead([['Mevrouw A. Jansen', 150], ['11 januari 2021', 200]]))).toMatchObject({ datum: '2021-01-11', address: ['Mevrouw A. Jansen'] });
  });

  it('takes a bold line just above the salutation as the subject when no field names one', () => {
    const head = headOf(withHead([['Besluit op uw verzoek om informatie', 270, { bold: true }]]));
    expect(head.onderwerp).toBe('Besluit op uw verzoek om informatie');
  });

  it('falls back on the running header’s facts; the letterhead’s own fields come first', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'Datum: 2 april 2025', markdown: '' }, { kind: 'paragraph', text: 'Geachte heer,', markdown: '' }];
    expect(readLetterhead(blocks, { datum: '2021-01-11', kenmerk: '2020-13953', headerText: 'Gemeente Amsterdam' })).toMatchObject({ datum: '2025-04-02', kenmerk: '2020-13953', text: 'Datum: 2 april 2025\nGemeente Amsterdam' });
  });
});

describe('headings, lists and paragraphs', () => {
  const body = (lines: Spec[], source: PageText['source'] = 'tekstlaag') => kinds(pagesToLetter([page(1, [['Geachte leden van de raad,', 100], ...lines], source)]).blocks.slice(1));

  it('makes short bold lines and numbered lines headings, and leaves bold sentences and redaction codes alone', () => {
    expect(
      body([
        ['Uw verzoek', 128, { bold: true }],
        ...paragraphAt(146),
        ['1. Inventarisatie', 186],
        ...paragraphAt(200).map(([t, y]): Spec => [t, y + 4]),
        ['2 Wettelijk kader', 260],
        ...paragraphAt(278),
        ['2.1 Reikwijdte van de Woo', 332],
        ...paragraphAt(350),
        ['Dit is vet gedrukt.', 404, { bold: true }],
        ['10.2.e', 432, { bold: true }],
        ...paragraphAt(460),
      ]),
    ).toEqual([
      'h1:Uw verzoek',
      `p:${PARAGRAPH.join(' ')}`,
      'h1:1. Inventarisatie',
      `p:${PARAGRAPH.join(' ')}`,
      'h1:2 Wettelijk kader',
      `p:${PARAGRAPH.join(' ')}`,
      'h2:2.1 Reikwijdte van de Woo',
      `p:${PARAGRAPH.join(' ')}`,
      'p:Dit is vet gedrukt.',
      'p:10.2.e',
      `p:${PARAGRAPH.join(' ')}`,
    ]);
  });

  it('on OCR pages, takes a short line set apart before a paragraph as a heading, but not a name, a date or a line before a list', () => {
    expect(
      body(
        [
          ['Uw verzoek', 128],
          ...paragraphAt(156),
          ['J.H. Dijkstra', 226],
          ...paragraphAt(254),
          ['Documenten', 310],
          ['1. de aanvraag van 2 februari 2019;', 338],
          ['2. de vergunning van 14 maart 2019.', 352],
        ],
        'ocr',
      ),
    ).toEqual(['h1:Uw verzoek', `p:${PARAGRAPH.join(' ')}`, 'p:J.H. Dijkstra', `p:${PARAGRAPH.join(' ')}`, 'p:Documenten', 'ol:de aanvraag van 2 februari 2019;|de vergunning van 14 maart 2019.']);
  });

  it('makes lists of numbered points, letters and bullets; a list resumed after a paragraph keeps its number', () => {
    const item = (marker: string, text: string, y: number): Spec[] => [[marker, y], [text, y, { x: 90 }]];
    expect(
      body([
        ['Wij hebben de volgende documenten gevonden:', 128],
        ...item('1.', 'de aanvraag voor de evenementenvergunning van de organisator', 146),
        ['van 2 februari 2019, met de bijlagen;', 160, { x: 90 }],
        ...item('2.', 'de vergunning.', 178),
        ['Daarnaast vonden wij nog twee documenten:', 196],
        ...item('3)', 'het verslag;', 214),
        ...item('4)', 'de evaluatie.', 232),
        ['U kunt bezwaar maken:', 260],
        ...item('a.', 'binnen zes weken;', 278),
        ...item('b.', 'schriftelijk.', 296),
        ['•', 324],
        ['een punt', 324, { x: 90 }],
        ['10.2.e heeft op 10 december laten weten geen bezwaar te hebben.', 352],
      ]),
    ).toEqual([
      'p:Wij hebben de volgende documenten gevonden:',
      'ol:de aanvraag voor de evenementenvergunning van de organisator van 2 februari 2019, met de bijlagen;|de vergunning.',
      'p:Daarnaast vonden wij nog twee documenten:',
      'ol@3:het verslag;|de evaluatie.',
      'p:U kunt bezwaar maken:',
      'ul:binnen zes weken;|schriftelijk.',
      'ul:een punt',
      'p:10.2.e heeft op 10 december laten weten geen bezwaar te hebben.',
    ]);
  });

  it('continues a list item on the next page, and reads a signature in two columns as a table', () => {
    const letter = pagesToLetter([
      page(1, [['Geachte leden van de raad,', 100], ...paragraphAt(128), ['1.', 186], ['de aanvraag voor de evenementenvergunning van de organisator', 186, { x: 90 }]]),
      page(2, [
        ['van 2 februari 2019, met de bijlagen;', 80, { x: 90 }],
        ['2.', 98],
        ['de vergunning.', 98, { x: 90 }],
        ['Met vriendelijke groet,', 126],
        ['Burgemeester en wethouders van Almelo,', 140],
        ['de secretaris,', 168],
        ['de burgemeester,', 168, { x: 300 }],
        ['J.H. Dijkstra', 210],
        ['R.T.A. Korteland', 210, { x: 300 }],
      ]),
    ]);
    expect(kinds(letter.blocks).slice(2)).toEqual(['ol:de aanvraag voor de evenementenvergunning van de organisator van 2 februari 2019, met de bijlagen;|de vergunning.', 'p:Met vriendelijke groet,', 'p:Burgemeester en wethouders van Almelo,', 'table']);
    expect(letter.blocks.at(-1)).toEqual({ kind: 'table', rows: [['de secretaris,', 'de burgemeester,'], ['J.H. Dijkstra', 'R.T.A. Korteland']] });
  });

  it('keeps lines ended on purpose apart, and runs on lines that were full', () => {
    expect(body([['Amstel 1', 128], ['1011 PN Amsterdam', 142], ...paragraphAt(170)])).toEqual(['p:Amstel 1', 'p:1011 PN Amsterdam', `p:${PARAGRAPH.join(' ')}`]);
  });

  it('joins broken words, and keeps a dash that shortens a compound', () => {
    expect(joinLines(['de Wet open-', 'baarheid van bestuur'])).toBe('de Wet openbaarheid van bestuur');
    expect(joinLines(['bewoners-', 'en huurdersorganisaties'])).toBe('bewoners- en huurdersorganisaties');
    expect(joinLines(['provincie Noord-', 'Holland'])).toBe('provincie Noord-Holland');
  });
});

describe('letter-spaced words', () => {
  it('joins the letterhead’s words split by letter-spacing, and glues no real words together', () => {
    expect(joinSpacedWords('Ge achte heer De Vries,')).toBe('Geachte heer De Vries,');
    expect(joinSpacedWords('Da tum: 11 januari 2021')).toBe('Datum: 11 januari 2021');
    expect(joinSpacedWords('Ken merk 2020-13953')).toBe('Kenmerk 2020-13953');
    expect(joinSpacedWords('Bij lage(n): 2')).toBe('Bijlage(n): 2');
    expect(joinSpacedWords('Bij lage temperaturen sluiten wij de ijsbaan')).toBe('Bij lage temperaturen sluiten wij de ijsbaan');
    expect(joinSpacedWords('Dat um')).toBe('Datum');
    expect(joinSpacedWords('Dat is de datum')).toBe('Dat is de datum');
    expect(joinSpacedWords('Uw kenmerk')).toBe('Uw kenmerk');
  });

  it('closes a gap inside a word that is clearly narrower than the line’s spaces', () => {
    const content = 'BT /F1 11 Tf 72 770 Td [(Het besluit is ge) -180 (nomen op tijd en dat is dat)] TJ 0 -14 Td [(Da) -250 (tum 11 januari 2021)] TJ ET';
    const pdf = buildPdf({
      objects: {
        1: '<< /Type /Catalog /Pages 2 0 R >>',
        2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        4: `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        5: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      },
    });
    const [first] = readTextLayer(pdf);
    expect(first!.lines.map((l) => l.text)).toEqual(['Het besluit is genomen op tijd en dat is dat', 'Da tum 11 januari 2021']);
    // What the gaps do not tell, the letterhead's own words do.
    expect(texts(pagesToLetter([first!])).join('\n')).toContain('Datum 11 januari 2021');
  });
});

describe('the text layer', () => {
  it('gives lines with their place from the top, their size and whether they are bold', () => {
    const [first] = readTextLayer(letterPdf([[{ text: 'Uw verzoek', y: 100, bold: true }, { text: 'Gewone tekst', y: 120, x: 90, size: 10 }]]));
    expect(first).toMatchObject({ page: 1, width: 595, height: 842, source: 'tekstlaag' });
    expect(first!.lines.map(({ text, bold, size }) => ({ text, bold, size }))).toEqual([{ text: 'Uw verzoek', bold: true, size: 11 }, { text: 'Gewone tekst', bold: false, size: 10 }]);
    expect(first!.lines[1]!.x).toBeCloseTo(90, 0);
    expect(first!.lines[1]!.y).toBeGreaterThan(first!.lines[0]!.y);
    expect(Math.abs(first!.lines[0]!.y - 100)).toBeLessThan(3);
  });

  it('refuses a PDF without any text in Dutch, and one that is damaged', async () => {
    await expect(readPdf(letterPdf([null]))).rejects.toThrow(/geen tekstlaag: het is waarschijnlijk een scan/);
    await expect(readPdf(Buffer.from('%PDF-1.7\nkapot'))).rejects.toBeInstanceOf(ImportProblem);
  });
});

describe('web addresses', () => {
  it('leaves a valid address to Markdown as a link and keeps any other plain text', () => {
    expect(escapeMarkdown('Zie www.amsterdam.nl/woo.')).toBe('Zie www.amsterdam.nl/woo.');
    expect(escapeMarkdown('Zie https://www.amsterdam.nl en mail naar info@amsterdam.nl.')).toBe('Zie https://www.amsterdam.nl en mail naar info@amsterdam.nl.');
    expect(escapeMarkdown('Zie www.amsterdam.01 of www.amsterdam.n1')).toBe('Zie www<!-- geen link -->.amsterdam.01 of www<!-- geen link -->.amsterdam.n1');
    expect(escapeMarkdown('https://www.amsterdam.n1/woo')).toBe('https<!-- geen link -->://www<!-- geen link -->.amsterdam.n1/woo');
    expect(escapeMarkdown('mail info@amsterdam.n1')).toBe('mail info<!-- geen link -->@amsterdam.n1');
    // An underscore would be escaped, and the link would point elsewhere.
    expect(escapeMarkdown('https://www.amsterdam.nl/a_b')).toBe('https<!-- geen link -->://www<!-- geen link -->.amsterdam.nl/a\\_b');
    expect(isValidAddress('www.amsterdam.NL')).toBe(true);
    expect(isValidAddress('www.amsterdam.nI')).toBe(false);
  });
});
