/**
 * Shapes of the activities API as the web app reads them; they mirror
 * `server/src/modules/activities/schema.ts`.
 */
import type { ActorKind, Visibility } from '../actors/types.ts';

export interface Activity {
  id: string;
  actorId: string;
  actorName: string;
  actorKind: ActorKind;
  /** The initiative it belongs to, when the viewer may see it. */
  initiativeId: string | null;
  initiativeName: string | null;
  title: string;
  description: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  startDate: string;
  /** Null while the activity is ongoing ("loopt nog"). */
  endDate: string | null;
  hoursPerWeek: number | null;
  /** The actor's visibility, which the activity takes. */
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityDetail extends Activity {
  /** Whether the viewer may change or delete it. */
  canEdit: boolean;
}

/** Request body of POST W/activities; PATCH takes the same fields. */
export interface ActivityInput {
  actorId: string;
  initiativeId: string | null;
  title: string;
  description: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
}

/** A record found through GET W/search (only what a picker needs). */
export interface SearchHit {
  type: 'actor' | 'activity' | 'initiative';
  id: string;
  title: string;
  actorId: string | null;
  actorKind: ActorKind | null;
}
