/**
 * Frontmatter of a briefing (`content/stukken/*.md|mdx`). Field names are Dutch
 * because clerks write them; see README, "Een brief toevoegen".
 */
import { z } from 'astro/zod';
import { DOCUMENT_TYPE_KEYS } from './document-types';
import { partialDate, slug, text } from './common';

/**
 * Office holders are named in the archive because they act in public office.
 * The list is closed on purpose: a name may only appear next to a public role.
 */
export const OFFICE_ROLES = [
  'raadslid',
  'fractievoorzitter',
  'burgemeester',
  'wethouder',
  'secretaris',
  'griffier',
  'portefeuillehouder',
  'voorzitter',
  'directeur',
] as const;

const officeRole = () =>
  z.enum(OFFICE_ROLES, {
    error: (issue) =>
      `"${String(issue.input)}" is geen functie van een ambtsdrager; kies uit ${OFFICE_ROLES.join(', ')}`,
  });

/** A person in public office; may be named. */
export const officeHolderSchema = z.strictObject({
  functie: officeRole(),
  naam: text().optional(),
  fractie: text().optional(),
});

/**
 * Who asked. A resident is a private person: the schema has no field for a name,
 * so a name typed there fails the check instead of being published.
 */
export const askerSchema = z.discriminatedUnion(
  'soort',
  [
    z.strictObject({
      soort: z.literal('raadslid'),
      naam: text(),
      fractie: text().optional(),
    }),
    z.strictObject({
      soort: z.literal('fractie'),
      fractie: text(),
    }),
    z.strictObject({
      soort: z.literal('inwoner'),
      /** A neutral description such as "een inwoner van Almelo"; never a name. */
      omschrijving: text().optional(),
    }),
    z.strictObject({
      soort: z.literal('organisatie'),
      naam: text(),
    }),
  ],
  { error: () => 'soort moet raadslid, fractie, inwoner of organisatie zijn' },
);

export const questionsSchema = z.strictObject({
  gesteldDoor: askerSchema,
  gesteldOp: partialDate(),
  /** How the questions came in, e.g. "e-mail" or "artikel 41 RvO". */
  via: text().optional(),
  /**
   * On an answer letter: the published letter with the questions (a briefing of
   * type schriftelijke-vragen), by its file name. Links both letters to each other.
   */
  vragenbrief: slug().optional(),
});

export const MOTION_STATUSES = ['open', 'in-uitvoering', 'afgehandeld'] as const;

export const motionSchema = z.strictObject({
  titel: text(),
  aangenomen: partialDate(),
  /** What the motion asked the college to do, one item per request. */
  verzoeken: z.array(text()).min(1, 'noem minstens één verzoek uit de motie'),
  /** The state of the motion according to this briefing. */
  status: z.enum(MOTION_STATUSES, {
    error: () => `status moet ${MOTION_STATUSES.join(', ')} zijn`,
  }),
  nummer: text().optional(),
  /** The fracties that submitted the motion. */
  indieners: z.array(text()).default([]),
  /** The council meeting in which the motion was put to the vote. */
  raadsvergadering: partialDate().optional(),
});

/** A promise the college makes in a letter; a later letter reports it done with `afgedaan:`. */
export const commitmentSchema = z.strictObject({
  /** Unique in the whole archive, e.g. "almelo-2024-jeugdzorg-cijfers". */
  id: slug(),
  /** What was promised, in one sentence. */
  wat: text(),
  /** By when; as precise as the letter says (2025-01-01, 2025-03, 2025) or "onbekend". */
  termijn: partialDate(),
});

/**
 * What a decision on a request for information decides, in the Woo's own
 * terms (art. 4.4 and 5.1: the information is made public, in part, or not),
 * plus the outcomes a decision letter can also have: no documents found, the
 * information was already public (art. 4.1 lid 6 refers to it), or the
 * request was not dealt with (Awb art. 4:5).
 */
export const WOO_DECISIONS = ['openbaar', 'deels-openbaar', 'niet-openbaar', 'geen-documenten', 'reeds-openbaar', 'buiten-behandeling'] as const;

/**
 * A decision on a Woo (or, before May 2022, Wob) request. The requester is a
 * private person: there is no field for them, only what they asked about.
 */
export const wooDecisionSchema = z.strictObject({
  /** What was asked, in a few words: "de sluiting van zwembad De Hoeve". Left out when the letter does not say. */
  verzoek: text().optional(),
  /** When the request was received. */
  ontvangen: partialDate(),
  /** Left out when the letter's outcome is not one of these (or not yet read). */
  besluit: z.enum(WOO_DECISIONS, { error: () => `besluit moet ${WOO_DECISIONS.join(', ')} zijn` }).optional(),
  /** The grounds for withholding, as the letter cites them: "5.1.2e", "5.2", "10.2.e" (Wob). */
  // YAML reads a bare 5.2 as a number; it is an article all the same.
  gronden: z.array(z.preprocess((value) => (typeof value === 'number' ? String(value) : value), text())).default([]),
  /** Wob for decisions taken before the Woo came into force on 1 May 2022. */
  wet: z.enum(['woo', 'wob'], { error: () => 'wet moet woo of wob zijn' }).default('woo'),
  /** A partial decision (deelbesluit) in a larger request: its number. */
  deelbesluit: z.number({ error: 'deelbesluit is het nummer van het deelbesluit, bijvoorbeeld 2' }).int().min(1).optional(),
});

export const PERIOD_PARTS = ['jaar', 'eerste-helft', 'tweede-helft', 'q1', 'q2', 'q3', 'q4'] as const;

