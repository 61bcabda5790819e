import { policy } from '../../../src/auth/policy.ts';
import { areaImportRunsSettled, startAreaImportRun } from '../../../src/modules/areas/runs.ts';
import { importAreas } from '../../../src/modules/areas/service.ts';
import type { Rows } from './types.ts';

/** One buurt of GM0599 (the municipality of every seeded workspace). */
export const areaFile = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'BU05990110', name: 'Stadsdriehoek' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.47, 51.92],
            [4.48, 51.92],
            [4.48, 51.93],
            [4.47, 51.92],
          ],
        ],
      },
    },
  ],
};

export const areaRows: Rows = ({ ctx, system, W }) => ({
  [`GET ${W}/areas`]: { policy: policy.workspace('areas.read'), success: 200 },
  [`GET ${W}/areas/:areaId`]: {
    policy: policy.workspace('areas.read'),
    success: 200,
    request: async ({ ws }) => {
      await importAreas(ctx(), system, ws.id, areaFile, { year: 2024 });
      const area = await ctx()
        .db.selectFrom('areas')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .executeTakeFirstOrThrow();
      return { params: { areaId: area.id } };
    },
  },
  [`POST ${W}/area-imports`]: {
    policy: policy.workspace('areas.manage'),
    success: 201,
    request: async () => ({ payload: { geojson: areaFile, year: 2024 } }),
  },
  [`POST ${W}/area-import-runs`]: {
    policy: policy.workspace('areas.manage'),
    success: 202,
    // One run at a time per workspace: let the previous cell's run finish first.
    request: async () => {
      await areaImportRunsSettled(ctx());
      return { payload: { geojson: areaFile, year: 2024 } };
    },
  },
  [`GET ${W}/area-import-runs/:runId`]: {
    policy: policy.workspace('areas.manage'),
    success: 200,
    request: async ({ ws }) => {
      await areaImportRunsSettled(ctx());
      const run = await startAreaImportRun(ctx(), system, ws.id, { geojson: areaFile, year: 2024 });
      await areaImportRunsSettled(ctx());
      return { params: { runId: run.id } };
    },
  },
});
