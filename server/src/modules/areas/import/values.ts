/**
 * CBS marks secret or missing values with "." (StatLine) or a number ≤ −99990 (the wijk- en
 * buurtkaart uses −99997, −99995 …): both become null. Numbers may come as strings with spaces.
 */
export type Cleaned = { ok: true; value: number | null } | { ok: false };

export function cleanNumber(raw: unknown): Cleaned {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const s = raw.trim();
    if (s === '' || s === '.') return { ok: true, value: null };
    if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false };
    n = Number(s.replace(',', '.'));
  } else return { ok: false };
  if (!Number.isFinite(n)) return { ok: false };
  return { ok: true, value: n <= -99990 ? null : n };
}
