import type {
  ActivitiesTable,
  ActorsTable,
  InitiativesTable,
  SearchEntriesTable,
} from '../../db/types.ts';
import { sortKey } from './tokens.ts';
import { stricter } from './visibility.ts';

/**
 * The directory's view of each record type: what the search entry holds and which texts find it.
 * Services write these after every change (records/repo.ts writeSearchEntry), so search, filters and
 * visibility stay in step with the records. Summaries never include contact details.
 */
export interface IndexedEntry {
  entry: SearchEntriesTable;
  texts: (string | null)[];
}

const clip = (text: string | null, n = 300) =>
  text === null ? null : text.length > n ? `${text.slice(0, n - 1)}…` : text;

type ActorFields = Pick<
  ActorsTable,
  | 'id'
  | 'workspace_id'
  | 'kind'
  | 'name'
  | 'carries'
  | 'bio'
  | 'org_kind'
  | 'size_class'
  | 'visibility'
  | 'user_id'
>;

export function actorEntry(actor: ActorFields): IndexedEntry {
  return {
    entry: {
      workspace_id: actor.workspace_id,
      record_type: 'actor',
      record_id: actor.id,
      title: actor.name,
      summary: clip(actor.carries ?? actor.bio),
      sort_key: sortKey(actor.name),
      visibility: actor.visibility,
      owner_user_id: actor.user_id,
      actor_id: actor.id,
      actor_kind: actor.kind,
      org_kind: actor.org_kind,
      size_class: actor.size_class,
      start_date: null,
      end_date: null,
    },
    texts: [actor.name, actor.carries, actor.bio],
  };
}

export function activityEntry(
  activity: Pick<
    ActivitiesTable,
    'id' | 'workspace_id' | 'title' | 'description' | 'start_date' | 'end_date'
  >,
  actor: ActorFields,
): IndexedEntry {
  return {
    entry: {
      workspace_id: activity.workspace_id,
      record_type: 'activity',
      record_id: activity.id,
      title: activity.title,
      summary: clip(activity.description),
      sort_key: sortKey(activity.title),
      // An activity is never more visible than the actor doing it.
      visibility: stricter(actor.visibility, 'public'),
      owner_user_id: actor.user_id,
      actor_id: actor.id,
      actor_kind: actor.kind,
      org_kind: actor.org_kind,
      size_class: actor.size_class,
      start_date: activity.start_date,
      end_date: activity.end_date,
    },
    // The actor's name finds its activities too ("wie doet wat").
    texts: [activity.title, activity.description, actor.name],
  };
}

export function initiativeEntry(
  initiative: Pick<
    InitiativesTable,
    'id' | 'workspace_id' | 'name' | 'description' | 'start_date' | 'end_date' | 'visibility'
  >,
): IndexedEntry {
  return {
    entry: {
      workspace_id: initiative.workspace_id,
      record_type: 'initiative',
      record_id: initiative.id,
      title: initiative.name,
      summary: clip(initiative.description),
      sort_key: sortKey(initiative.name),
      visibility: initiative.visibility,
      owner_user_id: null,
      actor_id: null,
      actor_kind: null,
      org_kind: null,
      size_class: null,
      start_date: initiative.start_date,
      end_date: initiative.end_date,
    },
    texts: [initiative.name, initiative.description],
  };
}
