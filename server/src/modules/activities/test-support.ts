import { newId } from '../../auth/crypto.ts';
import type { Db } from '../../db/dialect.ts';
import type {
  ActorKind,
  ActorsTable,
  OrganisationKind,
  SizeClass,
  Visibility,
} from '../../db/types.ts';
import { actorEntry } from '../records/entries.ts';
import { writeSearchEntry } from '../records/repo.ts';
import { actorColumns, ownCarrier, type ActorRef } from './refs-repo.ts';

// For tests and the authorization matrix only: actors written straight to the table with their
// search entry, so these modules' tests do not depend on the actors module.

export interface TestActor {
  name: string;
  kind?: ActorKind;
  visibility?: Visibility;
  userId?: string | null;
  orgKind?: OrganisationKind | null;
  sizeClass?: SizeClass | null;
}

export async function insertTestActor(
  db: Db,
  workspaceId: string,
  input: TestActor,
): Promise<ActorRef> {
  const kind = input.kind ?? 'person';
  const now = '2026-01-01T00:00:00.000Z';
  const row: ActorsTable = {
    id: newId(),
    workspace_id: workspaceId,
    kind,
    name: input.name,
    carries: kind === 'person' ? `${input.name} draagt de buurt` : null,
    bio: null,
    org_kind: kind === 'organisation' ? (input.orgKind ?? 'stichting_vereniging') : null,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    size_class: kind === 'organisation' ? (input.sizeClass ?? 'small') : null,
    kvk_number: null,
    visibility: input.visibility ?? (kind === 'person' ? 'private' : 'workspace'),
    user_id: input.userId ?? null,
    email: null,
    phone: null,
    website: null,
    contact_preferences: null,
    consent_given_at: null,
    consent_text_version: null,
    consent_recorded_by: null,
    created_by: null,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('actors').values(row).execute();
    const { entry, texts } = actorEntry(row);
    await writeSearchEntry(trx, entry, texts);
  });
  const ref: Record<string, unknown> = {};
  for (const c of actorColumns) ref[c] = row[c];
  return ref as ActorRef;
}

/** The carrier linked to the user in the workspace, created (private) when there is none. */
export async function linkedCarrier(
  db: Db,
  workspaceId: string,
  userId: string,
  name = 'Eigen drager',
): Promise<ActorRef> {
  return (
    (await ownCarrier(db, workspaceId, userId)) ??
    insertTestActor(db, workspaceId, { name, userId, visibility: 'private' })
  );
}
