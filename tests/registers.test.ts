/**
 * The registers of written questions and commitments, as pure functions: the
 * verdict against the term, no days from dates not known to the day, and the
 * commitment errors the check reports.
 */
import { describe, expect, it } from 'vitest';
import { briefingSchema, type BriefingInput } from '../src/schemas/briefing';
import { parsePartialDate, type PartialDate } from '../src/schemas/partial-date';
import { questionFiguresPerYear, questionRegister, questionVerdict } from '../src/lib/site/questions';
import { commitmentRegister } from '../src/lib/site/commitments';
import { buildDate } from '../src/lib/site/build-date';

const day = (text: string) => parsePartialDate(text) as PartialDate;
const letter = (id: string, input: Partial<BriefingInput>) => ({
  id,
  data: briefingSchema.parse({ titel: `Brief ${id}`, organisatie: 'almelo', datum: 'onbekend', type: 'raadsinformatiebrief', ...input }),
});
const asked = (gesteldOp: string, extra: { vragenbrief?: string } = {}) => ({ gesteldDoor: { soort: 'raadslid' as const, naam: 'A. Jansen', fractie: 'Lokaal Belang' }, gesteldOp, ...extra });
const TODAY = day('2025-03-01');

describe('questionVerdict', () => {
  it('says within the term, over it by how many days, or open for how long', () => {
    expect(questionVerdict(day('2024-05-01'), day('2024-05-31'), 30, TODAY)).toEqual({ status: 'binnen-termijn', days: 30, verdict: 'binnen de termijn' });
    expect(questionVerdict(day('2024-01-10'), day('2024-03-01'), 30, TODAY)).toEqual({ status: 'over-termijn', days: 51, verdict: '21 dagen over de termijn' });
    expect(questionVerdict(day('2024-01-10'), day('2024-02-10'), 30, TODAY).verdict).toBe('1 dag over de termijn');
    expect(questionVerdict(day('2025-01-20'), undefined, 30, TODAY)).toEqual({ status: 'open', days: 40, verdict: 'nog niet beantwoord — 40 dagen open (stand op 1 maart 2025)' });
  });

  it('counts no days and gives no verdict when a date is not known to the day', () => {
    const unknownAnswer = questionVerdict(day('2024-07-30'), day('onbekend'), 30, TODAY);
    expect(unknownAnswer.status).toBe('onbepaald');
    expect(unknownAnswer.days).toBeUndefined();
    expect(unknownAnswer.verdict).toContain('de datum van het antwoord is onbekend');
    expect(questionVerdict(day('2024-07-30'), day('2024-09'), 30, TODAY).verdict).toContain('alleen bekend als september 2024');
    expect(questionVerdict(day('onbekend'), day('2024-09-10'), 30, TODAY).verdict).toContain('de datum van de vragen is onbekend');
    const open = questionVerdict(day('onbekend'), undefined, 30, TODAY);
    expect([open.status, open.days]).toEqual(['open', undefined]);
  });
});

describe('questionRegister', () => {
  const questions = letter('vragen', { type: 'schriftelijke-vragen', datum: '2024-01-10', onderwerp: 'Wachttijden', vragen: asked('2024-01-10') });
  const answer = letter('antwoord', { type: 'vragen-raadslid', datum: '2024-03-01', vragen: asked('2024-01-10', { vragenbrief: 'vragen' }) });
  const alone = letter('los', { type: 'vragen-raadslid', datum: 'onbekend', vragen: asked('2024-07-30') });
  const resident = letter('inwoner', { type: 'vragen-inwoner', datum: '2024-04-02', vragen: { gesteldDoor: { soort: 'inwoner', omschrijving: 'mevrouw X uit Almelo' }, gesteldOp: '2024-03-01' } });

  it('joins a questions letter and its answer into one set; an answer alone is a set too', () => {
    const sets = questionRegister([questions, answer, alone, resident], 30, TODAY);
    expect(sets.map((s) => s.id)).toEqual(['los', 'inwoner', 'vragen']);
    const joined = sets.find((s) => s.id === 'vragen')!;
    expect(joined).toMatchObject({ subject: 'Wachttijden', fractie: 'Lokaal Belang', member: 'A. Jansen', days: 51, status: 'over-termijn' });
    expect(joined.answer?.id).toBe('antwoord');
    expect(sets.find((s) => s.id === 'los')).toMatchObject({ status: 'onbepaald', days: undefined });
  });

  it('never names a resident', () => {
    const set = questionRegister([resident], 30, TODAY)[0]!;
    expect(set.askedBy).toBe('een inwoner');
    expect(set.member).toBeUndefined();
    expect(JSON.stringify({ ...set, answer: undefined })).not.toContain('mevrouw');
  });

  it('gives per year the number of sets, the median days and the share within the term', () => {
    const onTime = letter('op-tijd', { type: 'vragen-raadslid', datum: '2024-05-20', vragen: asked('2024-05-01') });
    const figures = questionFiguresPerYear(questionRegister([questions, answer, onTime, alone], 30, TODAY));
    expect(figures).toEqual([{ year: 2024, sets: 3, counted: 2, medianDays: 35, withinTermPercent: 50 }]);
  });
});

