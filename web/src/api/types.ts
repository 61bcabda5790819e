/** Response shapes of the Wijkdragers API (v1), as documented in docs/api.md. */

export const roles = ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'] as const;
export type Role = (typeof roles)[number];

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  gemeentecode: string;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  workspaces: Workspace[];
  csrfToken: string;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: string;
}

export const invitationStatuses = ['open', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationLookup {
  workspaceSlug: string;
  workspaceName: string;
  email: string;
  role: Role;
  accountExists: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  /** The secret; the API returns it only once. */
  token: string;
}
