import { newId } from '../../auth/crypto.ts';
import { assertCan, permissionRoles } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import {
  findOwnerByName,
  insertOwner,
  listOwners,
  organisationExists,
  ownerMembers,
  rolesOf,
} from './owners-repo.ts';
import type { OwnerCreate } from './schema.ts';

// Owners: an organisation from the directory or a department, answered for by policy officers.

export async function getOwners(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'obstacles.read', workspaceId);
  const [owners, members] = await Promise.all([
    listOwners(ctx.db, workspaceId),
    ownerMembers(ctx.db, workspaceId),
  ]);
  return owners.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    actorId: o.actor_id,
    memberUserIds: members.get(o.id) ?? [],
  }));
}

export async function createOwner(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: OwnerCreate,
) {
  assertCan(actor, 'obstacles.moderate', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    if (await findOwnerByName(trx, workspaceId, input.name))
      errors.push(fieldError('/name', 'duplicate', 'An owner with this name exists.'));
    if (input.kind === 'organisation' && !input.actorId)
      errors.push(fieldError('/actorId', 'required', 'Name the organisation in the directory.'));
    if (input.actorId && !(await organisationExists(trx, workspaceId, input.actorId)))
      errors.push(fieldError('/actorId', 'unknown_organisation', 'No such organisation here.'));
    const roles = await rolesOf(trx, workspaceId, input.memberUserIds);
    const responders: readonly string[] = permissionRoles['obstacles.respond'];
    const seen = new Set<string>();
    input.memberUserIds.forEach((userId, i) => {
      const role = roles.get(userId);
      if (seen.has(userId))
        errors.push(fieldError(`/memberUserIds/${i}`, 'duplicate', 'Listed twice.'));
      else if (!role)
        errors.push(fieldError(`/memberUserIds/${i}`, 'unknown_member', 'Not a member here.'));
      else if (!responders.includes(role))
        errors.push(
          fieldError(`/memberUserIds/${i}`, 'cannot_respond', `A ${role} cannot respond.`),
        );
      seen.add(userId);
    });
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const id = newId();
    await insertOwner(
      trx,
      {
        id,
        workspace_id: workspaceId,
        name: input.name,
        kind: input.kind,
        actor_id: input.actorId ?? null,
        created_at: now,
        updated_at: now,
      },
      input.memberUserIds.map((user_id) => ({ workspace_id: workspaceId, owner_id: id, user_id })),
    );
    return {
      id,
      name: input.name,
      kind: input.kind,
      actorId: input.actorId ?? null,
      memberUserIds: [...input.memberUserIds].sort(),
    };
  });
}
