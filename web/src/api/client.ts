/**
 * The one way the web app talks to the API: same-origin fetch with JSON in and out, the CSRF token
 * on state-changing requests, and RFC 9457 problem details turned into a typed ApiProblem.
 */

export interface ProblemFieldError {
  /** JSON pointer (RFC 6901) into the part named by `location`, e.g. `/password`. */
  pointer: string;
  location: 'body' | 'query' | 'path' | 'header';
  code: string;
  detail: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  /** Seconds from the `Retry-After` header (429, 503), when present. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    errors?: ProblemFieldError[];
    retryAfter?: number | null;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? '';
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

export const isApiProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

// The token comes from the last /api/v1/me, login, accept or password-change response. It lives in
// memory only: a reload fetches /api/v1/me again.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isJson(response: Response): boolean {
  return /[/+]json\b/.test(response.headers.get('content-type') ?? '');
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const body: unknown = isJson(response) ? await response.json().catch(() => null) : null;
  if (body && typeof body === 'object') {
    const p = body as Partial<Record<'code' | 'title' | 'detail', unknown>> & { errors?: unknown };
    return new ApiProblem({
      status: response.status,
      code: typeof p.code === 'string' ? p.code : `http_${response.status}`,
      title: typeof p.title === 'string' ? p.title : '',
      detail: typeof p.detail === 'string' ? p.detail : '',
      errors: Array.isArray(p.errors) ? (p.errors as ProblemFieldError[]) : [],
      retryAfter,
    });
  }
  return new ApiProblem({ status: response.status, code: `http_${response.status}`, retryAfter });
}

async function send(method: Method, path: string, body?: unknown, query?: Query) {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  try {
    return await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem({ status: 0, code: 'network_error' });
  }
}

/** Fetches a fresh CSRF token (the session may have been renewed in another tab). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/v1/me');
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: unknown };
  if (typeof me.csrfToken !== 'string') return false;
  csrfToken = me.csrfToken;
  return true;
}

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  let response = await send(method, path, body, query);
  if (!response.ok) {
    let problem = await toProblem(response);
    // A stale token gets one retry with a fresh one; the server still decides.
    if (problem.code === 'csrf_failed' && (await refreshCsrfToken())) {
      response = await send(method, path, body, query);
      if (!response.ok) problem = await toProblem(response);
    }
    if (!response.ok) throw problem;
  }
  if (response.status === 204 || !isJson(response)) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