describe('commitmentRegister', () => {
  const made = letter('doet-toezegging', { datum: '2024-03-01', toezeggingen: [{ id: 'cijfers', wat: 'Cijfers volgen.', termijn: '2024-06' }, { id: 'evaluatie', wat: 'Evaluatie volgt.', termijn: '2024-12' }] });
  const closed = letter('doet-af', { datum: '2024-05-20', afgedaan: ['cijfers'] });

  it('pairs a commitment with the letter that closed it and marks an open one past its term', () => {
    const { entries, problems } = commitmentRegister([closed, made], TODAY);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.id, e.status, e.overdue, e.closedIn?.id])).toEqual([
      ['evaluatie', 'open', true, undefined],
      ['cijfers', 'afgedaan', false, 'doet-af'],
    ]);
    // A deadline of a month passes only after the whole month.
    expect(commitmentRegister([made], day('2024-12-31')).entries.find((e) => e.id === 'evaluatie')!.overdue).toBe(false);
  });

  it('reports a commitment closed twice, closed before it was made, closed but never made, or made twice', () => {
    const twice = letter('nog-eens-af', { datum: '2024-06-01', afgedaan: ['cijfers'] });
    const early = letter('te-vroeg', { datum: '2024-01-01', afgedaan: ['evaluatie'] });
    const unknown = letter('onbekend-id', { datum: '2024-06-01', afgedaan: ['bestaat-niet'] });
    const again = letter('dubbel', { datum: '2024-04-01', toezeggingen: [{ id: 'cijfers', wat: 'Nog eens.', termijn: 'onbekend' }] });
    const { problems } = commitmentRegister([made, closed, twice, early, unknown, again], TODAY);
    const found = problems.map((p) => [p.letter.id, p.field.join('.'), p.message]);
    expect(found).toEqual([
      ['dubbel', 'toezeggingen.0.id', 'toezegging "cijfers" staat ook in doet-toezegging'],
      ['te-vroeg', 'afgedaan.0', expect.stringContaining('vóór zij werd gedaan')],
      ['nog-eens-af', 'afgedaan.0', 'afgedaan: toezegging "cijfers" is al afgedaan in doet-af'],
      ['onbekend-id', 'afgedaan.0', 'afgedaan: toezegging "bestaat-niet" is in geen enkele brief gedaan'],
    ]);
  });
});

describe('buildDate', () => {
  it('takes RAADSARCHIEF_BUILDDATUM, else today in Europe/Amsterdam', () => {
    const saved = process.env.RAADSARCHIEF_BUILDDATUM;
    try {
      process.env.RAADSARCHIEF_BUILDDATUM = '2025-03-01';
      expect(buildDate().iso).toBe('2025-03-01');
      delete process.env.RAADSARCHIEF_BUILDDATUM;
      // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
      expect(buildDate(new Date('2024-12-31T23:30:00Z')).iso).toBe('2025-01-01');
      process.env.RAADSARCHIEF_BUILDDATUM = '2025-03';
      expect(() => buildDate()).toThrow(/RAADSARCHIEF_BUILDDATUM/);
    } finally {
      if (saved === undefined) delete process.env.RAADSARCHIEF_BUILDDATUM;
      else process.env.RAADSARCHIEF_BUILDDATUM = saved;
    }
  });
});
