import { simplifyRing } from '../modules/areas/import/simplify.ts';
import type { Random } from './random.ts';

/**
 * Generated boundaries of the fictional coastal town Wijkhaven, off the coast of Holland (inside
 * the Netherlands' bounding box, in the North Sea, so it overlaps no real municipality).
 *
 * A lattice of (nx+1)×(ny+1) vertices is warped by a gentle wave and jittered per vertex; every
 * lattice cell is a buurt. Each lattice edge gets one shared, slightly displaced midpoint, so
 * neighbouring buurten share their border exactly and borders are not ruler-straight. Jitter and
 * warp are small enough that every cell stays convex apart from its midpoints (see the bounds
 * below), hence every ring is simple. A wijk is a rectangular block of cells; the town is every
 * block east of a coastline that varies per block row. Its outline and the wijk outlines are
 * traced along the same shared edges, so buurten tile their wijk and wijken tile the town.
 */

export interface Layout {
  /** Wijk blocks west→east and south→north. */
  blocksX: number;
  blocksY: number;
  /** Buurten per wijk block. */
  subX: number;
  subY: number;
  /** Per block row (south first): the first block column on land; those west of it are sea. */
  coast: readonly number[];
  /** South-west corner of the lattice (lon, lat) and the cell size in degrees. */
  origin: readonly [number, number];
  cell: readonly [number, number];
}

/** Jitter of a vertex as a fraction of the cell (per axis). */
const JITTER = 0.15;
/** Perpendicular displacement of an edge midpoint as a fraction of the edge. */
const BEND = 0.06;

export type Ring = number[][];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}

export interface Lattice {
  layout: Layout;
  nx: number;
  ny: number;
  /** Vertex (i, j) at index j*(nx+1)+i: lon, lat pairs. */
  vx: Float64Array;
  vy: Float64Array;
  /** Midpoints of the horizontal edge (i,j)→(i+1,j) and the vertical edge (i,j)→(i,j+1). */
  hx: Float64Array;
  hy: Float64Array;
  vmx: Float64Array;
  vmy: Float64Array;
}

export const wijkCount = (l: Layout): number =>
  l.coast.reduce((n, first) => n + (l.blocksX - first), 0);
export const buurtCount = (l: Layout): number => wijkCount(l) * l.subX * l.subY;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function buildLattice(layout: Layout, random: Random): Lattice {
  const nx = layout.blocksX * layout.subX;
  const ny = layout.blocksY * layout.subY;
  const [ox, oy] = layout.origin;
  const [cx, cy] = layout.cell;
  const phaseX = random.float(0, Math.PI * 2);
  const phaseY = random.float(0, Math.PI * 2);
  const vx = new Float64Array((nx + 1) * (ny + 1));
  const vy = new Float64Array((nx + 1) * (ny + 1));
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      // Warp slopes ≤ 0.5·0.3 and 0.4·0.25, jitter ±0.15: every cell keeps a positive corner
      // cross product (≥ (1-0.3-0.1)² - (0.3+0.15)² > 0), so cells stay convex and ordered.
      const u = i + 0.5 * Math.sin(j * 0.3 + phaseX) + random.float(-JITTER, JITTER);
      const v = j + 0.4 * Math.sin(i * 0.25 + phaseY) + random.float(-JITTER, JITTER);
      vx[j * (nx + 1) + i] = round6(ox + u * cx);
      vy[j * (nx + 1) + i] = round6(oy + v * cy);
    }
  const at = (i: number, j: number): [number, number] => [
    vx[j * (nx + 1) + i] ?? 0,
    vy[j * (nx + 1) + i] ?? 0,
  ];
  const midpoint = (a: [number, number], b: [number, number]): [number, number] => {
    const t = random.float(0.4, 0.6);
    const bend = random.float(-BEND, BEND);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    return [round6(a[0] + t * dx - bend * dy), round6(a[1] + t * dy + bend * dx)];
  };
  const hx = new Float64Array(nx * (ny + 1));
  const hy = new Float64Array(nx * (ny + 1));
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i < nx; i++) {
      const [x, y] = midpoint(at(i, j), at(i + 1, j));
      hx[j * nx + i] = x;
      hy[j * nx + i] = y;
    }
  const vmx = new Float64Array((nx + 1) * ny);
  const vmy = new Float64Array((nx + 1) * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i <= nx; i++) {
      const [x, y] = midpoint(at(i, j), at(i, j + 1));
      vmx[j * (nx + 1) + i] = x;
      vmy[j * (nx + 1) + i] = y;
    }
  return { layout, nx, ny, vx, vy, hx, hy, vmx, vmy };
}

/** Directions of a cell's edges, counter-clockwise from the south edge. */
type Side = 'south' | 'east' | 'north' | 'west';
const SIDES: Side[] = ['south', 'east', 'north', 'west'];

