export { dayNumber, dayRange, isoDay, overlapDays, type DayRange } from './dates.ts';
export * from './matching-types.ts';
export { AREA_FIT, URGENCY_VALUE, evaluatePair, peakLoad } from './match-pair.ts';
export {
  indexNeeds,
  indexOffers,
  matchNeed,
  matchOffer,
  naiveMatchNeed,
  type MatchOptions,
  type NeedIndex,
  type OfferIndex,
} from './matching.ts';
export {
  CONTINUITY_DAYS,
  durability,
  mergeRanges,
  type Continuity,
  type DurabilityCommitment,
  type DurabilityInitiative,
  type DurabilityMembership,
  type RecipientDurability,
} from './durability.ts';
export {
  REMINDER_OFFSETS,
  remindersDue,
  type Reminder,
  type ReminderCheck,
  type ReminderOffset,
} from './reminders.ts';
export {
  NEGATIVE_TIE_WEIGHT,
  POSITIVE_TIE_TYPES,
  TRUST_BY_INTENSITY,
  pairTrust,
  tieCurrentOn,
  trustLookup,
  type TrustTie,
} from './trust.ts';
