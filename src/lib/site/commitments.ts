/**
 * The register of commitments (toezeggingen): what the college promised in
 * which letter, by when, and which later letter reported it done. The same pass
 * finds what a clerk can get wrong — an id made twice, closed twice, closed
 * before it was made or closed but never made — as problems with the field to
 * point at, so the check can name file and line.
 */
import type { PartialDate } from '../../schemas/partial-date';
import { certainlyBefore, compareDatesAsc, compareDatesDesc, formatPartialDate } from '../formats/dates';
import type { RegisterLetter } from './questions';

export interface CommitmentEntry<L extends RegisterLetter = RegisterLetter> {
  id: string;
  what: string;
  deadline: PartialDate;
  madeIn: L;
  closedIn?: L;
  status: 'open' | 'afgedaan';
  /** Open and every day the deadline can mean has passed by the build date. */
  overdue: boolean;
}

export interface CommitmentProblem<L extends RegisterLetter = RegisterLetter> {
  letter: L;
  /** Frontmatter field to point at, e.g. ['afgedaan', 0]. */
  field: (string | number)[];
  message: string;
  hint: string;
}

/** The file when the check reads from disk, else the briefing's id. */
const name = (letter: RegisterLetter) => (letter as { file?: string }).file ?? letter.id;

/** Oldest first, undated last, then by id: "the second time" means the same in every build. */
function chronological<L extends RegisterLetter>(letters: readonly L[]): L[] {
  return [...letters].sort((a, b) => compareDatesAsc(a.data.datum, b.data.datum) || a.id.localeCompare(b.id));
}

export function commitmentRegister<L extends RegisterLetter>(letters: readonly L[], today: PartialDate): { entries: CommitmentEntry<L>[]; problems: CommitmentProblem<L>[] } {
  const ordered = chronological(letters);
  const entries = new Map<string, CommitmentEntry<L>>();
  const problems: CommitmentProblem<L>[] = [];
  for (const letter of ordered) {
    letter.data.toezeggingen.forEach((c, index) => {
      const earlier = entries.get(c.id);
      if (earlier) {
        problems.push({
          letter,
          field: ['toezeggingen', index, 'id'],
          message: `toezegging "${c.id}" staat ook in ${name(earlier.madeIn)}`,
          hint: 'Een toezegging heeft een id dat in het hele archief één keer voorkomt; geef deze een eigen id.',
        });
        return;
      }
      entries.set(c.id, { id: c.id, what: c.wat, deadline: c.termijn, madeIn: letter, status: 'open', overdue: false });
    });
  }
  for (const letter of ordered) {
    letter.data.afgedaan.forEach((id, index) => {
      const field = ['afgedaan', index];
      const entry = entries.get(id);
      if (!entry) {
        problems.push({
          letter,
          field,
          message: `afgedaan: toezegging "${id}" is in geen enkele brief gedaan`,
          hint: `Controleer het id; het moet gelijk zijn aan een id onder toezeggingen: in een eerdere brief.${entries.size ? ` Bekende toezeggingen: ${[...entries.keys()].slice(0, 5).join(', ')}.` : ''}`,
        });
        return;
      }
      if (entry.closedIn) {
        problems.push({
          letter,
          field,
          message: `afgedaan: toezegging "${id}" is al afgedaan in ${name(entry.closedIn)}`,
          hint: 'Een toezegging wordt één keer afgedaan; haal het id hier weg of bij de andere brief.',
        });
        return;
      }
      if (certainlyBefore(letter.data.datum, entry.madeIn.data.datum)) {
        problems.push({
          letter,
          field,
          message: `afgedaan: toezegging "${id}" is afgedaan (${formatPartialDate(letter.data.datum)}) vóór zij werd gedaan in ${name(entry.madeIn)} (${formatPartialDate(entry.madeIn.data.datum)})`,
          hint: 'Controleer de datum van beide brieven, of het id van de toezegging.',
        });
        return;
      }
      entry.closedIn = letter;
      entry.status = 'afgedaan';
    });
  }
  for (const entry of entries.values()) entry.overdue = entry.status === 'open' && certainlyBefore(entry.deadline, today);
  // Open first, the nearest deadline on top; then what was done, newest first.
  const sorted = [...entries.values()].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) ||
      (a.status === 'open' ? compareDatesAsc(a.deadline, b.deadline) : compareDatesDesc(a.closedIn!.data.datum, b.closedIn!.data.datum)) ||
      a.id.localeCompare(b.id),
  );
  return { entries: sorted, problems };
}
