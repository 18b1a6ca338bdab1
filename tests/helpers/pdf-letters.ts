/**
 * PDF letters in the shapes real municipal archives have (see
 * /work/shared/REAL-ARCHIVES.md): a Woo decision letter with its letterhead in
 * a side column, a running header and page numbers on every page, bold
 * section headings, numbered points, redaction codes and a misread web
 * address. Text is set like a word processor does, wrapped at the column's
 * width with Helvetica's real widths (measured with MuPDF).
 */
import * as mupdf from 'mupdf';
import { letterPdf, type PdfLine } from './pdf';

const fonts = { regular: new mupdf.Font('Helvetica'), bold: new mupdf.Font('Helvetica-Bold') };
const widthOf = (text: string, size: number, bold = false) => {
  const font = bold ? fonts.bold : fonts.regular;
  return [...text].reduce((w, c) => w + font.advanceGlyph(font.encodeCharacter(c)), 0) * size;
};

type Part = { p: string } | { h: string } | { item: string; marker: string } | { gap: number };

const TOP = 80;
const BOTTOM = 640;

/** Sets parts into pages from `y` on page `pages.length - 1`, starting a new page (with `header`) when one is full. */
function typeset(pages: PdfLine[][], parts: Part[], start: number, header: (page: number) => PdfLine[], column = { x: 72, width: 325 }): void {
  const size = 11;
  const pitch = 14;
  let y = start;
  const room = () => {
    if (y <= BOTTOM) return;
    pages.push(header(pages.length + 1));
    y = TOP;
  };
  const line = (text: string, x: number, bold = false) => {
    room();
    pages[pages.length - 1]!.push({ text, x, y, bold, size });
    y += pitch;
  };
  const wrap = (text: string, width: number, bold = false) => {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const candidate = current ? `${current} ${word.replace(/\u00ad/g, '')}` : word.replace(/\u00ad/g, '');
      if (widthOf(candidate, size, bold) <= width || !current) {
        current = candidate;
        continue;
      }
      // A word with a soft hyphen may break there, as a word processor hyphenates.
      const syllables = word.split('\u00ad');
      const head = syllables.slice(0, -1).map((_, i) => syllables.slice(0, i + 1).join('')).reverse().find((h) => widthOf(`${current} ${h}-`, size, bold) <= width);
      if (head) {
        lines.push(`${current} ${head}-`);
        current = word.replace(/\u00ad/g, '').slice(head.length);
      } else {
        lines.push(current);
        current = word.replace(/\u00ad/g, '');
      }
    }
    if (current) lines.push(current);
    return lines;
  };
  for (const part of parts) {
    if ('gap' in part) y += part.gap;
    else if ('h' in part) {
      line(part.h, column.x, true);
      y += 4;
    } else if ('p' in part) {
      for (const text of wrap(part.p, column.width)) line(text, column.x);
      y += pitch;
    } else {
      wrap(part.item, column.width - 18).forEach((text, i) => {
        room();
        if (i === 0) pages[pages.length - 1]!.push({ text: part.marker, x: column.x, y, size });
        line(text, column.x + 18);
      });
      y += 4;
    }
  }
}

const runningHeader = (pageCount: number) => (page: number): PdfLine[] => [
  { text: `Gemeente Amsterdam    Datum 11 januari 2021    Kenmerk 2020-13953    Pagina ${page} van ${pageCount}`, x: 72, y: 40, size: 8 },
  { text: String(page), x: 294, y: 800, size: 9 },
];

/** The side column of page 1: the sender, its addresses, and the fields with their values below them. */
const SIDE_COLUMN: PdfLine[] = [
  { text: 'Gemeente Amsterdam', y: 60, size: 9, bold: true },
  { text: 'Juridische Zaken', y: 72 },
  { text: 'Bezoekadres', y: 96, bold: true },
  { text: 'Amstel 1', y: 106 },
  { text: '1011 PN Amsterdam', y: 116 },
  { text: 'Postbus 202', y: 130 },
  { text: '1000 AE Amsterdam', y: 140 },
  { text: 'Telefoon 14 020', y: 154 },
  { text: 'www.amsterdam.nl', y: 164 },
  { text: ['Da', -250, 'tum'], y: 188, bold: true },
  { text: '11 januari 2021', y: 198 },
  { text: 'Ons kenmerk', y: 216, bold: true },
  { text: '2020-13953', y: 226 },
  { text: 'Behandeld door', y: 244, bold: true },
  { text: '10.2.e', y: 254 },
  { text: 'Bijlage(n)', y: 272, bold: true },
  { text: 'Inventarislijst', y: 282 },
].map((line) => ({ size: 8, x: 430, ...line }));

