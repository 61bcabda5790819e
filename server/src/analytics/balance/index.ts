export {
  balanceIndex,
  BALANCE_WEIGHTS,
  DEFAULT_BALANCE_THRESHOLD,
  MIN_FAIR_RATIO,
  MAX_PERCEIVED_DISPARITY,
  CONCENTRATED_HHI,
} from './balance-index.ts';
export { balanceTrend, type BalanceTrendOptions } from './trend.ts';
export { gini, normalisedHhi } from './concentration.ts';
export type * from './types.ts';
