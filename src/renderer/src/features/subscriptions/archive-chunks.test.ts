import { describe, expect, it } from 'vitest';
import { intlFor } from '../../i18n/intl-for';

const en = intlFor('en');
import { chunkArchive, importSummary, mergeImports } from './archive-chunks';

describe('download archive import', () => {
  it('sends whole lines, every part within both limits', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `youtube id${String(i).padStart(6, '0')}`);
    const { chunks, tooLong } = chunkArchive(lines.join('\r\n') + '\n\n', 1000, 10_000);
    expect(tooLong).toEqual([]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1000);
    expect(chunks.join('\n').split('\n')).toEqual(lines);
  });

  it('counts bytes as they cross the wire, not just characters', () => {
    const line = `site ${'é'.repeat(40)}`;
    const { chunks } = chunkArchive(Array(10).fill(line).join('\n'), 10_000, 200);
    for (const c of chunks) expect(new TextEncoder().encode(JSON.stringify(c)).length).toBeLessThanOrEqual(200 + 2);
    expect(chunks.join('\n').split('\n')).toHaveLength(10);
  });

  it('reports a line too long to send instead of cutting it', () => {
    const { chunks, tooLong } = chunkArchive(`youtube a\n${'x'.repeat(500)}\nyoutube b`, 100, 10_000);
    expect(chunks).toEqual(['youtube a\nyoutube b']);
    expect(tooLong).toHaveLength(1);
  });

  it('sums the parts into one summary', () => {
    const r = mergeImports(
      [
        { added: 100, known: 2, invalid: ['what'], invalidCount: 1 },
        { added: 20, known: 1, invalid: ['huh'], invalidCount: 1 },
      ],
      [],
    );
    expect(r).toEqual({ added: 120, known: 3, invalid: ['what', 'huh'], invalidCount: 2 });
    expect(importSummary(en, r)).toBe('Imported 120 videos (3 already known, 2 lines not understood: “what”, “huh”).');
    expect(importSummary(en, { added: 1, known: 0, invalid: [], invalidCount: 0 })).toBe('Imported 1 video.');
    expect(importSummary(en, { added: 0, known: 0, invalid: ['a', 'b', 'c'], invalidCount: 9 })).toBe('Imported 0 videos (9 lines not understood: “a”, “b”, “c”, …).');
  });
});
