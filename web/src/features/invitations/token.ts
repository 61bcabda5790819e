import { hashParam } from '../../lib/redirect.ts';

const STORAGE_KEY = 'wijkdragers.invitationToken';

/**
 * The invitation token from `#token=…`, or the one kept for the trip through the login page
 * (a `?redirect=` may reach server logs, so the token does not travel in it).
 */
export function invitationToken(hash: string): string | null {
  const fromHash = hashParam(hash, 'token');
  if (fromHash) return fromHash;
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function keepInvitationToken(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Without storage the visitor opens the e-mail link again after logging in.
  }
}

export function forgetInvitationToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}
