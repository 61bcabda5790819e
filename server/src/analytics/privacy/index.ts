export {
  MIN_CELL_COUNT,
  suppressTable,
  type CountCell,
  type PublishedCell,
  type PublishedTotal,
  type SuppressedTable,
  type SuppressionOptions,
} from './suppression.ts';
export {
  CHECK_IN_MEASURES,
  checkInAggregates,
  periodKey,
  type CheckIn,
  type CheckInMeasure,
  type MeasureAggregate,
  type PeriodAggregate,
  type PeriodKind,
} from './check-ins.ts';
