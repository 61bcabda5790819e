import type { Ring } from './geometry.ts';

/**
 * Douglas–Peucker per ring, for the display geometry on the map. A closed ring is split at the
 * position farthest from its start, each half simplified, so the ring keeps its extent; a ring
 * that would fall below 4 positions (not a ring any more) is kept as it was.
 */

function segmentDistance(p: number[], a: number[], b: number[]): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Keeps the indexes of `line` (first and last always) that Douglas–Peucker retains. */
function keep(line: Ring, tolerance: number): Ring {
  if (line.length <= 2) return line.slice();
  const marked = new Uint8Array(line.length);
  marked[0] = 1;
  marked[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    let max = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(line[i] as number[], line[from] as number[], line[to] as number[]);
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (at !== -1 && max > tolerance) {
      marked[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return line.filter((_, i) => marked[i] === 1);
}

export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring.slice();
  const start = ring[0] as number[];
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const p = ring[i] as number[];
    const d = Math.hypot((p[0] ?? 0) - (start[0] ?? 0), (p[1] ?? 0) - (start[1] ?? 0));
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const first = keep(ring.slice(0, far + 1), tolerance);
  const second = keep(ring.slice(far), tolerance);
  const out = [...first, ...second.slice(1)];
  return out.length >= 4 ? out : ring.slice();
}
