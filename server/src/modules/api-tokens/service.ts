import { newId, newToken, sha256 } from '../../auth/crypto.ts';
import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { API_TOKEN_PREFIX } from '../auth/sessions.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from './repo.ts';

const view = (t: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

/** Creates a personal API token for the actor in one workspace. The secret is returned once. */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: { name: string; userId?: string },
) {
  assertCan(actor, 'tokens.own', workspaceId);
  const userId = actor.kind === 'user' ? actor.userId : input.userId;
  if (!userId) throw notFound('No such user.');
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    user_id: userId,
    name: input.name,
    prefix: token.slice(0, 10),
    token_hash: sha256(token),
    created_at: nowIso(ctx),
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await audit(
      ctx,
      {
        action: 'token.created',
        result: 'ok',
        actorUserId: userId,
        workspaceId,
        objectType: 'api_token',
        objectId: row.id,
      },
      trx,
    );
  });
  return { ...view(row), token };
}

export async function listOwnApiTokens(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'tokens.own', workspaceId);
  const user = requireUser(actor);
  return (await listApiTokens(ctx.db, workspaceId, user.userId)).map(view);
}

export async function revokeOwnApiToken(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  tokenId: string,
): Promise<void> {
  assertCan(actor, 'tokens.own', workspaceId);
  const user = requireUser(actor);
  const ok = await ctx.db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, workspaceId, user.userId, tokenId, nowIso(ctx));
    if (revoked) {
      await audit(
        ctx,
        {
          action: 'token.revoked',
          result: 'ok',
          actorUserId: user.userId,
          workspaceId,
          objectType: 'api_token',
          objectId: tokenId,
        },
        trx,
      );
    }
    return revoked;
  });
  if (!ok) throw notFound('No such API token.');
}
