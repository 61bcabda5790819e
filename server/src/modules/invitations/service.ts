import { hashPassword, newId, newToken, sha256 } from '../../auth/crypto.ts';
import { checkPassword } from '../../auth/passwords.ts';
import { assertCan } from '../../auth/policy.ts';
import { isoAfter, nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Invitation, Language, Role } from '../../db/types.ts';
import { badRequest, conflict, fieldError, notFound, unauthorized } from '../../http/problem.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { invitationMail } from '../../mail/templates.ts';
import { audit } from '../audit/service.ts';
import { findUserByEmail, findUserById, insertUser } from '../auth/repo.ts';
import { createSession, type NewSession } from '../auth/sessions.ts';
import { findMembership, upsertMembership } from '../workspaces/repo.ts';
import {
  acceptInvitationRow,
  findInvitationByTokenHash,
  findOpenInvitation,
  insertInvitation,
  listInvitations,
  revokeInvitationRow,
} from './repo.ts';

export const INVITATION_TTL_DAYS = 7;

export function invitationStatus(inv: Invitation, now: string) {
  if (inv.accepted_at) return 'accepted' as const;
  if (inv.revoked_at) return 'revoked' as const;
  if (inv.expires_at <= now) return 'expired' as const;
  return 'open' as const;
}

const view = (inv: Invitation, now: string) => ({
  id: inv.id,
  email: inv.email,
  role: inv.role,
  language: inv.language,
  status: invitationStatus(inv, now),
  createdAt: inv.created_at,
  expiresAt: inv.expires_at,
});

export async function invite(
  ctx: AppContext,
  actor: Actor,
  workspace: { id: string; name: string },
  input: { email: string; role: Role; language: Language },
) {
  assertCan(actor, 'invitations.manage', workspace.id);
  const now = nowIso(ctx);
  const existing = await findUserByEmail(ctx.db, input.email);
  if (existing && (await findMembership(ctx.db, workspace.id, existing.id))) {
    throw conflict('already_member', 'This person is a member already.', [
      fieldError('/email', 'already_member', 'This person is a member already.'),
    ]);
  }
  if (await findOpenInvitation(ctx.db, workspace.id, input.email, now)) {
    throw conflict('already_invited', 'There is an open invitation for this address.', [
      fieldError('/email', 'already_invited', 'There is an open invitation for this address.'),
    ]);
  }
  const inviterId = actor.kind === 'user' ? actor.userId : null;
  const inviter = inviterId ? await findUserById(ctx.db, inviterId) : undefined;
  const token = newToken();
  const row: Invitation = {
    id: newId(),
    workspace_id: workspace.id,
    email: input.email,
    role: input.role,
    language: input.language,
    token_hash: sha256(token),
    invited_by: inviterId,
    created_at: now,
    expires_at: isoAfter(ctx, INVITATION_TTL_DAYS * 86400),
    accepted_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, row);
    const link = `${ctx.config.publicUrl}/uitnodiging#token=${token}`;
    await enqueueEmail(ctx, trx, {
      to: input.email,
      ...invitationMail[input.language]({
        workspace: workspace.name,
        inviter: inviter?.display_name ?? 'Wijkdragers',
        link,
        days: INVITATION_TTL_DAYS,
      }),
    });
    await audit(
      ctx,
      {
        action: 'invitation.created',
        result: 'ok',
        actorUserId: inviterId,
        workspaceId: workspace.id,
        objectType: 'invitation',
        objectId: row.id,
      },
      trx,
    );
  });
  return { ...view(row, now), token };
}

export async function listWorkspaceInvitations(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'invitations.manage', workspaceId);
  const { items, total } = await listInvitations(ctx.db, workspaceId, page.offset, page.limit);
  const now = nowIso(ctx);
  return { items: items.map((i) => view(i, now)), total };
}

export async function revokeInvitation(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'invitations.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeInvitationRow(trx, workspaceId, id, nowIso(ctx))))
      throw notFound('No open invitation with this id.');
    await audit(
      ctx,
      {
        action: 'invitation.revoked',
        result: 'ok',
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        workspaceId,
        objectType: 'invitation',
        objectId: id,
      },
      trx,
    );
  });
}

const tokenInvalid = () =>
  badRequest('token_invalid', 'This invitation link is invalid, has expired or was already used.');

async function openInvitation(ctx: AppContext, token: string) {
  const inv = await findInvitationByTokenHash(ctx.db, sha256(token));
  if (!inv || invitationStatus(inv, nowIso(ctx)) !== 'open') throw tokenInvalid();
  return inv;
}

export async function lookupInvitation(ctx: AppContext, token: string) {
  const inv = await openInvitation(ctx, token);
  return {
    workspaceSlug: inv.workspace_slug,
    workspaceName: inv.workspace_name,
    email: inv.email,
    role: inv.role,
    accountExists: !!(await findUserByEmail(ctx.db, inv.email)),
  };
}

/**
 * Accepts an invitation. A new address gets an account (and is logged in); an existing account
 * must be the logged-in actor. The token works once.
 */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  input: {
    token: string;
    displayName?: string | undefined;
    password?: string | undefined;
    language?: Language | undefined;
  },
): Promise<{ userId: string; session?: NewSession }> {
  const inv = await openInvitation(ctx, input.token);
  const existing = await findUserByEmail(ctx.db, inv.email);
  const now = nowIso(ctx);
  if (existing) {
    if (actor.kind !== 'user' || actor.userId !== existing.id) {
      throw unauthorized('Log in as the invited account to accept.', 'login_required');
    }
  } else {
    const errors = [
      ...(input.displayName?.trim()
        ? []
        : [fieldError('/displayName', 'required', 'Give your name.')]),
      ...(input.password === undefined
        ? [fieldError('/password', 'required', 'Choose a password.')]
        : checkPassword(input.password, '/password', inv.email)),
    ];
    if (errors.length) throw badRequest('validation_failed', 'The form has errors.', errors);
  }
  const hash = existing ? undefined : await hashPassword(input.password ?? '');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await acceptInvitationRow(trx, inv.id, now))) throw tokenInvalid();
    const userId = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email: inv.email,
        display_name: (input.displayName ?? '').trim(),
        language: input.language ?? inv.language,
        password_hash: hash ?? null,
        password_changed_at: now,
        deactivated_at: null,
        created_at: now,
      });
    }
    await upsertMembership(trx, {
      workspace_id: inv.workspace_id,
      user_id: userId,
      role: inv.role,
      created_at: now,
    });
    await audit(
      ctx,
      {
        action: 'invitation.accepted',
        result: 'ok',
        actorUserId: userId,
        workspaceId: inv.workspace_id,
        objectType: 'invitation',
        objectId: inv.id,
      },
      trx,
    );
    return existing ? { userId } : { userId, session: await createSession(ctx, trx, userId) };
  });
}