export const reportingPeriodSchema = z.strictObject({
  jaar: z.number({ error: 'jaar moet een getal zijn, bijvoorbeeld 2018' }).int().min(1800).max(2200),
  deel: z.enum(PERIOD_PARTS, { error: () => `deel moet ${PERIOD_PARTS.join(', ')} zijn` }).default('jaar'),
});

/** A file path relative to the briefing's own file: bijlagen/parkeeronderzoek-2024.pdf. */
const relativeFile = () => text().regex(/\.[A-Za-z0-9]{2,5}$/, 'noem het bestand met zijn extensie, bijvoorbeeld bijlagen/onderzoek.pdf');

export const attachmentSchema = z.strictObject({
  titel: text(),
  /** The file, relative to the briefing; omitted when the attachment is not public ("niet openbaar"). */
  bestand: relativeFile().optional(),
  /** Why it is not public, or what else a reader should know about it. */
  opmerking: text().optional(),
});

export const signatureSchema = z.strictObject({
  /** On whose behalf, e.g. "Burgemeester en wethouders van Almelo". */
  namens: text().optional(),
  personen: z.array(officeHolderSchema).default([]),
});

export const sourceDocumentSchema = z.strictObject({
  omschrijving: text(),
  url: z.url({ error: 'moet een volledige webadres zijn (https://…)' }).optional(),
});

export const briefingSchema = z
  .strictObject({
    type: z.enum(DOCUMENT_TYPE_KEYS, {
      error: (issue) =>
        `"${String(issue.input)}" is geen bekend documenttype; kies uit ${DOCUMENT_TYPE_KEYS.join(', ')}`,
    }),
    titel: text(),
    onderwerp: text().optional(),
    samenvatting: text().optional(),
    organisatie: slug(),
    datum: partialDate(),
    kenmerk: text().optional(),
    aan: text().optional(),
    vragen: questionsSchema.optional(),
    motie: motionSchema.optional(),
    periode: reportingPeriodSchema.optional(),
    /** On a woo-besluit: the request and what was decided. */
    woo: wooDecisionSchema.optional(),
    onderwerpen: z.array(text()).default([]),
    ondertekening: signatureSchema.optional(),
    gerelateerd: z.array(slug()).default([]),
    /** The letter as sent and signed, usually a PDF, relative to the briefing. */
    origineel: relativeFile().optional(),
    bijlagen: z.array(attachmentSchema).default([]),
    /** Commitments (toezeggingen) this letter makes. */
    toezeggingen: z.array(commitmentSchema).default([]),
    /** Ids of earlier commitments this letter reports as done. */
    afgedaan: z.array(slug()).default([]),
    /** The public document this briefing was made from. */
    bron: sourceDocumentSchema.optional(),
    /** Short notes from the editor: what the source lacked, what was derived. */
    redactie: z.array(text()).default([]),
  })
  .superRefine((data, ctx) => {
    const needsQuestions = data.type === 'vragen-raadslid' || data.type === 'vragen-inwoner' || data.type === 'schriftelijke-vragen';
    if (needsQuestions && !data.vragen) {
      ctx.addIssue({ code: 'custom', path: ['vragen'], message: 'ontbreekt: zeg wie de vragen stelde en wanneer' });
    }
    // The questions letter is published: only an office holder's letter may be, never a resident's.
    if (data.type === 'schriftelijke-vragen' && data.vragen && data.vragen.gesteldDoor.soort !== 'raadslid' && data.vragen.gesteldDoor.soort !== 'fractie') {
      ctx.addIssue({ code: 'custom', path: ['vragen', 'gesteldDoor', 'soort'], message: 'schriftelijke vragen komen van een raadslid of een fractie' });
    }
    if (data.vragen?.vragenbrief && data.type !== 'vragen-raadslid') {
      ctx.addIssue({ code: 'custom', path: ['vragen', 'vragenbrief'], message: 'alleen een antwoordbrief (type vragen-raadslid) verwijst naar de brief met de vragen' });
    }
    if (data.type === 'vragen-inwoner' && data.vragen && data.vragen.gesteldDoor.soort !== 'inwoner') {
      ctx.addIssue({ code: 'custom', path: ['vragen', 'gesteldDoor', 'soort'], message: 'bij vragen-inwoner is de vraagsteller een inwoner' });
    }
    if (data.type === 'motie-uitvoering' && !data.motie) {
      ctx.addIssue({ code: 'custom', path: ['motie'], message: 'ontbreekt: noem de motie, de datum van aanneming en wat zij vroeg' });
    }
    if (data.type === 'woo-besluit' && !data.woo) {
      ctx.addIssue({ code: 'custom', path: ['woo'], message: 'ontbreekt: noem waarover het verzoek ging, wanneer het binnenkwam en wat is besloten' });
    }
    if (data.woo && data.type !== 'woo-besluit') {
      ctx.addIssue({ code: 'custom', path: ['woo'], message: 'alleen een besluit op een Woo-verzoek (type woo-besluit) heeft woo:' });
    }
    if (data.type === 'rapportage' && !data.periode) {
      ctx.addIssue({ code: 'custom', path: ['periode'], message: 'ontbreekt: noem de verslagperiode, bijvoorbeeld { jaar: 2018, deel: tweede-helft }' });
    }
  });

export type BriefingInput = z.input<typeof briefingSchema>;
export type BriefingData = z.output<typeof briefingSchema>;
export type OfficeHolder = z.output<typeof officeHolderSchema>;
export type Asker = z.output<typeof askerSchema>;
export type Commitment = z.output<typeof commitmentSchema>;
export type Motion = z.output<typeof motionSchema>;
export type ReportingPeriod = z.output<typeof reportingPeriodSchema>;
export type WooDecision = z.output<typeof wooDecisionSchema>;
