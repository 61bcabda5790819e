import { assertCan, roleIn, type Permission } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { StudyRole } from '../../db/types.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { findMember, findStudyIn, type StudyRow } from './study-repo.ts';

// Study-level checks on top of the workspace permission the route declares. A study is seen
// through any workspace it spans: by that workspace's admins (metadata and team only) and by the
// members of its team; to anyone else it does not exist (404). Within the team, the steward alone
// adds researchers, participants and consent, and re-identifies; a researcher asking gets 403.
// The system actor (CLI, jobs) acts as the steward.

export interface StudyAccess {
  study: StudyRow;
  /** The caller's role on the team (system: steward), null for an admin who is not on it. */
  role: StudyRole | null;
}

const noSuchStudy = () => notFound('No such study.');

async function teamRole(db: Db, actor: Actor, studyId: string): Promise<StudyRole | null> {
  if (actor.kind === 'system') return 'steward';
  if (actor.kind !== 'user') return null;
  return (await findMember(db, studyId, actor.userId))?.role ?? null;
}

/**
 * The study as the caller may use it with the permission: `research.read` admits the workspace's
 * admins and the team, `research.conduct` (and `research.manage`) the roles that grants.
 */
export async function studyFor(
  db: Db,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  permission: Extract<Permission, 'research.read' | 'research.manage' | 'research.conduct'>,
): Promise<StudyAccess> {
  assertCan(actor, permission, workspaceId);
  const study = await findStudyIn(db, workspaceId, studyId);
  if (!study) throw noSuchStudy();
  const role = await teamRole(db, actor, studyId);
  const admin = actor.kind === 'system' || roleIn(actor, workspaceId) === 'admin';
  const admitted = permission === 'research.conduct' ? role !== null : role !== null || admin;
  if (!admitted) throw noSuchStudy();
  return { study, role };
}

/** The study for a member of its team (participants, consent). */
export const teamStudy = (db: Db, actor: Actor, workspaceId: string, studyId: string) =>
  studyFor(db, actor, workspaceId, studyId, 'research.conduct');

/** The study for its steward only; other team members get 403. */
export async function stewardStudy(db: Db, actor: Actor, workspaceId: string, studyId: string) {
  const access = await teamStudy(db, actor, workspaceId, studyId);
  if (access.role !== 'steward') throw forbidden('Only the study’s research steward may do this.');
  return access;
}
