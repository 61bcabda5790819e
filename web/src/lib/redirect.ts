const authPages = new Set(['/inloggen', '/uitloggen']);

/**
 * The `?redirect=` target after login, only when it is a path on this site (no `//host`,
 * no `https:`, no backslash tricks) and not the login or logout page itself.
 */
export function safeRedirect(value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }
  try {
    const url = new URL(value, window.location.origin);
    if (url.origin !== window.location.origin || authPages.has(url.pathname)) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** Reads `key` from a `#key=value` fragment (tokens travel there so they never reach the server). */
export function hashParam(hash: string, key: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(key);
  return value ? value : null;
}
