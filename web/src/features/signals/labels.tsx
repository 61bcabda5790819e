import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { SignalActor } from './types.ts';

/** "drager", "kleine organisatie", "grote organisatie" (or unknown size). */
export function partyKind(actor: SignalActor, t: TFunction): string {
  if (actor.kind === 'person') return t('signals.party.person');
  if (actor.sizeClass === 'large') return t('signals.party.large');
  if (actor.sizeClass === 'small') return t('signals.party.small');
  return t('signals.party.unknown');
}

/** Small parties (carriers and small organisations) against large ones: said in words. */
export const isSmallParty = (actor: SignalActor) =>
  actor.kind === 'person' || actor.sizeClass === 'small';

export const partyName = (actor: SignalActor, t: TFunction) =>
  actor.name ?? t('signals.party.hidden');

/** A party with its size in words ("Welzijn Groot (grote organisatie)"), never by colour alone. */
export function Party({ actor }: { actor: SignalActor }) {
  const { t } = useTranslation();
  const size = isSmallParty(actor)
    ? t('signals.party.smallMark')
    : actor.sizeClass === 'large'
      ? t('signals.party.largeMark')
      : null;
  return (
    <>
      {partyName(actor, t)}{' '}
      <span className="wd-badge">
        {partyKind(actor, t)}
        {size ? ` · ${size}` : ''}
      </span>
    </>
  );
}

/** "A en B": the two parties of a signal by name. */
export const pairName = (actors: readonly SignalActor[], t: TFunction) =>
  t('signals.pair', {
    a: actors[0] ? partyName(actors[0], t) : '',
    b: actors[1] ? partyName(actors[1], t) : '',
  });

/** A score 0..1 as a whole percentage ("72%"). */
export function useScore() {
  const format = useFormat();
  return (score: number) => `${format.number(Math.round(score * 100))}%`;
}