const BODY: Part[] = [
  { p: 'Op 25 november 2020 hebben wij uw verzoek ontvangen. U vraagt om openbaarmaking van documenten over het evenement aan de Sloterplas op grond van de Wet openbaarheid van bestuur (Wob).' },
  { h: 'Uw verzoek' },
  { p: 'U vraagt om alle documenten over de vergunning voor het evenement aan de Sloterplas in 2019 en 2020. Op 3 december 2020 hebben wij de ontvangst van uw verzoek bevestigd. Mevrouw 10.2.e heeft u op 10 december 2020 gebeld om uw verzoek te verduidelijken.' },
  { h: 'Wettelijk kader' },
  {
    p: 'Op 1 mei 2022 is de Wet open overheid (Woo) in werking getreden. Uw verzoek is ingediend onder de Wob, maar wij beslissen erop volgens de Woo. De Woo heeft als uitgangspunt dat informatie openbaar is, tenzij een uitzonderingsgrond van toepassing is. Die gronden staan in artikel 5.1 van de Woo. Bij elke grond wegen wij het belang van openbaarheid af tegen het belang dat de grond beschermt, zoals de persoonlijke levenssfeer van betrokkenen. Een passage die wij niet openbaar maken, vervangen wij door de code van de grond, bijvoorbeeld 5.1.2e voor de eerbiediging van de persoonlijke levens\u00adsfeer. Zo kunt u zien waarom iets is weggelaten. Wij hebben de documenten per onderdeel bekeken en gewogen, en wij lichten hieronder per onderdeel toe welke documenten wij hebben gevonden.',
  },
  { h: 'Inventarisatie documenten' },
  { p: 'Wij hebben de volgende documenten gevonden:' },
  { item: 'de aanvraag voor de evenementenvergunning van 2 februari 2019, met de bijlagen die de organisator meestuurde;', marker: '1.' },
  { item: 'de evenementenvergunning van 14 maart 2019;', marker: '2.' },
  { p: 'Meer over deze documenten staat op www.amsterdam.01 onder het kopje Woo. Daarnaast vonden wij nog twee documenten:' },
  { item: 'het verslag van het overleg met de organisator van 4 april 2019;', marker: '3.' },
  { item: 'de evaluatie van het evenement van 1 oktober 2019.', marker: '4.' },
  { h: 'Zienswijze' },
  { p: 'Wij hebben 10.2.e gevraagd om een zienswijze. 10.2.e heeft op 10 december 2020 laten weten geen bezwaar te hebben tegen openbaarmaking.' },
  { h: 'Wijze van openbaarmaking' },
  { p: 'De documenten die wij openbaar maken, sturen wij u met dit besluit toe. Wij plaatsen dit besluit en de openbare documenten ook op de website van de gemeente, zodat iedereen ze kan lezen. Persoonsgegevens halen wij daarvoor weg. Dat doen wij ook bij de documenten die wij later op verzoek openbaar maken.' },
  { p: 'Heeft u vragen over dit besluit of over de documenten, dan kunt u contact opnemen met de afdeling die uw verzoek heeft behandeld. Vermeld daarbij altijd het kenmerk van deze brief, zodat wij uw vraag snel kunnen beantwoorden.' },
  { h: 'Besluit' },
  { p: 'Ik besluit de documenten gedeeltelijk openbaar te maken. De namen van medewerkers en van mevrouw 10.2.e maak ik niet openbaar op grond van artikel 5.1.2e Woo. Dit betekent:' },
  { item: 'documenten 1 en 2 worden openbaar;', marker: '•' },
  { item: 'in documenten 3 en 4 zijn namen weggelakt.', marker: '•' },
  { p: 'U kunt tegen dit besluit bezwaar maken:' },
  { item: 'binnen zes weken na de dag van verzending;', marker: 'a.' },
  { item: 'schriftelijk of digitaal.', marker: 'b.' },
  { gap: 14 },
];

const SIGNATURE: Part[] = [{ p: 'Met vriendelijke groet,' }, { gap: -14 }, { p: 'Burgemeester en wethouders van Amsterdam,' }, { gap: -14 }, { p: 'namens deze,' }, { gap: 14 }, { p: 'de burgemeester,' }, { gap: -14 }, { p: 'F. Halsema' }];

/**
 * A Woo decision letter of three pages, Amsterdam style. With `scannedFirstPage`
 * page 1 is a scan without text: the letter's date and kenmerk are then only in
 * the running header of pages 2 and 3.
 */
export function wooDecisionLetter(options: { scannedFirstPage?: boolean } = {}): Buffer {
  const header = runningHeader(3);
  const first: PdfLine[] = [
    ...SIDE_COLUMN,
    { text: 'Retouradres: Postbus 202, 1000 AE Amsterdam', y: 150, size: 7 },
    { text: 'Mevrouw 10.2.e', y: 172 },
    { text: 'Per e-mail: 10.2.e', y: 186 },
    { text: 'Onderwerp', y: 244, bold: true },
    { text: 'Besluit op uw Wob-verzoek over de Sloterplas', x: 150, y: 244 },
    { text: 'Geachte mevrouw 10.2.e,', y: 280 },
    { text: '1', x: 294, y: 800, size: 9 },
  ].map((line) => ({ x: 72, size: 11, ...line }));
  const pages: PdfLine[][] = [first];
  typeset(pages, [...BODY, ...SIGNATURE], 308, (page) => header(page));
  if (pages.length !== 3) throw new Error(`the letter should take 3 pages, not ${pages.length}`);
  return letterPdf(options.scannedFirstPage ? [null, ...pages.slice(1)] : pages);
}
