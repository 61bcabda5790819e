import type { Actor, UserActor } from '../context.ts';
import type { Role } from '../db/types.ts';
import { forbidden, notFound, unauthorized } from '../http/problem.ts';

/**
 * The one policy layer. Routes declare a policy (checked before the handler, see http/auth.ts) and
 * services assert the same permissions, so the CLI and jobs pass the same gate.
 */

const everyone: readonly Role[] = [
  'admin',
  'coordinator',
  'member',
  'policy_officer',
  'researcher',
];

export const permissionRoles = {
  'workspace.read': everyone,
  'members.read': ['admin', 'coordinator'],
  'members.manage': ['admin'],
  'invitations.manage': ['admin'],
  'tokens.own': everyone,
  'audit.read': ['admin'],
  'areas.read': everyone,
  'areas.manage': ['admin', 'coordinator'],
  'taxonomy.manage': ['admin', 'coordinator'],
  /** See the directory: search, actors, initiatives, activities, map and area pages (each record
   * still filtered by its visibility: private records only for coordinators and their carrier). */
  'directory.read': everyone,
  /** Record and edit any actor, initiative, activity or achievement; record consent; import. */
  'directory.manage': ['admin', 'coordinator'],
  /** Manage one's own carrier profile and activities (the service checks it is one's own). */
  'directory.self': everyone,
  /** CSV exports of actors and activities (records visible to the workspace, never private ones). */
  'directory.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
  /** See obstacles (hidden ones only for moderators), the policy dashboard and yearly reports. */
  'obstacles.read': everyone,
  /** Report an obstacle (named or anonymous), endorse one, withdraw one's own named report. */
  'obstacles.report': everyone,
  /** Respond as a member of the obstacle's owner (the service checks the membership). */
  'obstacles.respond': ['admin', 'coordinator', 'policy_officer'],
  /** Route obstacles to owners, manage owners, merge duplicates, redact and hide text. */
  'obstacles.moderate': ['admin', 'coordinator'],
  /** See support offers, needs, matches and commitments (each filtered by its visibility, or
   * by whether the caller is one of its parties). */
  'support.read': everyone,
  /** Record and change offers of institutions (the editors of organisation records). */
  'support.manage': ['admin', 'coordinator'],
  /** Ask for support as one's own carrier, propose matches and accept them for a side one may
   * edit (the service checks which records are one's own). */
  'support.self': everyone,
  /** See funding flows (each filtered by its visibility, or by being its recipient carrier) and
   * the funding dashboard (aggregates, cells of fewer than 5 recipients suppressed). */
  'funding.read': everyone,
  /** Record, change and delete funding flows. */
  'funding.manage': ['admin', 'coordinator'],
  /** CSV export of the funding flows the caller may see. */
  'funding.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
  /** See ties between actors (each only when the caller may see both of its actors). */
  'ties.read': everyone,
  /** Record, change and delete any tie of the workspace. */
  'ties.manage': ['admin', 'coordinator'],
  /** Record, change and delete ties of one's own carrier (the service checks that one end is the
   * carrier linked to the caller; coordinators and admins pass through ties.manage). */
  'ties.self': everyone,
  /** See the network of ties with its metrics, and compare two days (only ties whose two actors
   * the caller may see). */
  'network.read': everyone,
  /** GEXF, GraphML and CSV exports of the network (researchers' always pseudonymise persons). */
  'network.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
  /** See survey rounds (netwerkmetingen) with their members' progress and response rates
   * (never anyone's individual answers). */
  'surveys.read': ['admin', 'coordinator'],
  /** Create, open, remind and close survey rounds. */
  'surveys.manage': ['admin', 'coordinator'],
  /** File, read and delete one's own check-ins, set reminders, share them with chosen members,
   * and read the check-ins others shared with the caller (the service checks all of it; nobody
   * reads another's check-ins by role, not even an admin). */
  'checkins.self': everyone,
  /** Check-in aggregates per month, quarter or year: fewer than 5 carriers suppressed. */
  'checkins.aggregates': ['admin', 'coordinator'],
  /** Read one's own in-app notifications and mark them read (the service filters on the caller;
   * nobody reads another's, whatever their role). */
  'notifications.self': everyone,
  /** See alliances with their members, charter, contributions, log and balance index (each
   * alliance filtered by its visibility; the linked users of its members always see it). */
  'alliances.read': everyone,
  /** Create alliances and change any of them: members, charter, contributions, log. */
  'alliances.manage': ['admin', 'coordinator'],
  /** Change an alliance whose lead (trekker) is one's own carrier; add one's own contribution or
   * log entry as a member (the service checks the membership). */
  'alliances.self': everyone,
  /** See the studies of the workspace: admins all of them (title, status, team; never
   * participants), researchers those they are on the team of (the service checks the team). */
  'research.read': ['admin', 'researcher'],
  /** Create and change studies and appoint their research steward. */
  'research.manage': ['admin'],
  /** Work in a study one is on the team of: participants as pseudonyms and their consent; the
   * study's steward also adds researchers, participants and consent, and re-identifies (the
   * service checks the study role). */
  'research.conduct': ['researcher'],
  /** See overlap signals (issue 5) one is a party of — a user whose carrier is one of the two
   * actors — with their explanation, history and notes; coordinators and admins see every signal
   * (signals.manage). Nobody else sees a signal, by role or otherwise: it names a pair that
   * competes, often a private carrier (least visibility; the service answers 404). Also the
   * threshold, and ally suggestions for an actor one may see. */
  'signals.read': everyone,
  /** Move a signal through its lifecycle and add notes, as one of its parties (the service
   * checks it) or as a coordinator or admin. */
  'signals.act': everyone,
  /** See and move every signal of the workspace; set the detection threshold. */
  'signals.manage': ['admin', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/**
 * static: anyone, and no authentication is even attempted (web assets, health checks);
 * public: anyone; session: a logged-in browser session (not an API token);
 * authenticated: a session or a token; a permission: a role in the route's workspace.
 */
export type RoutePolicy =
  | { auth: 'static' }
  | { auth: 'public' }
  | { auth: 'session' }
  | { auth: 'authenticated' }
  | { auth: 'workspace'; permission: Permission; sessionOnly?: boolean };

export const policy = {
  static: { auth: 'static' } as RoutePolicy,
  public: { auth: 'public' } as RoutePolicy,
  session: { auth: 'session' } as RoutePolicy,
  authenticated: { auth: 'authenticated' } as RoutePolicy,
  workspace: (permission: Permission, sessionOnly = false): RoutePolicy => ({
    auth: 'workspace',
    permission,
    sessionOnly,
  }),
};

export function roleIn(actor: Actor, workspaceId: string): Role | undefined {
  if (actor.kind !== 'user') return undefined;
  if (actor.tokenWorkspaceId && actor.tokenWorkspaceId !== workspaceId) return undefined;
  return actor.memberships.find((m) => m.workspaceId === workspaceId)?.role;
}

export function can(actor: Actor, permission: Permission, workspaceId: string): boolean {
  if (actor.kind === 'system') return true;
  const role = roleIn(actor, workspaceId);
  return role !== undefined && (permissionRoles[permission] as readonly Role[]).includes(role);
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

/** Non-members get 404 (a workspace's existence is not revealed); members without the role 403. */
export function assertCan(actor: Actor, permission: Permission, workspaceId: string): void {
  if (actor.kind === 'system') return;
  if (actor.kind !== 'user') throw unauthorized();
  if (roleIn(actor, workspaceId) === undefined) throw notFound('No such workspace.');
  if (!can(actor, permission, workspaceId)) throw forbidden();
}
