import { policy } from '../../../src/auth/policy.ts';
import { importAreas } from '../../../src/modules/areas/service.ts';
import { areaFile } from './areas.ts';
import type { Rows } from './types.ts';

/** Routes of the directory module (issue 3): search, the map layer and the area page. */
export const directoryRows: Rows = ({ ctx, system, W }) => ({
  [`GET ${W}/search`]: { policy: policy.workspace('directory.read'), success: 200 },
  [`GET ${W}/map-layer`]: { policy: policy.workspace('directory.read'), success: 200 },
  [`GET ${W}/areas/:areaId/overview`]: {
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
});
