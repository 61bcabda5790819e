import { helpText, parse, UsageError } from './cli/args.ts';
import { commands } from './cli/commands.ts';

const overview = () =>
  `Usage: wijkdragers <command> [options]\n\nCommands:\n${commands
    .map((c) => `  ${c.name.padEnd(18)} ${c.summary}`)
    .join('\n')}\n\nRun "wijkdragers <command> --help" for the options of a command.\n`;

/** CLI entry: returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(overview());
    return argv.length ? 0 : 1;
  }
  const cmd =
    commands.find((c) => c.name.includes(' ') && argv.slice(0, 2).join(' ') === c.name) ??
    commands.find((c) => !c.name.includes(' ') && argv[0] === c.name);
  if (!cmd) {
    process.stderr.write(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${overview()}`);
    return 2;
  }
  const rest = argv.slice(cmd.name.split(' ').length);
  try {
    const { values, positionals } = parse(cmd, rest);
    if (values.help) {
      process.stdout.write(helpText(cmd));
      return 0;
    }
    return await cmd.run(values, positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${helpText(cmd)}`);
      return 2;
    }
    // Imported here, not at the top, so that `--help` and usage errors load neither zod nor
    // Fastify's helpers. A command that threw one of these has loaded the module already.
    const { ConfigError } = await import('./config.ts');
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    const { AppError } = await import('./http/problem.ts');
    if (err instanceof AppError) {
      const details = err.errors.map((e) => `  - ${e.pointer}: ${e.detail}`).join('\n');
      process.stderr.write(`${err.message}${details ? `\n${details}` : ''}\n`);
      return 1;
    }
    throw err;
  }
}
