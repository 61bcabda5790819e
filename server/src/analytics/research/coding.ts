// The qualitative codebook as a tree: depth-first order, the cycle check a move needs, the
// descendants of a code, and code frequencies per wave (coded segments and distinct
// participants). Pure functions over plain rows; no database, no I/O.

export interface CodeNode {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
}

const bySiblingOrder = (a: CodeNode, b: CodeNode) =>
  a.position - b.position || a.name.localeCompare(b.name, 'nl') || (a.id < b.id ? -1 : 1);

/**
 * Depth-first order, parents before their children, siblings by position (then name). A code
 * whose parent is not in the list counts as a root; codes caught in a cycle (which the service
 * never stores) are appended at depth 0 so that nothing is lost.
 */
export function codeTreeOrder<T extends CodeNode>(
  codes: readonly T[],
): { code: T; depth: number }[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(bySiblingOrder);
  const out: { code: T; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ code: c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  for (const c of [...codes].sort(bySiblingOrder))
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push({ code: c, depth: 0 });
      visit(c.id, 1);
    }
  return out;
}

/** The code and every code below it. */
export function subtreeOf(codes: readonly CodeNode[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes)
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
  }
  return out;
}

/** Moving `id` under `newParentId` would make a cycle: the new parent is the code or below it. */
export const wouldCycle = (codes: readonly CodeNode[], id: string, newParentId: string | null) =>
  newParentId !== null && subtreeOf(codes, id).has(newParentId);

/**
 * The sibling positions after placing `id` at `position` (0-based, clamped) among `siblings`
 * (the other children of its parent): a dense 0..n renumbering.
 */
export function placeAmongSiblings(
  siblings: readonly CodeNode[],
  id: string,
  position: number | null,
): { id: string; position: number }[] {
  const others = siblings.filter((s) => s.id !== id).sort(bySiblingOrder);
  const at = position === null ? others.length : Math.max(0, Math.min(position, others.length));
  const ordered = [
    ...others.slice(0, at).map((s) => s.id),
    id,
    ...others.slice(at).map((s) => s.id),
  ];
  return ordered.map((sid, i) => ({ id: sid, position: i }));
}

export interface CodedSegment {
  codeId: string;
  /** The wave of the interview or answer the segment is in; null: an interview without wave. */
  waveId: string | null;
  participantId: string;
}

export interface FrequencyRow<T extends CodeNode> {
  code: T;
  depth: number;
  counts: { waveId: string | null; segments: number; participants: number }[];
}

/**
 * Per code (tree order) and per wave column: the segments coded with exactly that code and the
 * distinct participants they come from. Columns are the waves given, in order, then a null
 * column when some segment belongs to no wave.
 */
export function codeFrequencies<T extends CodeNode>(
  codes: readonly T[],
  waveIds: readonly string[],
  segments: readonly CodedSegment[],
): { columns: (string | null)[]; rows: FrequencyRow<T>[] } {
  const known = new Set(waveIds);
  const columns: (string | null)[] = [...waveIds];
  if (segments.some((s) => s.waveId === null || !known.has(s.waveId))) columns.push(null);
  const key = (codeId: string, waveId: string | null) => `${codeId}\u0000${waveId ?? ''}`;
  const tally = new Map<string, { segments: number; participants: Set<string> }>();
  for (const s of segments) {
    const wave = s.waveId !== null && known.has(s.waveId) ? s.waveId : null;
    const k = key(s.codeId, wave);
    const t = tally.get(k) ?? { segments: 0, participants: new Set<string>() };
    t.segments += 1;
    t.participants.add(s.participantId);
    tally.set(k, t);
  }
  return {
    columns,
    rows: codeTreeOrder(codes).map(({ code, depth }) => ({
      code,
      depth,
      counts: columns.map((waveId) => {
        const t = tally.get(key(code.id, waveId));
        return { waveId, segments: t?.segments ?? 0, participants: t?.participants.size ?? 0 };
      }),
    })),
  };
}
