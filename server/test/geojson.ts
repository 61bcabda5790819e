/** Small GeoJSON builders for tests: a square ring, polygons, features and collections. */

export const ring = (x: number, y: number, d: number): number[][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** The coordinates of a square polygon (one closed ring). */
export const square = (x: number, y: number, d: number): number[][][] => [ring(x, y, d)];

export const polygon = (x = 4.47, y = 51.92, d = 0.01) => ({
  type: 'Polygon',
  coordinates: square(x, y, d),
});

export const feature = (props: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties: props,
  geometry,
});

export const collection = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  ...extra,
  features,
});
