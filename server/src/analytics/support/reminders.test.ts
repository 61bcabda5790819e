import { describe, expect, it } from 'vitest';
import { remindersDue } from './reminders.ts';

describe('remindersDue', () => {
  const end = '2026-12-31';
  it('is quiet before 90 days and for open-ended commitments', () => {
    expect(remindersDue(end, '2026-10-01')).toEqual({ due: [], superseded: [] });
    expect(remindersDue(null, '2026-12-30')).toEqual({ due: [], superseded: [] });
  });
  it('gives the 90-day reminder from 2026-10-02 on, until sent', () => {
    const ninety = { offsetDays: 90, dueOn: '2026-10-02' };
    expect(remindersDue(end, '2026-10-02')).toEqual({ due: [ninety], superseded: [] });
    expect(remindersDue(end, '2026-11-15')).toEqual({ due: [ninety], superseded: [] });
    expect(remindersDue(end, '2026-11-15', [90])).toEqual({ due: [], superseded: [] });
  });
  it('gives the 30-day reminder from 2026-12-01 and supersedes an unsent 90-day one', () => {
    const thirty = { offsetDays: 30, dueOn: '2026-12-01' };
    expect(remindersDue(end, '2026-12-01', [90])).toEqual({ due: [thirty], superseded: [] });
    expect(remindersDue(end, '2026-12-10')).toEqual({
      due: [thirty],
      superseded: [{ offsetDays: 90, dueOn: '2026-10-02' }],
    });
    expect(remindersDue(end, '2026-12-31', [90, 30])).toEqual({ due: [], superseded: [] });
    expect(remindersDue(end, '2026-12-20', [30])).toEqual({
      due: [],
      superseded: [{ offsetDays: 90, dueOn: '2026-10-02' }],
    });
  });
  it('sends nothing after the end', () => {
    expect(remindersDue(end, '2027-01-01')).toEqual({ due: [], superseded: [] });
  });
});
