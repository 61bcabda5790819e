import { describe, expect, it } from 'vitest';
import { consentStates, exportable, mayCollect } from './consent-rules.ts';

describe('consent rules', () => {
  it('takes the latest decision per purpose', () => {
    const s = consentStates([
      { purpose: 'participation', decision: 'given' },
      { purpose: 'recording', decision: 'given' },
      { purpose: 'recording', decision: 'withdrawn' },
    ]);
    expect(s).toEqual({
      participation: 'given',
      recording: 'withdrawn',
      reuse: 'none',
      recontact: 'none',
    });
  });

  it('collects only with participation and the purpose itself given', () => {
    const given = consentStates([
      { purpose: 'participation', decision: 'given' },
      { purpose: 'recording', decision: 'given' },
    ]);
    expect(mayCollect(given, 'participation')).toBe(true);
    expect(mayCollect(given, 'recording')).toBe(true);
    expect(mayCollect(given, 'recontact')).toBe(false);
    const withdrawn = consentStates([
      { purpose: 'participation', decision: 'given' },
      { purpose: 'recording', decision: 'given' },
      { purpose: 'participation', decision: 'withdrawn' },
    ]);
    expect(mayCollect(withdrawn, 'participation')).toBe(false);
    expect(mayCollect(withdrawn, 'recording')).toBe(false);
    expect(mayCollect(consentStates([]), 'participation')).toBe(false);
  });

  it('exports after participation, and for reuse only with reuse given', () => {
    const s = consentStates([{ purpose: 'participation', decision: 'given' }]);
    expect(exportable(s)).toBe(true);
    expect(exportable(s, 'reuse')).toBe(false);
    const reuse = consentStates([
      { purpose: 'participation', decision: 'given' },
      { purpose: 'reuse', decision: 'given' },
    ]);
    expect(exportable(reuse, 'reuse')).toBe(true);
    const out = consentStates([
      { purpose: 'participation', decision: 'given' },
      { purpose: 'reuse', decision: 'given' },
      { purpose: 'participation', decision: 'withdrawn' },
    ]);
    expect(exportable(out)).toBe(false);
    expect(exportable(out, 'reuse')).toBe(false);
  });
});
