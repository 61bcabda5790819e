import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

/** A command's implementation: parsed options and positionals in, exit code out. */
export type Run = (values: Values, positionals: string[]) => Promise<number>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: number;
  run: Run;
}

export function helpText(cmd: Command): string {
  const lines = Object.entries(cmd.options)
    .filter(([name]) => name !== 'help')
    .map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}`);
  return `Usage: wijkdragers ${cmd.usage}\n\n${cmd.summary}\n${lines.length ? `\nOptions:\n${lines.join('\n')}\n` : ''}  --help    show this help\n`;
}

export function parse(cmd: Command, argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean' } },
      allowPositionals: (cmd.positionals ?? 0) > 0,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function required(
  values: Record<string, unknown>,
  ...names: string[]
): Record<string, string> {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return values as Record<string, string>;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(
      'Pipe the password on standard input, e.g. `echo "…" | wijkdragers user create …`',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
