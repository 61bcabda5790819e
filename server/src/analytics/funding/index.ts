export { allocateCents, ratio } from './allocate.ts';
export {
  INSTRUMENTS,
  RECIPIENT_KINDS,
  centsToString,
  fundingByArea,
  fundingByYear,
  fundingSummary,
  median,
  type Fragmentation,
  type FundingFlow,
  type FundingGroup,
  type FundingRecipientKind,
  type FundingSummary,
  type Instrument,
} from './funding-stats.ts';
