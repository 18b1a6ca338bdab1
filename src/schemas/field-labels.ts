/**
 * What a clerk sees next to each field of the content model in the editing
 * screen (`npm run beheer`): a Dutch label and a hint. One entry per field, by
 * its path in the schema (`vragen.gesteldDoor.naam`; list items without an
 * index: `bijlagen.bestand`). The screen's form is generated from the schemas
 * in this folder plus this map, so a field added to a schema without a label
 * here stops the screen from starting (and tests/editor-config.test.ts fails).
 */

export interface FieldLabel {
  label: string;
  hint: string;
  /** Long text gets a text area; a file path gets the file picker. */
  widget?: 'text' | 'file';
}

const DATE_HINT = 'Zo precies als de bron: 2025-03-04, 2025-03, 2025 of onbekend.';

export const BRIEFING_LABELS: Record<string, FieldLabel> = {
  type: { label: 'Soort stuk', hint: 'Bepaalt welke velden het stuk heeft en in welk overzicht het staat.' },
  titel: { label: 'Titel', hint: 'Zoals lezers het stuk zoeken, bijvoorbeeld “Beantwoording vragen over parkeren in het centrum”.' },
  onderwerp: { label: 'Onderwerp', hint: 'Het onderwerp uit de brief (“Onderwerp: …”), als het anders is dan de titel.' },
  samenvatting: { label: 'Samenvatting', hint: 'Twee of drie zinnen over wat er in het stuk staat.', widget: 'text' },
  organisatie: { label: 'Organisatie', hint: 'De afzender: de naam van een bestand in content/organisaties/, bijvoorbeeld almelo.' },
  datum: { label: 'Datum', hint: DATE_HINT },
  kenmerk: { label: 'Kenmerk', hint: 'Het kenmerk van de brief, bijvoorbeeld UIT-25001234.' },
  aan: { label: 'Aan', hint: 'De geadresseerde, bijvoorbeeld “De gemeenteraad van Almelo”. Nooit de naam van een inwoner.' },
  vragen: { label: 'Vragen', hint: 'Wie de vragen stelde en wanneer.' },
  'vragen.gesteldDoor': { label: 'Gesteld door', hint: 'Een raadslid, een fractie of een organisatie; een inwoner wordt nooit bij naam genoemd.' },
  'vragen.gesteldDoor.soort': { label: 'Soort vraagsteller', hint: 'raadslid, fractie, inwoner of organisatie.' },
  'vragen.gesteldDoor.naam': { label: 'Naam', hint: 'Alleen bij een raadslid of een organisatie, zoals J. Jansen.' },
  'vragen.gesteldDoor.fractie': { label: 'Fractie', hint: 'De fractie van het raadslid, of de fractie die de vragen stelde.' },
  'vragen.gesteldDoor.omschrijving': { label: 'Omschrijving', hint: 'Neutraal, zonder naam: “een inwoner van Almelo”.' },
  'vragen.gesteldOp': { label: 'Gesteld op', hint: DATE_HINT },
  'vragen.via': { label: 'Via', hint: 'Hoe de vragen binnenkwamen, bijvoorbeeld e-mail of artikel 41 RvO.' },
  'vragen.vragenbrief': { label: 'Brief met de vragen', hint: 'Bij een antwoordbrief: de bestandsnaam van het gepubliceerde stuk met de vragen, zonder .md.' },
  motie: { label: 'Motie', hint: 'De motie waarover deze brief gaat.' },
  'motie.titel': { label: 'Titel van de motie', hint: 'Zoals de raad haar aannam.' },
  'motie.aangenomen': { label: 'Aangenomen op', hint: DATE_HINT },
  'motie.verzoeken': { label: 'Verzoeken', hint: 'Wat de motie het college vroeg, één verzoek per regel.', widget: 'text' },
  'motie.status': { label: 'Status van de motie', hint: 'Volgens deze brief: open, in uitvoering of afgehandeld.' },
  'motie.nummer': { label: 'Nummer', hint: 'Het nummer van de motie, als de raad dat gaf.' },
  'motie.indieners': { label: 'Indieners', hint: 'De fracties die de motie indienden.' },
  'motie.raadsvergadering': { label: 'Raadsvergadering', hint: `De vergadering waarin over de motie is gestemd. ${DATE_HINT}` },
  periode: { label: 'Verslagperiode', hint: 'Over welke periode de rapportage gaat.' },
  'periode.jaar': { label: 'Jaar', hint: 'Bijvoorbeeld 2018.' },
  'periode.deel': { label: 'Deel van het jaar', hint: 'Het hele jaar, een helft of een kwartaal.' },
  woo: { label: 'Woo-verzoek', hint: 'Het verzoek en wat is besloten. De verzoeker wordt niet genoemd.' },
  'woo.verzoek': { label: 'Verzoek', hint: 'Waar het verzoek over ging, in een paar woorden.' },
  'woo.ontvangen': { label: 'Ontvangen op', hint: DATE_HINT },
  'woo.besluit': { label: 'Besluit', hint: 'Openbaar, deels openbaar, niet openbaar, geen documenten, reeds openbaar of buiten behandeling.' },
  'woo.gronden': { label: 'Gronden', hint: 'De artikelen waarop informatie is geweigerd, zoals 5.1.2e.' },
  'woo.wet': { label: 'Wet', hint: 'woo, of wob voor besluiten van vóór 1 mei 2022.' },
  'woo.deelbesluit': { label: 'Deelbesluit', hint: 'Het nummer van het deelbesluit, als het verzoek in delen is besloten.' },
  onderwerpen: { label: 'Onderwerpen', hint: 'Trefwoorden, bijvoorbeeld jeugdzorg of parkeren.' },
  ondertekening: { label: 'Ondertekening', hint: 'Namens wie en door wie de brief is ondertekend.' },
  'ondertekening.namens': { label: 'Namens', hint: 'Bijvoorbeeld “Burgemeester en wethouders van Almelo”.' },
  'ondertekening.personen': { label: 'Ondertekenaars', hint: 'Alleen ambtsdragers; een naam mag weg.' },
  'ondertekening.personen.functie': { label: 'Functie', hint: 'De publieke functie van de ondertekenaar.' },
  'ondertekening.personen.naam': { label: 'Naam', hint: 'Bijvoorbeeld J.H. Dijkstra.' },
  'ondertekening.personen.fractie': { label: 'Fractie', hint: 'Alleen bij een raadslid of fractievoorzitter.' },
  gerelateerd: { label: 'Gerelateerde stukken', hint: 'Bestandsnamen van andere stukken, zonder .md.' },
  origineel: { label: 'Ondertekende brief', hint: 'De brief zoals hij is verstuurd, meestal een pdf.', widget: 'file' },
  bijlagen: { label: 'Bijlagen', hint: 'Een bijlage zonder bestand staat op de pagina als “niet openbaar”.' },
  'bijlagen.titel': { label: 'Titel', hint: 'Zoals de bijlage in de brief heet.' },
  'bijlagen.bestand': { label: 'Bestand', hint: 'Laat leeg als de bijlage niet openbaar is.', widget: 'file' },
  'bijlagen.opmerking': { label: 'Opmerking', hint: 'Waarom de bijlage niet openbaar is, of wat een lezer nog moet weten.' },
  toezeggingen: { label: 'Toezeggingen', hint: 'Wat het college in deze brief belooft.' },
  'toezeggingen.id': { label: 'Code', hint: 'Uniek in het hele archief, bijvoorbeeld almelo-2024-jeugdzorg-cijfers.' },
  'toezeggingen.wat': { label: 'Wat is toegezegd', hint: 'In één zin.', widget: 'text' },
  'toezeggingen.termijn': { label: 'Termijn', hint: DATE_HINT },
  afgedaan: { label: 'Afgedane toezeggingen', hint: 'Codes van eerdere toezeggingen die deze brief afdoet.' },
  bron: { label: 'Bron', hint: 'Het openbare document waaruit dit stuk is gemaakt.' },
  'bron.omschrijving': { label: 'Omschrijving', hint: 'Wat voor document het is, van wie en wanneer.', widget: 'text' },
  'bron.url': { label: 'Webadres', hint: 'Het volledige adres (https://…), als het document online staat.' },
  redactie: { label: 'Opmerkingen van de redactie', hint: 'Wat de bron niet gaf of wat is afgeleid; staat bij het stuk onder “Over dit stuk”.', widget: 'text' },
};

