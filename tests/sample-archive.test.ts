/**
 * The sample archive in content/ and data/ is valid as a whole: every
 * briefing, organisation and dataset, and every reference between them.
 */
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';

describe('sample archive', () => {
  const result = checkArchive();

  it('has no content errors', () => {
    expect(result.errors.map(formatContentError).join('\n\n')).toBe('');
  });

  it('contains the five seed briefings', () => {
    expect(result.briefings.map((b) => b.data.type).sort()).toEqual(
      ['motie-uitvoering', 'notitie', 'rapportage', 'vragen-inwoner', 'vragen-raadslid'],
    );
  });

  it('never names the resident who asked', () => {
    const resident = result.briefings.find((b) => b.data.type === 'vragen-inwoner');
    expect(resident?.data.vragen?.gesteldDoor.soort).toBe('inwoner');
    expect(JSON.stringify(resident)).not.toMatch(/Hümmels|Hummels/i);
  });
});
