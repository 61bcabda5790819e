import { describe, expect, it } from 'vitest';
import { checkGeometry, mapPositions } from './geometry.ts';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('checkGeometry', () => {
  it('accepts a Polygon and a MultiPolygon', () => {
    expect(checkGeometry({ type: 'Polygon', coordinates: [square] }).ok).toBe(true);
    const multi = checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [square]] });
    expect(multi.ok && multi.polygons.length).toBe(2);
  });

  it.each([
    [null, 'missing_geometry'],
    [{ type: 'LineString', coordinates: square }, 'unsupported_geometry'],
    [{ type: 'Point', coordinates: [0, 0] }, 'unsupported_geometry'],
    [{ type: 'Polygon', coordinates: [] }, 'empty_geometry'],
    [{ type: 'MultiPolygon', coordinates: [[]] }, 'empty_geometry'],
    [{ type: 'Polygon', coordinates: [square.slice(0, 4)] }, 'unclosed_ring'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'invalid_ring',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'x'],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'invalid_ring',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, null],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'invalid_ring',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      'self_intersection',
    ],
    [
      {
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [0, 0],
              [1, 0],
              [2, 0],
              [0, 0],
            ],
          ],
        ],
      },
      'zero_area',
    ],
  ])('refuses %j as %s', (g, reason) => {
    const r = checkGeometry(g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('names the ring and the place where a boundary crosses itself', () => {
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    const r = checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [square, bowTie]] });
    expect(r).toEqual({
      ok: false,
      reason: 'self_intersection',
      detail:
        'Polygon 1 ring 1 crosses itself at (1, 1): the edges from position 0 and from position 2 meet.',
    });
  });

  it('accepts holes inside their outer ring (also touching it) and refuses one wholly outside', () => {
    const big = square.map(([x, y]) => [(x ?? 0) * 10, (y ?? 0) * 10]);
    const inner = square.map(([x, y]) => [(x ?? 0) + 2, (y ?? 0) + 2]);
    const touching = [
      [0, 5],
      [2, 4],
      [2, 6],
      [0, 5],
    ];
    const outside = square.map(([x, y]) => [(x ?? 0) + 20, (y ?? 0) + 20]);
    expect(checkGeometry({ type: 'Polygon', coordinates: [big, inner, touching] }).ok).toBe(true);
    expect(
      checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [big, outside]] }),
    ).toEqual({
      ok: false,
      reason: 'hole_outside_shell',
      detail: 'Polygon 1 ring 1 is a hole that lies wholly outside the outer ring (ring 0).',
    });
  });

  it('counts the negligible crossings it tolerates', () => {
    const r = checkGeometry({ type: 'Polygon', coordinates: [square] });
    expect(r.ok && r.negligibleCrossings).toBe(0);
  });

  it('maps positions keeping the shape', () => {
    const g = mapPositions({ type: 'Polygon', coordinates: [square] }, ([x, y]) => [
      (x ?? 0) + 1,
      y ?? 0,
    ]);
    expect(g.coordinates).toEqual([square.map(([x, y]) => [(x ?? 0) + 1, y])]);
  });
});
