import type { Scale } from './seed.ts';
import type { AreasTable } from '../db/types.ts';
import {
  areaKm2,
  buildLattice,
  cellRing,
  displayRing,
  onLand,
  polygon,
  regionRing,
  wijkBlocks,
  type Layout,
  type Ring,
} from './geometry.ts';
import { placeNames } from './names.ts';
import type { Random } from './random.ts';

/** The demo municipality's code and the CBS year of its generated boundaries. */
export const GEMEENTECODE = 'GM9999';
export const AREA_YEAR = 2024;
export type DemoScale = Scale;

/**
 * Town layouts per scale. demo: 5 wijken × 4 buurten; municipality: 10 × 10 = 100 buurten;
 * national: 875 × 16 = 14,000 buurten in one fictional municipality (wijk codes then use letters,
 * as Amsterdam's do, since two decimal digits allow only 100 wijken).
 */
export const layouts: Record<DemoScale, Layout> = {
  demo: {
    blocksX: 3,
    blocksY: 2,
    subX: 2,
    subY: 2,
    coast: [0, 1],
    origin: [4.05, 52.28],
    cell: [0.009, 0.0055],
  },
  municipality: {
    blocksX: 3,
    blocksY: 4,
    subX: 5,
    subY: 2,
    coast: [1, 0, 0, 1],
    origin: [4.0, 52.26],
    cell: [0.008, 0.005],
  },
  national: {
    blocksX: 30,
    blocksY: 30,
    subX: 4,
    subY: 4,
    // 25 sea blocks along the west side: 900 − 25 = 875 wijken.
    coast: [
      0, 1, 2, 2, 1, 0, 0, 1, 2, 3, 2, 1, 0, 0, 1, 2, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0,
    ],
    origin: [3.4, 52.25],
    cell: [0.008, 0.005],
  },
};

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Two code characters for n (1-based): 01–99 in digits, then pairs with at least one letter. */
export function codePair(n: number): string {
  if (n < 100) return String(n).padStart(2, '0');
  let k = n - 100;
  for (const a of ALPHABET)
    for (const b of ALPHABET) {
      if (/^\d\d$/.test(a + b)) continue;
      if (k-- === 0) return a + b;
    }
  throw new Error(`No two-character code for ${n}.`);
}

export interface DemoArea {
  id: string;
  code: string;
  name: string;
  level: 'gemeente' | 'wijk' | 'buurt';
  /** Index of the wijk (for buurten and wijken); −1 for the gemeente. */
  wijk: number;
  km2: number;
}

export interface DemoAreas {
  rows: AreasTable[];
  gemeente: DemoArea;
  wijken: DemoArea[];
  buurten: DemoArea[];
  /** Buurt indexes per wijk index. */
  buurtenOf: number[][];
}

const stringify = (ring: Ring) => JSON.stringify(polygon(ring));

/** Areas of Wijkhaven with generated boundaries; `population` is filled in by the indicators. */
export function buildAreas(
  workspaceId: string,
  scale: DemoScale,
  random: Random,
  now: string,
): DemoAreas {
  const layout = layouts[scale];
  const lattice = buildLattice(layout, random.fork());
  const tolerance = Math.min(layout.cell[0], layout.cell[1]) / 10;
  const blocks = wijkBlocks(layout);
  const wijkNames = placeNames(random, blocks.length, 'wijk');
  const buurtNames = placeNames(random, blocks.length * layout.subX * layout.subY, 'buurt');
  const rows: AreasTable[] = [];
  const row = (a: DemoArea, parent: string | null, ring: Ring) =>
    rows.push({
      id: a.id,
      workspace_id: workspaceId,
      code: a.code,
      level: a.level,
      cbs_year: AREA_YEAR,
      name: a.name,
      parent_code: parent,
      geometry: stringify(ring),
      display_geometry: stringify(displayRing(ring, tolerance)),
      population: null,
      created_at: now,
      updated_at: now,
    });

  const allCells = blocks.flatMap((b) => b.cells);
  const townRing = regionRing(lattice, allCells, (i, j) => onLand(layout, i, j));
  const gemeente: DemoArea = {
    id: random.id(),
    code: GEMEENTECODE,
    name: 'Wijkhaven',
    level: 'gemeente',
    wijk: -1,
    km2: areaKm2(townRing),
  };
  row(gemeente, null, townRing);

  const wijken: DemoArea[] = [];
  const buurten: DemoArea[] = [];
  const buurtenOf: number[][] = [];
  blocks.forEach((block, w) => {
    const wijkCode = `WK${GEMEENTECODE.slice(2)}${codePair(w + 1)}`;
    const inBlock = (i: number, j: number) =>
      Math.floor(i / layout.subX) === block.bx && Math.floor(j / layout.subY) === block.by;
    const ring = regionRing(lattice, block.cells, inBlock);
    const wijk: DemoArea = {
      id: random.id(),
      code: wijkCode,
      name: wijkNames[w] as string,
      level: 'wijk',
      wijk: w,
      km2: areaKm2(ring),
    };
    wijken.push(wijk);
    row(wijk, GEMEENTECODE, ring);
    buurtenOf.push([]);
    block.cells.forEach(([i, j], b) => {
      const cell = cellRing(lattice, i, j);
      const buurt: DemoArea = {
        id: random.id(),
        code: `BU${wijkCode.slice(2)}${codePair(b + 1)}`,
        name: buurtNames[buurten.length] as string,
        level: 'buurt',
        wijk: w,
        km2: areaKm2(cell),
      };
      buurtenOf[w]?.push(buurten.length);
      buurten.push(buurt);
      row(buurt, wijkCode, cell);
    });
  });
  return { rows, gemeente, wijken, buurten, buurtenOf };
}
