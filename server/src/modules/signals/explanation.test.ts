import { describe, expect, it } from 'vitest';
import { detectOverlaps, detectOverlapsNaive } from '../../analytics/overlap/index.ts';
import type { OverlapInput } from '../../analytics/overlap/index.ts';
import {
  decodeExplanation,
  encodeExplanation,
  explanationOf,
  snapshotOfStored,
} from './explanation.ts';

// Rows stored before the compact explanation hold the full JSON (encodeExplanation of
// explanationOf); detection now stores explanationText. Both must read the same.

const act = (
  id: string,
  actorId: string,
  areaIds: string[],
  start: string,
  end: string | null,
) => ({
  id,
  actorId,
  areaIds,
  domainIds: ['zorg'],
  targetGroupIds: ['ouderen'],
  start,
  end,
  hoursPerWeek: actorId === 'p' ? null : 6,
});
const input: OverlapInput = {
  actors: [
    { id: 'p', kind: 'person', sizeClass: null, name: 'Fatima' },
    { id: 'L', kind: 'organisation', sizeClass: 'large', name: 'Welzijn' },
    { id: 's', kind: 'organisation', sizeClass: 'small', name: 'Buurtclub' },
  ],
  activities: [
    act('a', 'p', ['BU1', 'BU2'], '2024-01-01', null),
    act('b', 'L', ['BU2', 'BU1', 'BU3'], '2024-03-01', '2025-02-28'),
    act('c', 's', ['BU3'], '2024-06-01', null),
  ],
  ties: [{ source: 'L', target: 's', type: 'spanning' }],
  funders: [
    { funderId: 'F', recipientId: 'p' },
    { funderId: 'F', recipientId: 'L' },
  ],
};

describe('stored explanations', () => {
  it('the compact text reads as the full JSON stored before, for every signal', () => {
    const opts = { asOf: '2025-06-30', threshold: 0 };
    const d = detectOverlaps(input, opts);
    const naive = detectOverlapsNaive(input, opts);
    expect(d.signals.length).toBe(2);
    naive.forEach((s, k) => {
      const old = encodeExplanation(explanationOf(s));
      const text = d.explanationText(k);
      expect(text.length).toBeLessThan(old.length / 3);
      expect(JSON.stringify(decodeExplanation(text))).toBe(JSON.stringify(decodeExplanation(old)));
      const row = { fingerprint: s.fingerprint, score: s.score };
      expect(snapshotOfStored({ ...row, explanation: text })).toEqual(
        snapshotOfStored({ ...row, explanation: old }),
      );
    });
  });
});