/** The start vertex, end vertex and midpoint of a cell side, walked counter-clockwise. */
function side(l: Lattice, i: number, j: number, s: Side) {
  const w = l.nx + 1;
  const v = (a: number, b: number) => b * w + a;
  const point = (k: number): [number, number] => [l.vx[k] ?? 0, l.vy[k] ?? 0];
  const h = (a: number, b: number): [number, number] => [
    l.hx[b * l.nx + a] ?? 0,
    l.hy[b * l.nx + a] ?? 0,
  ];
  const m = (a: number, b: number): [number, number] => [
    l.vmx[b * w + a] ?? 0,
    l.vmy[b * w + a] ?? 0,
  ];
  switch (s) {
    case 'south':
      return { from: v(i, j), to: v(i + 1, j), mid: h(i, j), point };
    case 'east':
      return { from: v(i + 1, j), to: v(i + 1, j + 1), mid: m(i + 1, j), point };
    case 'north':
      return { from: v(i + 1, j + 1), to: v(i, j + 1), mid: h(i, j + 1), point };
    case 'west':
      return { from: v(i, j + 1), to: v(i, j), mid: m(i, j), point };
  }
}

/** The buurt cell (i, j) as a closed counter-clockwise ring. */
export function cellRing(l: Lattice, i: number, j: number): Ring {
  const ring: Ring = [];
  for (const s of SIDES) {
    const e = side(l, i, j, s);
    ring.push(e.point(e.from), e.mid);
  }
  ring.push(ring[0] as number[]);
  return ring;
}

const neighbour: Record<Side, [number, number]> = {
  south: [0, -1],
  east: [1, 0],
  north: [0, 1],
  west: [-1, 0],
};

/**
 * The outline of a set of cells (one connected region without holes or pinch points) as a closed
 * counter-clockwise ring along the cells' shared edges. Throws when the region is not one ring.
 */
export function regionRing(
  l: Lattice,
  cells: readonly (readonly [number, number])[],
  inside: (i: number, j: number) => boolean,
): Ring {
  const next = new Map<number, { to: number; from: [number, number]; mid: [number, number] }>();
  for (const [i, j] of cells)
    for (const s of SIDES) {
      const [di, dj] = neighbour[s];
      if (inside(i + di, j + dj)) continue;
      const e = side(l, i, j, s);
      if (next.has(e.from)) throw new Error(`Region pinches at vertex ${e.from}.`);
      next.set(e.from, { to: e.to, from: e.point(e.from), mid: e.mid });
    }
  const start = Math.min(...next.keys());
  const ring: Ring = [];
  let at = start;
  do {
    const e = next.get(at);
    if (!e) throw new Error('Region outline is open.');
    ring.push(e.from, e.mid);
    at = e.to;
  } while (at !== start && ring.length <= next.size * 2);
  if (ring.length !== next.size * 2) throw new Error('Region is not one ring (holes or parts).');
  ring.push(ring[0] as number[]);
  return ring;
}

export const polygon = (ring: Ring): PolygonGeometry => ({ type: 'Polygon', coordinates: [ring] });

/**
 * Simplified ring for the map: Douglas–Peucker (the import's own) at a tolerance of a tenth of a
 * cell, coordinates at 5 decimals (≈ 1 m), repeated positions dropped.
 */
export function displayRing(ring: Ring, tolerance: number): Ring {
  const out: Ring = [];
  for (const [x = 0, y = 0] of simplifyRing(ring, tolerance)) {
    const p = [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : ring;
}

/**
 * Area in km², on the sinusoidal (equal-area) projection around 5° E: the same projection for
 * every ring, so the areas of buurten add up exactly to their wijk's.
 */
export function areaKm2(ring: Ring): number {
  const x = (p: number[]) => ((p[0] ?? 0) - 5) * Math.cos(((p[1] ?? 0) * Math.PI) / 180) * 111.32;
  const y = (p: number[]) => (p[1] ?? 0) * 110.57;
  let sum = 0;
  for (let k = 0; k < ring.length - 1; k++) {
    const a = ring[k] as number[];
    const b = ring[k + 1] as number[];
    sum += x(a) * y(b) - x(b) * y(a);
  }
  return Math.abs(sum) / 2;
}

/** Buurt cells (i, j) per wijk block, the blocks in code order (north to south, west to east). */
export function wijkBlocks(
  layout: Layout,
): { bx: number; by: number; cells: [number, number][] }[] {
  const out: { bx: number; by: number; cells: [number, number][] }[] = [];
  for (let by = layout.blocksY - 1; by >= 0; by--)
    for (let bx = layout.coast[by] ?? 0; bx < layout.blocksX; bx++) {
      const cells: [number, number][] = [];
      for (let sj = layout.subY - 1; sj >= 0; sj--)
        for (let si = 0; si < layout.subX; si++)
          cells.push([bx * layout.subX + si, by * layout.subY + sj]);
      out.push({ bx, by, cells });
    }
  return out;
}

/** Whether cell (i, j) is on land (inside the town). */
export function onLand(layout: Layout, i: number, j: number): boolean {
  if (i < 0 || j < 0 || i >= layout.blocksX * layout.subX || j >= layout.blocksY * layout.subY)
    return false;
  const first = layout.coast[Math.floor(j / layout.subY)] ?? 0;
  return Math.floor(i / layout.subX) >= first;
}
