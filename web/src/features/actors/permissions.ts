import { useSuspenseQuery } from '@tanstack/react-query';
import type { Role } from '../../api/types.ts';
import { meQuery } from '../session/store.ts';

/** Coordinators and admins hold `directory.manage`: they record and edit any actor. */
export const managesDirectory = (role: Role): boolean => role === 'admin' || role === 'coordinator';

/**
 * What the viewer may do with an actor, to show the right buttons. The server decides again on
 * every request; this only keeps people from buttons that would answer "no access".
 */
export function useActorPermissions(role: Role, actor: { userId: string | null }) {
  const { data: me } = useSuspenseQuery(meQuery);
  const manager = managesDirectory(role);
  const own = me !== null && actor.userId !== null && actor.userId === me.id;
  return { manager, own, canEdit: manager || own, canDelete: manager };
}
