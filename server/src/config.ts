import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** The only module that reads process.env. Everything else receives a frozen Config. */

/** PDOK's CBS Wijken en Buurten OGC API Features service; `{year}` selects the dataset. */
export const PDOK_WIJKENBUURTEN_DEFAULT = 'https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .default('sqlite:./data/wijkdragers.db'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .default('3000')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535)),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be smtp://… or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Wijkdragers <no-reply@wijkdragers.localhost>'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  JOB_POLL_MS: z.string().regex(/^\d+$/, 'must be milliseconds').default('1000').transform(Number),
  PDOK_WIJKENBUURTEN_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine(
      (u) => u.includes('{year}'),
      'must contain {year}, e.g. …/wijken-en-buurten-{year}/ogc/v1',
    )
    .default(PDOK_WIJKENBUURTEN_DEFAULT),
  MAP_TILE_URL: z
    .string()
    .regex(
      /^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/,
      'must be an https URL template with {z}, {x} and {y}',
    )
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  RESEARCH_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => parseFieldKeys(v) !== null,
      'must be 32 bytes as base64 or hex, or a list "v2:<key>,v1:<key>" (first encrypts)',
    )
    .optional(),
});

/** One AES-256-GCM key of FIELD_ENCRYPTION_KEY; its id prefixes every ciphertext (`v1:…`). */
export interface FieldKey {
  readonly id: string;
  readonly key: Buffer;
}

function decodeKey(text: string): Buffer | null {
  const hex = /^[0-9a-fA-F]{64}$/.test(text);
  const b64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(text);
  const key = hex ? Buffer.from(text, 'hex') : b64 ? Buffer.from(text, 'base64') : null;
  return key && key.length === 32 ? key : null;
}

/** `<key>` (id v1) or `v2:<key>,v1:<key>`: the first key encrypts, every key decrypts. */
export function parseFieldKeys(value: string): FieldKey[] | null {
  const parts = value.split(',').map((p) => p.trim());
  const keys: FieldKey[] = [];
  for (const part of parts) {
    const m = /^(?:(v\d{1,4}):)?(.+)$/.exec(part);
    const key = m ? decodeKey(m[2]!) : null;
    const id = m?.[1] ?? (parts.length === 1 ? 'v1' : undefined);
    if (!key || !id || keys.some((k) => k.id === id)) return null;
    keys.push({ id, key });
  }
  return keys.length ? keys : null;
}

/**
 * Outside production an unset research key is derived from the session secret under a label that
 * says what it is: a development default, not a secret to rely on. Production refuses to start
 * without both keys (productionRules).
 */
const developmentKey = (sessionSecret: string, what: string): Buffer =>
  Buffer.from(
    hkdfSync('sha256', sessionSecret, 'wijkdragers', `INSECURE development default: ${what}`, 32),
  );

export type Dialect = 'sqlite' | 'postgres';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly databaseUrl: string;
  readonly dialect: Dialect;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  /** True when PUBLIC_URL is https: cookies get Secure and the __Host- prefix, HSTS is sent. */
  readonly secureCookies: boolean;
  readonly sessionSecret: string;
  readonly dataDir: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly logLevel: (typeof logLevels)[number];
  readonly trustProxy: boolean;
  readonly jobPollMs: number;
  /** Base URL of PDOK's wijken-en-buurten OGC API Features service, with a `{year}` placeholder. */
  readonly pdokWijkenBuurtenUrl: string;
  /** Optional background tiles for maps (`https://…/{z}/{x}/{y}.png`); maps draw areas without. */
  readonly mapTileUrl: string | undefined;
  readonly mapTileAttribution: string | undefined;
  /** HMAC key of research pseudonyms (RESEARCH_PSEUDONYM_KEY); per study a key is derived (HKDF). */
  readonly researchPseudonymKey: string;
  /** Keys of field encryption (FIELD_ENCRYPTION_KEY), the first encrypts; never in the database. */
  readonly fieldEncryptionKeys: readonly FieldKey[];
  /** `development-default`: the two research keys were derived, not configured (never in production). */
  readonly researchKeySource: 'configured' | 'development-default';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLocalhost(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Cross-variable rules, checked with the rest so one message lists every problem. */
function productionRules(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  if (e.NODE_ENV !== 'production') return;
  const url = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  if (url.protocol !== 'https:' && !isLocalhost(url)) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: 'must be https outside localhost in production',
    });
  }
  if (!e.SMTP_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_URL'],
      message: 'is required in production (invitations and password resets are emailed)',
    });
  }
  for (const key of ['RESEARCH_PSEUDONYM_KEY', 'FIELD_ENCRYPTION_KEY'] as const) {
    if (!e[key]) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is required in production (research data; kept outside the database)',
      });
    }
  }
}

/** Reads and validates the environment once. Lists every invalid variable in one error. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = envSchema
    .superRefine(productionRules)
    .safeParse(
      Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
    );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dialect: Dialect = e.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const sqlitePath = dialect === 'sqlite' ? e.DATABASE_URL.slice('sqlite:'.length) : undefined;
  const dataDir = resolve(
    e.DATA_DIR ??
      (sqlitePath && sqlitePath !== ':memory:' ? dirname(resolve(sqlitePath)) : './data'),
  );
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const url = new URL(publicUrl);
  const sessionSecret = e.SESSION_SECRET ?? overrides.sessionSecret ?? readOrCreateSecret(dataDir);
  const configured = Boolean(e.RESEARCH_PSEUDONYM_KEY && e.FIELD_ENCRYPTION_KEY);
  const config: Config = {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dialect,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    secureCookies: url.protocol === 'https:',
    sessionSecret,
    dataDir,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    jobPollMs: e.JOB_POLL_MS,
    pdokWijkenBuurtenUrl: e.PDOK_WIJKENBUURTEN_URL.replace(/\/+$/, ''),
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    researchPseudonymKey:
      e.RESEARCH_PSEUDONYM_KEY ??
      developmentKey(sessionSecret, 'RESEARCH_PSEUDONYM_KEY').toString('base64url'),
    fieldEncryptionKeys: Object.freeze(
      e.FIELD_ENCRYPTION_KEY
        ? parseFieldKeys(e.FIELD_ENCRYPTION_KEY)!
        : [{ id: 'v1', key: developmentKey(sessionSecret, 'FIELD_ENCRYPTION_KEY') }],
    ),
    researchKeySource: configured ? 'configured' : 'development-default',
    ...overrides,
  };
  return Object.freeze(config);
}

/** SESSION_SECRET, when unset, is generated once into the data folder (mode 0600). */
function readOrCreateSecret(dataDir: string): string {
  const file = resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
