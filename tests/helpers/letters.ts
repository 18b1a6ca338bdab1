/**
 * The three kinds of Word letter of the sample archive, as a municipality
 * sends them: answers to a council member (with a table), answers to a
 * resident, and a motion follow-up. Modelled on the sample briefings
 * almelo-2024-jeugdzorg-vragen-de-olde, almelo-jeugdbescherming-vragen-inwoner
 * and almelo-2025-motie-juiste-basis-jeugdzorg.
 */
import { docx, type DocxBlock } from './docx';

const SIGNATURE: DocxBlock[] = [
  { p: 'Met vriendelijke groet,' },
  { p: 'Burgemeester en wethouders van Almelo,' },
  { table: [['de secretaris,', 'de burgemeester,'], ['J.H. Dijkstra', 'R.T.A. Korteland']] },
];

export const councilMemberLetter = (): Buffer =>
  docx([
    { p: 'Gemeente Almelo' },
    {
      table: [
        ['Aan', 'Raadslid De Olde (Partij Vrij Almelo)'],
        ['Datum', '10 september 2024'],
        ['Ons kenmerk', 'UIT-24117010'],
        ['Onderwerp', 'Beantwoording schriftelijke vragen over jeugdzorg in Almelo'],
        ['Bijlage(n)', '-'],
      ],
    },
    { p: 'Geachte heer De Olde,' },
    { p: 'Op 30 juli 2024 heeft u schriftelijke vragen gesteld over jeugdzorg in Almelo. Hieronder beantwoorden wij uw vragen.' },
    { p: 'Het college laat vooraf weten dat een deel van de gevraagde informatie op dit moment (nog) niet voorhanden is.' },
    { p: [{ text: 'Vraag 1', bold: true }] },
    { p: 'Kan het college laten zien hoeveel Almelose kinderen in de afgelopen drie jaar uit huis zijn geplaatst, en hoe oud zij waren toen dat gebeurde?' },
    { p: [{ text: 'Antwoord', bold: true }] },
    { p: 'Gegevens over uithuisplaatsingen liggen verspreid bij verschillende partijen. Wel is bekend hoeveel nieuwe jeugdigen Jeugdbescherming Overijssel in die jaren uit huis heeft geplaatst.' },
    { p: 'Tabel 1: Instroom (voorlopige) ondertoezichtstellingen en machtigingen uithuisplaatsing, Almelo' },
    {
      table: [
        ['Jaar', 'Aantal instroom (voorlopige) ondertoezichtstellingen', 'Waarbij machtiging uithuisplaatsing'],
        ['2022', '33', '18'],
        ['2023', '29', '15'],
        ['2024 (tm aug)', '15', '8'],
        ['Totaal', '77', '41'],
      ],
    },
    { p: 'De leeftijd van de kinderen bij uithuisplaatsing is niet bekend.' },
    { p: [{ text: 'Vraag 2', bold: true }] },
    { p: 'Nemen ouders hun eigen verantwoordelijkheid voldoende?' },
    { p: [{ text: 'Antwoord', bold: true }] },
    {
      p: [
        'De ',
        { text: 'Jeugdwet', italic: true, footnote: 'Jeugdwet, Stb. 2014, 105.' },
        ' gaat uit van wat jeugdigen en ouders ',
        { text: 'zelf', bold: true },
        ' kunnen. Zie ook ',
        { text: 'de Hervormingsagenda Jeugd', link: 'https://www.rijksoverheid.nl/onderwerpen/jeugdhulp' },
        '.',
      ],
    },
    { p: [{ text: 'Vraag 3', bold: true }] },
    { p: 'Deelt het college de opvatting van Partij Vrij Almelo dat meer vraag naar zorg een hogere rekening betekent?' },
    { p: [{ text: 'Antwoord', bold: true }] },
    { p: 'De groeiende zorgvraag drijft volgens het college de kosten voor de gemeente op.' },
    { list: ['afbakening van de jeugdhulpplicht;', 'ruimte in de lokale verordening.'] },
    { p: 'Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.' },
    ...SIGNATURE,
  ]);

export const residentLetter = (): Buffer =>
  docx([
    { p: 'De heer M. Hümmels' },
    { p: 'Kerkstraat 12' },
    { p: '7607 AB Almelo' },
    { p: 'Datum: 2 april 2025' },
    { p: 'Ons kenmerk: UIT-2092838' },
    { p: 'Onderwerp: Uw vragen over jeugdbescherming' },
    { p: 'Geachte heer Hümmels,' },
    { p: 'In uw e-mail van 20 maart jl. stelt u ons drie vragen over jeugdbescherming. Hieronder leest u onze antwoorden.' },
    { list: ['Welke rol heeft de gemeente als jeugd- en kinderzorgorganisaties, zoals de Kinderbescherming, tekortschieten?'], ordered: true },
    { p: 'Die rol is vastgelegd in de Jeugdwet. De gemeente moet zorgen voor een aanbod van jeugdhulp dat naar kwaliteit en omvang toereikend is.' },
    { p: '2. Hoe vangt de gemeente kinderen en gezinnen op die in de problemen raken?' },
    { p: 'Almelo helpt hen via de toegang en de wijkteams, zoals de heer Hümmels in zijn e-mail ook noemt.' },
    { p: '3. Houdt de gemeente zich aan de kinderbeschermingswet?' },
    { p: 'De gemeente voldoet aan de Jeugdwet en evalueert de lopende trajecten elk jaar.' },
    { p: 'Met vriendelijke groet,' },
    { p: 'Burgemeester en wethouders van Almelo,' },
    { p: 'de secretaris,' },
    { p: 'de burgemeester,' },
  ]);

export const motionLetter = (): Buffer =>
  docx([
    { p: 'Raadsinformatiebrief' },
    {
      table: [
        ['Aan', 'De raad van de gemeente Almelo'],
        ['Datum', '15 juli 2025'],
        ['Onderwerp', 'Motie de juiste basis voor effectieve jeugdzorg'],
        ['Bijlage', '-'],
      ],
    },
    { p: 'Geachte leden van de raad,' },
    { p: "Op 11 juli 2024 nam de gemeenteraad de motie 'de juiste basis voor effectieve jeugdzorg' aan. In deze brief licht het college toe hoe het aan de verzoeken uit die motie invulling geeft." },
    { p: 'De motie verzoekt het college:' },
    {
      list: [
        'Zorg dat de wijkcoaches genoeg middelen en mensen hebben om gezinnen te helpen.',
        'Laat de betrokken gezinnen weten dat deze hulp niet vrijblijvend is.',
        'Daarnaast moet uithuisplaatsing zo veel mogelijk worden voorkomen.',
      ],
    },
    { heading: 'Inzet van ondersteuning' },
    { p: 'De lokale toegang is in Almelo belegd bij wijkteams die integraal zijn samengesteld.' },
    { heading: 'Tot slot' },
    { p: 'Het college gaat ervan uit dat de raad hiermee voldoende is geïnformeerd en beschouwt de motie als afgehandeld.' },
    ...SIGNATURE,
  ]);
