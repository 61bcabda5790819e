import { activitiesRows } from './activities.ts';
import { checkInRows } from './check-ins.ts';
import { actorsRows } from './actors.ts';
import { directoryRows } from './directory.ts';
import { exchangeRows } from './exchange.ts';
import { fundingRows } from './funding.ts';
import { obstacleRows } from './obstacles.ts';
import { supportRows } from './support.ts';
import { networkRows } from './network.ts';
import { notificationRows } from './notifications.ts';
import { tieRows } from './ties.ts';
import { signalRows } from './signals.ts';
import { researchAnalysisRows } from './research-analysis.ts';
import { researchRows } from './research.ts';
import { researchCodingRows } from './research-coding.ts';
import { researchWaveRows } from './research-waves.ts';
import { allianceRows } from './alliances.ts';
import { surveyRows } from './surveys.ts';
import type { Rows } from './types.ts';

export { areaRows } from './areas.ts';
export { taxonomyRows } from './taxonomy.ts';
export type { Caller, CallerSpec, Cell, Row, RowEnv, Rows, Ws } from './types.ts';

/** Rows of the later modules, one file each so each module owns its part of the table. */
export const moduleRows: Rows = (env) => ({
  ...actorsRows(env),
  ...activitiesRows(env),
  ...directoryRows(env),
  ...exchangeRows(env),
  ...obstacleRows(env),
  ...supportRows(env),
  ...fundingRows(env),
  ...checkInRows(env),
  ...tieRows(env),
  ...signalRows(env),
  ...allianceRows(env),
  ...surveyRows(env),
  ...networkRows(env),
  ...notificationRows(env),
  ...researchRows(env),
  ...researchAnalysisRows(env),
  ...researchCodingRows(env),
  ...researchWaveRows(env),
});
