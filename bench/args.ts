import { parseArgs } from 'node:util';
import { scales, type Scale } from '../server/src/demo/seed.ts';

export type DbChoice = 'auto' | 'sqlite' | 'postgres' | 'both';

export const suites = ['foundation', 'directory', 'support', 'signals', 'network'] as const;
export type Suite = (typeof suites)[number];

export interface BenchOptions {
  /** Which endpoints: the foundation's (health, me, members) or the directory's (issue 3). */
  suite: Suite;
  duration: number;
  warmup: number;
  connections: number;
  /** Repetitions of the interleaved sequence; the table shows medians. */
  rounds: number;
  scale: Scale;
  db: DbChoice;
  pgUrl: string;
  /** Print the table only; do not append to bench/RESULTS.md (for trying the harness out). */
  printOnly: boolean;
}

export const usage = `Usage: npm run bench -- [options]

  --suite <s>          foundation (health, me, members) | directory (search, area page,
                       map layer) | support (funding dashboard, matching one need) |
                       signals (overlap signals list of the workspace and of a wijk) |
                       network (network with metrics: workspace, a wijk, a survey round)
                       (default foundation)
  --duration <s>       seconds measured per endpoint (default 10)
  --warmup <s>         seconds of discarded load before each measurement (default 2)
  --connections <n>    concurrent connections (default 10)
  --rounds <n>         repeat the interleaved sequence and report medians (default 1)
  --scale <s>          demo | municipality | national (default municipality)
  --db <d>             sqlite | postgres | both (default: sqlite, and postgres when reachable)
  --pg-url <url>       PostgreSQL admin URL (default $BENCH_PG_URL, $TEST_PG_URL or
                       postgres://postgres@127.0.0.1:5432/postgres)
  --print-only         print the results without appending them to bench/RESULTS.md
  --help               show this help
`;

export class UsageError extends Error {}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (name !== 'warmup' && n === 0)) {
    throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  }
  return n;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        suite: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        rounds: { type: 'string' },
        scale: { type: 'string' },
        db: { type: 'string' },
        'pg-url': { type: 'string' },
        'print-only': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const connections = positiveNumber('connections', values.connections, 10);
  const rounds = positiveNumber('rounds', values.rounds, 1);
  if (!Number.isInteger(connections) || !Number.isInteger(rounds)) {
    throw new UsageError('--connections and --rounds must be integers');
  }
  return {
    suite: oneOf('suite', values.suite ?? 'foundation', suites),
    duration: positiveNumber('duration', values.duration, 10),
    warmup: positiveNumber('warmup', values.warmup, 2),
    connections,
    rounds,
    scale: oneOf('scale', values.scale ?? 'municipality', scales),
    db: values.db === undefined ? 'auto' : oneOf('db', values.db, ['sqlite', 'postgres', 'both']),
    pgUrl:
      values['pg-url'] ??
      process.env.BENCH_PG_URL ??
      process.env.TEST_PG_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    printOnly: values['print-only'] ?? false,
  };
}
