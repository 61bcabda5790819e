import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { TaxonomyKind, TaxonomyTerm } from '../../db/types.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { badRequest, conflict, fieldError, notFound } from '../../http/problem.ts';
import { bumpDirectoryVersion } from '../records/version.ts';
import { defaultTerms } from './defaults.ts';
import { findTerm, insertTerms, listTerms, maxPosition, slugTaken, updateTerm } from './repo.ts';
import type { TermCreate, TermUpdate } from './schema.ts';

/** URL-safe slug of a Dutch label: "Dak- en thuislozen" → "dak-en-thuislozen". */
export function termSlug(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'term'
  );
}

const toTerm = (r: TaxonomyTerm) => ({
  id: r.id,
  kind: r.kind,
  slug: r.slug,
  labelNl: r.label_nl,
  labelEn: r.label_en,
  description: r.description,
  position: r.position,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
});

/** Gives a new workspace the default Dutch taxonomy; `db` is the workspace's transaction. */
export async function addDefaultTerms(ctx: AppContext, db: Db, workspaceId: string) {
  const now = nowIso(ctx);
  const positions = new Map<TaxonomyKind, number>();
  await insertTerms(
    db,
    defaultTerms.map((t) => {
      const position = positions.get(t.kind) ?? 0;
      positions.set(t.kind, position + 1);
      return {
        id: newId(),
        workspace_id: workspaceId,
        kind: t.kind,
        slug: termSlug(t.labelNl),
        label_nl: t.labelNl,
        label_en: t.labelEn,
        description: null,
        position,
        archived_at: null,
        created_at: now,
      };
    }),
  );
}

export async function getTerms(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: { kind?: TaxonomyKind | undefined; includeArchived: boolean },
) {
  assertCan(actor, 'workspace.read', workspaceId);
  return { items: (await listTerms(ctx.db, workspaceId, filter)).map(toTerm) };
}

const slugConflict = (kind: TaxonomyKind, slug: string) =>
  conflict('term_exists', `A ${kind} with slug "${slug}" already exists in this workspace.`, [
    fieldError('/labelNl', 'duplicate', `The label gives slug "${slug}", which is already in use.`),
  ]);

export async function createTerm(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: TermCreate,
) {
  assertCan(actor, 'taxonomy.manage', workspaceId);
  const slug = termSlug(input.labelNl);
  return uniqueSlug(input.kind, slug, () =>
    ctx.db.transaction().execute(async (trx) => {
      if (await slugTaken(trx, workspaceId, input.kind, slug)) throw slugConflict(input.kind, slug);
      await bumpDirectoryVersion(trx, workspaceId);
      const row = {
        id: newId(),
        workspace_id: workspaceId,
        kind: input.kind,
        slug,
        label_nl: input.labelNl,
        label_en: input.labelEn,
        description: input.description ?? null,
        position: input.position ?? (await maxPosition(trx, workspaceId, input.kind)) + 1,
        archived_at: null,
        created_at: nowIso(ctx),
      };
      await insertTerms(trx, [row]);
      return toTerm(row);
    }),
  );
}

/** The check before writing is for the message; the unique key decides when two writers race. */
async function uniqueSlug<T>(
  kind: TaxonomyKind,
  slug: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugConflict(kind, slug);
    throw err;
  }
}

/** Renames, reorders, describes, archives or restores a term. Terms are never deleted. */
export async function changeTerm(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  termId: string,
  input: TermUpdate,
) {
  assertCan(actor, 'taxonomy.manage', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) {
    throw badRequest('validation_failed', 'Nothing to change.', [
      fieldError(
        '/',
        'empty',
        'Give at least one of labelNl, labelEn, description, position, archived.',
      ),
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const term = await findTerm(trx, workspaceId, termId);
    if (!term) throw notFound('No such term.');
    await bumpDirectoryVersion(trx, workspaceId);
    const set: Parameters<typeof updateTerm>[3] = {};
    if (input.labelNl !== undefined && input.labelNl !== term.label_nl) {
      const slug = termSlug(input.labelNl);
      if (slug !== term.slug && (await slugTaken(trx, workspaceId, term.kind, slug)))
        throw slugConflict(term.kind, slug);
      set.label_nl = input.labelNl;
      set.slug = slug;
    }
    if (input.labelEn !== undefined) set.label_en = input.labelEn;
    if (input.description !== undefined) set.description = input.description;
    if (input.position !== undefined) set.position = input.position;
    if (input.archived !== undefined && input.archived !== (term.archived_at !== null))
      set.archived_at = input.archived ? nowIso(ctx) : null;
    if (Object.keys(set).length) await updateTerm(trx, workspaceId, termId, set);
    return toTerm({ ...term, ...set });
  });
}
