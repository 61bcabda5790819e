import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

/** RESEARCH_PSEUDONYM_KEY and FIELD_ENCRYPTION_KEY in the configuration (config.ts). */

const base = { DATABASE_URL: 'sqlite::memory:', SESSION_SECRET: 's'.repeat(40) };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('research keys in the configuration', () => {
  it('uses configured keys as given', () => {
    const key = randomBytes(32);
    const c = loadConfig({
      ...base,
      RESEARCH_PSEUDONYM_KEY: 'p'.repeat(40),
      FIELD_ENCRYPTION_KEY: `v2:${key.toString('base64')},v1:${randomBytes(32).toString('hex')}`,
    });
    expect(c.researchPseudonymKey).toBe('p'.repeat(40));
    expect(c.fieldEncryptionKeys.map((k) => k.id)).toEqual(['v2', 'v1']);
    expect(c.fieldEncryptionKeys[0]!.key.equals(key)).toBe(true);
    expect(c.researchKeySource).toBe('configured');
  });

  it('derives labelled development defaults from the session secret outside production', () => {
    const a = loadConfig({ ...base, NODE_ENV: 'development' });
    const b = loadConfig({ ...base, NODE_ENV: 'test' });
    const other = loadConfig({ ...base, SESSION_SECRET: 't'.repeat(40) });
    expect(a.researchKeySource).toBe('development-default');
    expect(a.fieldEncryptionKeys).toHaveLength(1);
    expect(a.fieldEncryptionKeys[0]!.id).toBe('v1');
    expect(a.fieldEncryptionKeys[0]!.key).toHaveLength(32);
    // Stable across starts, distinct from each other and from the session secret itself.
    expect(b.fieldEncryptionKeys[0]!.key.equals(a.fieldEncryptionKeys[0]!.key)).toBe(true);
    expect(b.researchPseudonymKey).toBe(a.researchPseudonymKey);
    expect(a.researchPseudonymKey).not.toBe(base.SESSION_SECRET);
    expect(
      Buffer.from(a.researchPseudonymKey, 'base64url').equals(a.fieldEncryptionKeys[0]!.key),
    ).toBe(false);
    expect(other.researchPseudonymKey).not.toBe(a.researchPseudonymKey);
  });

  it('requires both keys in production and lists every bad value', () => {
    const prod = {
      ...base,
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example.org:587',
      PUBLIC_URL: 'https://wijk.example.org',
    };
    expect(problems(prod).sort()).toEqual([
      'FIELD_ENCRYPTION_KEY: is required in production (research data; kept outside the database)',
      'RESEARCH_PSEUDONYM_KEY: is required in production (research data; kept outside the database)',
    ]);
    expect(
      problems({
        ...prod,
        RESEARCH_PSEUDONYM_KEY: 'kort',
        FIELD_ENCRYPTION_KEY: randomBytes(16).toString('base64'),
        PORT: 'x',
      })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['FIELD_ENCRYPTION_KEY', 'PORT', 'RESEARCH_PSEUDONYM_KEY']);
    const ok = loadConfig({
      ...prod,
      RESEARCH_PSEUDONYM_KEY: 'p'.repeat(32),
      FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    });
    expect(ok.researchKeySource).toBe('configured');
  });
});
