import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { securityOf } from '../../src/http/openapi.ts';
import { CI } from '../harness.ts';
import { API_PREFIX, isApiRoute, useSecurityApp } from './support.ts';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const RULESET = resolve(REPO, '../shared/data/adr/ruleset.yaml');
const SPECTRAL = resolve(REPO, 'node_modules/.bin/spectral');
const HAVE_RULESET = existsSync(RULESET);
if (!HAVE_RULESET && !CI) {
  console.warn(
    `\n*** NL API Design Rules ruleset not found at ${RULESET}: SKIPPING the Spectral lint (required when CI=true) ***\n`,
  );
}

type Doc = {
  openapi: string;
  info: { version: string; contact?: Record<string, string> };
  servers: { url: string }[];
  paths: Record<
    string,
    Record<string, { operationId?: string; security?: unknown; responses: Record<string, unknown> }>
  >;
};

interface SpectralResult {
  code: string;
  message: string;
  severity: number;
  path: (string | number)[];
}

// The OpenAPI document does not depend on the database: SQLite is enough.
describe('OpenAPI document', () => {
  const t = useSecurityApp('sqlite');
  let doc: Doc;
  let file = '';

  beforeAll(async () => {
    const res = await t().app.inject({ method: 'GET', url: `${API_PREFIX}/openapi.json` });
    expect(res.statusCode).toBe(200);
    doc = res.json<Doc>();
    file = join(mkdtempSync(join(tmpdir(), 'wd-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
  });

  it('is OpenAPI 3.1 with a semver version, contact and a /v1 server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(doc.info.contact ?? {}).sort()).toEqual(['email', 'name', 'url']);
    expect(doc.servers[0]?.url).toBe(`${t().ctx.config.publicUrl}${API_PREFIX}`);
  });

  it('documents every API route of the inventory, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${API_PREFIX}${path}`),
    );
    const expected = t()
      .routes.filter(
        (r) => isApiRoute(r) && r.method !== 'HEAD' && r.url !== `${API_PREFIX}/openapi.json`,
      )
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(expected.length).toBeGreaterThan(20);
    expect([...documented].sort()).toEqual([...expected].sort());
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("states each operation's security from the route's policy", () => {
    for (const r of t().routes.filter(
      (x) => isApiRoute(x) && x.method !== 'HEAD' && x.url !== `${API_PREFIX}/openapi.json`,
    )) {
      const op =
        doc.paths[r.url.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')]?.[
          r.method.toLowerCase()
        ];
      expect(op?.security, `${r.method} ${r.url}`).toEqual(securityOf(r.policy));
    }
    expect(doc.paths['/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/me']?.patch?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/me']?.get?.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it.skipIf(!HAVE_RULESET && !CI)(
    'passes the NL API Design Rules Spectral ruleset with 0 errors',
    async () => {
      expect(existsSync(RULESET), `ruleset missing at ${RULESET} (required when CI=true)`).toBe(
        true,
      );
      let stdout: string;
      try {
        ({ stdout } = await promisify(execFile)(
          SPECTRAL,
          ['lint', '-r', RULESET, file, '-f', 'json', '--quiet'],
          { maxBuffer: 64 * 1024 * 1024 },
        ));
      } catch (err) {
        // spectral exits non-zero when it finds errors; the JSON report is still on stdout.
        stdout = (err as { stdout?: string }).stdout ?? '';
        if (!stdout.trim().startsWith('[')) throw err;
      }
      const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as SpectralResult[];
      const errors = results.filter((r) => r.severity === 0);
      const warnings = results.filter((r) => r.severity === 1);
      console.info(
        `[spectral] ${errors.length} errors, ${warnings.length} warnings (${warnings.map((w) => w.code).join(', ') || 'none'})`,
      );
      const report = errors.map((e) => `${e.code} at ${e.path.join('.')}: ${e.message}`).join('\n');
      expect(errors, report).toEqual([]);
    },
    120_000,
  );
});
