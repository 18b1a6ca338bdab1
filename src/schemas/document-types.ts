/**
 * The kinds of briefing the archive knows. The key is what a clerk writes in
 * `type:`; the labels are what readers see. `original` names the signed
 * original (`origineel:`) in the letter header. How each kind is offered to the
 * Woo-index is in src/lib/publication/woo.ts.
 */
export const DOCUMENT_TYPES = {
  'vragen-raadslid': {
    label: 'Beantwoording schriftelijke vragen',
    plural: 'Beantwoording schriftelijke vragen van raadsleden',
    description: 'Antwoorden van het college op schriftelijke vragen van een raadslid of fractie.',
    original: 'Ondertekende brief',
  },
  'vragen-inwoner': {
    label: 'Beantwoording vragen van een inwoner',
    plural: 'Beantwoording vragen van inwoners',
    description: 'Antwoorden op vragen die een inwoner aan de gemeente stelde. De inwoner wordt niet bij naam genoemd.',
    original: 'Ondertekende brief',
  },
  'motie-uitvoering': {
    label: 'Raadsinformatiebrief uitvoering motie',
    plural: 'Raadsinformatiebrieven over de uitvoering van moties',
    description: 'Brieven waarin het college meldt hoe een aangenomen motie is uitgevoerd.',
    original: 'Ondertekende brief',
  },
  raadsinformatiebrief: {
    label: 'Raadsinformatiebrief',
    plural: 'Raadsinformatiebrieven',
    description: 'Brieven waarin het college de raad uit zichzelf informeert, los van vragen of een motie.',
    original: 'Ondertekende brief',
  },
  rapportage: {
    label: 'Rapportage',
    plural: 'Rapportages',
    description: 'Jaar- en halfjaarrapportages met cijfers, grafieken en de status per thema.',
    original: 'Origineel document',
  },
  notitie: {
    label: 'Notitie',
    plural: 'Notities',
    description: 'Beleids- en regionale notities.',
    original: 'Origineel document',
  },
  'schriftelijke-vragen': {
    label: 'Schriftelijke vragen',
    plural: 'Schriftelijke vragen van raadsleden',
    description: 'De brief waarin een raadslid of fractie het college schriftelijke vragen stelt, gepubliceerd zodra hij binnenkomt.',
    original: 'Ingediende brief',
  },
  'woo-besluit': {
    label: 'Besluit op Woo-verzoek',
    plural: 'Besluiten op Woo-verzoeken',
    description: 'Besluiten op verzoeken om informatie onder de Wet open overheid (en de Wob daarvoor), met de inventarislijst en de openbaar gemaakte documenten. De verzoeker wordt niet bij naam genoemd.',
    original: 'Ondertekend besluit',
  },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

export function documentTypeLabel(type: DocumentType): string {
  return DOCUMENT_TYPES[type].label;
}
