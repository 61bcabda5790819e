import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../test/harness.ts';
import { ConfigError, loadConfig } from './config.ts';
import { securityHeaders } from './http/headers.ts';

/** Configuration is read from an explicit env object here; process.env is never touched. */

let root = '';
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wd-config-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const freshDir = () => join(root, `d${++n}`);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describeEachDialect('configuration', (dialect) => {
  const databaseUrl = () =>
    dialect === 'sqlite'
      ? `sqlite:${join(freshDir(), 'wd.db')}`
      : 'postgres://postgres@127.0.0.1:5432/wijkdragers';

  it('has working defaults', () => {
    const dataDir = freshDir();
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c).toMatchObject({
      env: 'development',
      databaseUrl: 'sqlite:./data/wijkdragers.db',
      dialect: 'sqlite',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      dataDir: resolve(dataDir),
      smtpUrl: undefined,
      mailFrom: 'Wijkdragers <no-reply@wijkdragers.localhost>',
      logLevel: 'info',
      trustProxy: false,
      jobPollMs: 1000,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it(`reads DATABASE_URL for ${dialect}`, () => {
    const url = databaseUrl();
    const c = loadConfig({ DATABASE_URL: url, DATA_DIR: freshDir(), PORT: '8080' });
    expect(c.dialect).toBe(dialect);
    expect(c.databaseUrl).toBe(url);
    expect(c.publicUrl).toBe('http://localhost:8080');
    if (dialect === 'postgres') {
      expect(
        loadConfig({ DATABASE_URL: 'postgresql://u@h/db', SESSION_SECRET: 'x'.repeat(32) }).dialect,
      ).toBe('postgres');
    } else {
      // Without DATA_DIR the data folder is the database file's folder.
      const noDataDir = loadConfig({ DATABASE_URL: url });
      expect(noDataDir.dataDir).toBe(resolve(url.slice('sqlite:'.length), '..'));
    }
  });

  it('lists every invalid variable in one ConfigError', () => {
    const env = {
      DATABASE_URL: 'mysql://db/wd',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SMTP_URL: 'http://mail.example.org',
      SESSION_SECRET: 'too-short',
      TRUST_PROXY: 'yes',
      NODE_ENV: 'staging',
      PUBLIC_URL: 'ftp://example.org',
    };
    const problems = problemsOf(env);
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual(Object.keys(env).sort());
    try {
      loadConfig(env);
    } catch (err) {
      for (const name of Object.keys(env))
        expect((err as Error).message).toContain(`  - ${name}: `);
    }
  });

  it('refuses port numbers out of range and a non-numeric JOB_POLL_MS', () => {
    expect(
      problemsOf({
        DATABASE_URL: databaseUrl(),
        PORT: '70000',
        JOB_POLL_MS: 'soon',
        SESSION_SECRET: 'x'.repeat(32),
      })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['JOB_POLL_MS', 'PORT']);
  });

  it('requires an https PUBLIC_URL in production (except on localhost)', () => {
    const base = {
      DATABASE_URL: databaseUrl(),
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      SMTP_URL: 'smtp://mail.example.org:587',
      RESEARCH_PSEUDONYM_KEY: 'r'.repeat(32),
      FIELD_ENCRYPTION_KEY: 'f'.repeat(64),
    };
    expect(problemsOf({ ...base, PUBLIC_URL: 'http://wijk.example.org' })).toEqual([
      'PUBLIC_URL: must be https outside localhost in production',
    ]);
    expect(loadConfig({ ...base, PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });

  it('requires SMTP_URL in production and lists it with the other problems', () => {
    expect(
      problemsOf({
        DATABASE_URL: databaseUrl(),
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(32),
        PUBLIC_URL: 'http://wijk.example.org',
        PORT: 'abc',
      })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['FIELD_ENCRYPTION_KEY', 'PORT', 'PUBLIC_URL', 'RESEARCH_PSEUDONYM_KEY', 'SMTP_URL']);
  });

  it('an https PUBLIC_URL turns on secure cookies; the trailing slash is dropped', () => {
    const c = loadConfig({
      DATABASE_URL: databaseUrl(),
      DATA_DIR: freshDir(),
      PUBLIC_URL: 'https://wijk.example.org/',
    });
    expect(c.publicUrl).toBe('https://wijk.example.org');
    expect(c.secureCookies).toBe(true);
    expect(
      loadConfig({
        DATABASE_URL: databaseUrl(),
        DATA_DIR: freshDir(),
        PUBLIC_URL: 'http://wijk.example.org',
      }).secureCookies,
    ).toBe(false);
  });

  it('generates SESSION_SECRET once into DATA_DIR (mode 0600) and reuses it', () => {
    const dataDir = freshDir();
    const file = join(dataDir, 'session-secret');
    const first = loadConfig({ DATABASE_URL: databaseUrl(), DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);

    const second = loadConfig({ DATABASE_URL: databaseUrl(), DATA_DIR: dataDir });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(
      loadConfig({ DATABASE_URL: databaseUrl(), DATA_DIR: freshDir() }).sessionSecret,
    ).not.toBe(first.sessionSecret);

    const given = freshDir();
    expect(
      loadConfig({ DATABASE_URL: databaseUrl(), DATA_DIR: given, SESSION_SECRET: 's'.repeat(40) })
        .sessionSecret,
    ).toBe('s'.repeat(40));
    expect(existsSync(join(given, 'session-secret'))).toBe(false);
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({
      DATABASE_URL: databaseUrl(),
      DATA_DIR: freshDir(),
      PORT: '',
      SMTP_URL: '',
      LOG_LEVEL: '',
    });
    expect(c).toMatchObject({ port: 3000, smtpUrl: undefined, logLevel: 'info' });
  });
});

describeEachDialect('configuration: PDOK', () => {
  it('defaults to the real PDOK service and validates PDOK_WIJKENBUURTEN_URL', () => {
    expect(loadConfig({ DATA_DIR: freshDir() }).pdokWijkenBuurtenUrl).toBe(
      'https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1',
    );
    expect(
      loadConfig({
        DATA_DIR: freshDir(),
        PDOK_WIJKENBUURTEN_URL: 'http://127.0.0.1:8080/cbs/wijken-en-buurten-{year}/ogc/v1/',
      }).pdokWijkenBuurtenUrl,
    ).toBe('http://127.0.0.1:8080/cbs/wijken-en-buurten-{year}/ogc/v1');
    expect(
      problemsOf({ DATA_DIR: freshDir(), PDOK_WIJKENBUURTEN_URL: 'ftp://example.org/{year}' }),
    ).toEqual(['PDOK_WIJKENBUURTEN_URL: must be an http(s) URL']);
    expect(
      problemsOf({ DATA_DIR: freshDir(), PDOK_WIJKENBUURTEN_URL: 'https://api.pdok.nl/cbs/x' }),
    ).toEqual([
      'PDOK_WIJKENBUURTEN_URL: must contain {year}, e.g. …/wijken-en-buurten-{year}/ogc/v1',
    ]);
  });
});

describe('configuration: map tiles', () => {
  const csp = (env: Record<string, string>) =>
    securityHeaders(loadConfig({ DATA_DIR: freshDir(), ...env }))['Content-Security-Policy'] ?? '';

  it('draws maps without a tile server by default, and allows only the configured one', () => {
    const plain = loadConfig({ DATA_DIR: freshDir() });
    expect(plain.mapTileUrl).toBeUndefined();
    expect(csp({})).toContain("img-src 'self' data:;");
    const url = 'https://tiles.example.nl/brt/{z}/{x}/{y}.png';
    expect(loadConfig({ DATA_DIR: freshDir(), MAP_TILE_URL: url }).mapTileUrl).toBe(url);
    expect(csp({ MAP_TILE_URL: url })).toContain("img-src 'self' data: https://tiles.example.nl;");
  });

  it('refuses a tile URL that is not an https {z}/{x}/{y} template', () => {
    expect(
      problemsOf({ DATA_DIR: freshDir(), MAP_TILE_URL: 'http://t.example/{z}/{x}/{y}' }),
    ).toEqual(['MAP_TILE_URL: must be an https URL template with {z}, {x} and {y}']);
    expect(problemsOf({ DATA_DIR: freshDir(), MAP_TILE_URL: 'https://t.example/tiles' })).toEqual([
      'MAP_TILE_URL: must be an https URL template with {z}, {x} and {y}',
    ]);
  });
});
