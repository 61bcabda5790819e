import { newId } from '../../auth/crypto.ts';
import { assertCan, can, roleIn } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { conflict, fieldError, notFound } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { stewardStudy, studyFor } from './access.ts';
import type { StudyCreate, StudyOut, StudyUpdate, TeamMemberOut } from './schema.ts';
import {
  deleteMember,
  demoteSteward,
  findMember,
  insertMember,
  insertStudy,
  listStudiesIn,
  researcherByEmail,
  setMemberRole,
  studyWorkspaces,
  teams,
  updateStudy,
  type StudyRow,
} from './study-repo.ts';

// Studies and their research team. Only admins create and change studies and appoint the
// steward; the steward adds and removes researchers. Everyone on the team holds the researcher
// role in one of the study's workspaces. Team changes are audit events (ids only).

type Member = {
  user_id: string;
  display_name: string;
  role: TeamMemberOut['role'];
  created_at: string;
};
const memberOut = (m: Member): TeamMemberOut => ({
  userId: m.user_id,
  displayName: m.display_name,
  role: m.role,
  createdAt: m.created_at,
});

async function studyDtos(db: Db, actor: Actor, rows: StudyRow[]): Promise<StudyOut[]> {
  const ids = rows.map((r) => r.id);
  const [spans, team] = await Promise.all([studyWorkspaces(db, ids), teams(db, ids)]);
  const me = userIdOf(actor);
  return rows.map((s) => {
    const members = team.get(s.id) ?? [];
    const steward = members.find((m) => m.role === 'steward');
    return {
      id: s.id,
      title: s.title,
      description: s.description,
      status: s.status,
      workspaceIds: spans.get(s.id) ?? [],
      steward: steward ? memberOut(steward) : null,
      myRole: members.find((m) => m.user_id === me)?.role ?? null,
      createdAt: s.created_at,
      updatedAt: s.updated_at,
    };
  });
}

const one = async (db: Db, actor: Actor, row: StudyRow) => (await studyDtos(db, actor, [row]))[0]!;

export async function createStudy(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: StudyCreate,
): Promise<StudyOut> {
  assertCan(actor, 'research.manage', workspaceId);
  const others = input.workspaceIds ?? [];
  const errors = others.flatMap((id, i) =>
    can(actor, 'research.manage', id)
      ? []
      : [
          fieldError(
            `/workspaceIds/${i}`,
            'not_administered',
            'A study spans only workspaces you administer.',
          ),
        ],
  );
  if (errors.length) throw invalid(errors);
  const now = nowIso(ctx);
  const row: StudyRow = {
    id: newId(),
    workspace_id: workspaceId,
    title: input.title,
    description: input.description ?? null,
    status: input.status ?? 'draft',
    created_by: userIdOf(actor),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertStudy(trx, row, [workspaceId, ...others]);
    await audit(ctx, studyEvent(actor, workspaceId, 'research.study_created', row.id), trx);
  });
  return one(ctx.db, actor, row);
}

const studyEvent = (
  actor: Actor,
  workspaceId: string,
  action: 'research.study_created' | 'research.steward_appointed',
  studyId: string,
) => ({
  action,
  result: 'ok' as const,
  actorUserId: userIdOf(actor),
  workspaceId,
  objectType: 'research_study',
  objectId: studyId,
});

export async function getStudies(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'research.read', workspaceId);
  const allOfThem = actor.kind === 'system' || roleIn(actor, workspaceId) === 'admin';
  const { rows, total } = await listStudiesIn(
    ctx.db,
    workspaceId,
    allOfThem ? null : userIdOf(actor),
    page.offset,
    page.limit,
  );
  return { items: await studyDtos(ctx.db, actor, rows), total };
}

export async function getStudy(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  const { study } = await studyFor(ctx.db, actor, workspaceId, id, 'research.read');
  return one(ctx.db, actor, study);
}

export async function changeStudy(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: StudyUpdate,
) {
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const { study } = await studyFor(ctx.db, actor, workspaceId, id, 'research.manage');
  const set = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    updated_at: nowIso(ctx),
  };
  await updateStudy(ctx.db, id, set);
  return one(ctx.db, actor, { ...study, ...set });
}

const notAResearcher = () =>
  invalid([
    fieldError(
      '/email',
      'not_a_researcher',
      'No active account with the researcher role in a workspace of this study.',
    ),
  ]);

/** Appoints the steward (the previous one stays on the team as a researcher). */
export async function appointSteward(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  email: string,
) {
  const { study } = await studyFor(ctx.db, actor, workspaceId, studyId, 'research.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const spans = (await studyWorkspaces(trx, [studyId])).get(studyId)!;
    const user = await researcherByEmail(trx, spans, email);
    if (!user) throw notAResearcher();
    await demoteSteward(trx, studyId);
    if (await findMember(trx, studyId, user.id))
      await setMemberRole(trx, studyId, user.id, 'steward');
    else
      await insertMember(trx, {
        study_id: studyId,
        workspace_id: study.workspace_id,
        user_id: user.id,
        role: 'steward',
        added_by: userIdOf(actor),
        created_at: nowIso(ctx),
      });
    await audit(ctx, studyEvent(actor, workspaceId, 'research.steward_appointed', studyId), trx);
  });
  return one(ctx.db, actor, study);
}

export async function getTeam(ctx: AppContext, actor: Actor, workspaceId: string, studyId: string) {
  await studyFor(ctx.db, actor, workspaceId, studyId, 'research.read');
  return { items: ((await teams(ctx.db, [studyId])).get(studyId) ?? []).map(memberOut) };
}

const memberEvent = (
  actor: Actor,
  workspaceId: string,
  action: 'research.member_added' | 'research.member_removed',
  userId: string,
) => ({
  action,
  result: 'ok' as const,
  actorUserId: userIdOf(actor),
  workspaceId,
  objectType: 'user',
  objectId: userId,
});

/** The steward adds a researcher to the team. */
export async function addResearcher(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  email: string,
): Promise<TeamMemberOut> {
  const { study } = await stewardStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const spans = (await studyWorkspaces(trx, [studyId])).get(studyId)!;
    const user = await researcherByEmail(trx, spans, email);
    if (!user) throw notAResearcher();
    if (await findMember(trx, studyId, user.id))
      throw conflict('already_on_team', 'This researcher is already on the team.');
    const row = {
      study_id: studyId,
      workspace_id: study.workspace_id,
      user_id: user.id,
      role: 'researcher' as const,
      added_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertMember(trx, row);
    await audit(ctx, memberEvent(actor, workspaceId, 'research.member_added', user.id), trx);
    return memberOut({ ...row, display_name: user.display_name });
  });
}

/** The steward removes a researcher (the steward is replaced by an admin, not removed). */
export async function removeResearcher(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  userId: string,
) {
  await stewardStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    const member = await findMember(trx, studyId, userId);
    if (!member) throw notFound('No such member of the team.');
    if (member.role === 'steward')
      throw conflict('is_steward', 'An admin appoints another steward instead.');
    await deleteMember(trx, studyId, userId);
    await audit(ctx, memberEvent(actor, workspaceId, 'research.member_removed', userId), trx);
  });
}
