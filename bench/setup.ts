import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbChoice } from './args.ts';
import { isPostgresReachable, type Dialect } from './database.ts';

/** What every benchmark script needs: paths, the child environment, dialects, the commit. */

export const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBin = join(root, 'server/bin/wijkdragers.mjs');
export const helloScript = join(root, 'bench/hello.ts');
export const resultsFile = join(root, 'bench/RESULTS.md');

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** A child's environment: only HOME and TMPDIR of ours, plus what it is given. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const keep = ['HOME', 'TMPDIR'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : []));
  return { ...Object.fromEntries(keep), ...extra };
}

/** The dialects to measure: `auto` adds PostgreSQL when reachable; asking for it requires it. */
export async function chooseDialects(o: { db: DbChoice; pgUrl: string }): Promise<Dialect[]> {
  if (o.db === 'sqlite') return ['sqlite'];
  const reachable = await isPostgresReachable(o.pgUrl);
  if (o.db === 'auto') {
    if (!reachable) log(`PostgreSQL not reachable at ${o.pgUrl}: SQLite only.`);
    return reachable ? ['sqlite', 'postgres'] : ['sqlite'];
  }
  if (!reachable) throw new Error(`PostgreSQL is not reachable at ${o.pgUrl}`);
  return o.db === 'both' ? ['sqlite', 'postgres'] : ['postgres'];
}

/** The short commit, and whether the working tree had changes. */
export function gitCommit(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