export const ORGANISATION_LABELS: Record<string, FieldLabel> = {
  naam: { label: 'Naam', hint: 'Bijvoorbeeld Gemeente Almelo.' },
  soort: { label: 'Soort', hint: 'Een gemeente of een samenwerkingsverband.' },
  cbsCode: { label: 'CBS-code', hint: 'Bij een gemeente: GM gevolgd door vier cijfers, bijvoorbeeld GM0141.' },
  leden: { label: 'Leden', hint: 'Bij een samenwerkingsverband: de deelnemende organisaties.' },
  website: { label: 'Website', hint: 'Het volledige adres (https://…).' },
};

export const SITE_LABELS: Record<string, FieldLabel> = {
  naam: { label: 'Naam van de site', hint: 'Staat bovenaan elke pagina.' },
  omschrijving: { label: 'Omschrijving', hint: 'Eén zin over wat de site biedt.', widget: 'text' },
  melding: { label: 'Melding', hint: 'Staat op elke pagina, bijvoorbeeld dat dit een voorbeeldarchief is.', widget: 'text' },
  uitgever: { label: 'Uitgever', hint: 'Wie het archief publiceert, voor feeds en de datacatalogus.' },
  licentie: { label: 'Licentie', hint: 'De licentie van de datasets, bijvoorbeeld CC0-1.0.' },
  contact: { label: 'Contact', hint: 'Waar lezers de redactie bereiken.' },
  'contact.naam': { label: 'Naam', hint: 'Wie antwoordt, bijvoorbeeld de griffie.' },
  'contact.email': { label: 'E-mailadres', hint: 'Bijvoorbeeld griffie@gemeente.nl.' },
  'contact.url': { label: 'Contactpagina', hint: 'Het volledige adres (https://…) van een formulier of contactpagina.' },
  beantwoordingstermijn: { label: 'Beantwoordingstermijn (dagen)', hint: 'Dagen die het college heeft om schriftelijke vragen te beantwoorden.' },
  thema: { label: 'Thema', hint: 'Een bestand in src/styles/themes/, zonder .css.' },
};

/** The fields every dataset has, whatever its kind; see src/schemas/dataset.ts. */
export const DATASET_LABELS: Record<string, FieldLabel> = {
  soort: { label: 'Soort dataset', hint: 'Leeg voor een tabel; statusoverzicht of kerncijfers voor die soorten.' },
  titel: { label: 'Titel', hint: 'De titel van de tabel.' },
  bijschrift: { label: 'Bijschrift', hint: 'Een langere omschrijving; anders geldt de titel.', widget: 'text' },
  peildatum: { label: 'Peildatum', hint: `Het moment waarop de cijfers slaan. ${DATE_HINT}` },
  periode: { label: 'Periode', hint: 'De periode van de cijfers, bijvoorbeeld “2018, tweede helft”.' },
  onderwerpen: { label: 'Onderwerpen', hint: 'Trefwoorden.' },
  voetnoten: { label: 'Voetnoten', hint: 'Eén voetnoot per regel; rijen verwijzen ernaar met hun nummer.', widget: 'text' },
  licentie: { label: 'Licentie', hint: 'Alleen als die anders is dan die van de site.' },
};
