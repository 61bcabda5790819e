import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import type { Commitment } from './types.ts';

/** A commitment's recipient: a link to the actor's or initiative's page; an alliance by name. */
export function RecipientLink({ slug, commitment: c }: { slug: string; commitment: Commitment }) {
  if (c.recipientType === 'actor' && c.recipientId)
    return (
      <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: c.recipientId }}>
        {c.recipientName}
      </TextLink>
    );
  if (c.recipientType === 'initiative' && c.recipientInitiativeId)
    return (
      <TextLink
        to="/w/$slug/initiatieven/$initiativeId"
        params={{ slug, initiativeId: c.recipientInitiativeId }}
      >
        {c.recipientName}
      </TextLink>
    );
  return <>{c.recipientName}</>;
}

/** "Initiatief", "Bondgenootschap" or "Drager of organisatie". */
export function useRecipientKind() {
  const { t } = useTranslation();
  return (c: Pick<Commitment, 'recipientType'>) => t(`support.recipientType.${c.recipientType}`);
}
