import type { Command } from './args.ts';

// The command table: names, help and options only. Each `run` imports its implementation when the
// command runs, so `--help`, a usage error or one command never load the code of the others (tsx
// transforms every module a process loads: importing them all cost about two seconds a start).

export const commands: Command[] = [
  {
    name: 'serve',
    summary:
      'Start the web server (migrations run first). --demo seeds the demo workspace if missing.',
    usage: 'serve [--demo]',
    options: { demo: { type: 'boolean' } },
    run: async (v, p) => (await import('./serve.ts')).serveCommand(v, p),
  },
  {
    name: 'migrate',
    summary: 'Apply all database migrations (or roll them all back with --down).',
    usage: 'migrate [--down]',
    options: { down: { type: 'boolean' } },
    run: async (v, p) => (await import('./migrate.ts')).migrateCommand(v, p),
  },
  {
    name: 'seed',
    summary: 'Create the deterministic demo workspace "demo" with a login per role.',
    usage: 'seed --demo [--scale demo|municipality|national]',
    options: { demo: { type: 'boolean' }, scale: { type: 'string' } },
    run: async (v, p) => (await import('./seed.ts')).seedCommand(v, p),
  },
  {
    name: 'workspace create',
    summary: 'Create a workspace for a municipality or region; prints its slug.',
    usage: 'workspace create --name <name> --gemeentecode <GMxxxx>',
    options: { name: { type: 'string' }, gemeentecode: { type: 'string' } },
    run: async (v, p) => (await import('./admin.ts')).workspaceCreateCommand(v, p),
  },
  {
    name: 'user create',
    summary: 'Create a user with a role in a workspace. The password is read from standard input.',
    usage: 'user create --email <e> --name <n> --workspace <slug> --role <role>',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string' },
    },
    run: async (v, p) => (await import('./admin.ts')).userCreateCommand(v, p),
  },
  {
    name: 'user deactivate',
    summary: 'Deactivate an account: it cannot log in and all its sessions end.',
    usage: 'user deactivate --email <e>',
    options: { email: { type: 'string' } },
    run: async (v, p) => (await import('./admin.ts')).userDeactivateCommand(v, p),
  },
  {
    name: 'token create',
    summary: 'Create a personal API token for a user in a workspace; prints the token once.',
    usage: 'token create --email <e> --workspace <slug> [--name <label>]',
    options: { email: { type: 'string' }, workspace: { type: 'string' }, name: { type: 'string' } },
    run: async (v, p) => (await import('./admin.ts')).tokenCreateCommand(v, p),
  },
  {
    name: 'backup',
    summary:
      'Write a consistent online backup (SQLite: VACUUM INTO; PostgreSQL: pg_dump custom format).',
    usage: 'backup <file>',
    options: {},
    positionals: 1,
    run: async (v, p) => (await import('./backup.ts')).backupCommand(v, p),
  },
  {
    name: 'jobs run',
    summary:
      'Run the scheduled jobs (reminders, clean-up) now, or one of them; safe to repeat. Their emails are sent by the running server.',
    usage: 'jobs run [--job <name>]',
    options: { job: { type: 'string' } },
    run: async (v, p) => (await import('./jobs.ts')).jobsRunCommand(v, p),
  },
  {
    name: 'import areas',
    summary:
      'Import area boundaries (GeoJSON file of any size, streamed; WGS84 or RD New; or fetched from PDOK) into a workspace; all or nothing.',
    usage:
      'import areas <file> --workspace <slug> [--year <yyyy>] [--crs EPSG:28992] [--dry-run] [--all-municipalities]\n       wijkdragers import areas --pdok --gemeentecode <GMxxxx> --year <yyyy> --workspace <slug>',
    options: {
      workspace: { type: 'string' },
      year: { type: 'string' },
      crs: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'all-municipalities': { type: 'boolean' },
      pdok: { type: 'boolean' },
      gemeentecode: { type: 'string' },
    },
    positionals: 1,
    run: async (v, p) => (await import('./import-areas.ts')).importAreasCommand(v, p),
  },
  {
    name: 'import indicators',
    summary: 'Import CBS StatLine kerncijfers (JSON or CSV) for a year; all or nothing.',
    usage: 'import indicators <file> --workspace <slug> --year <yyyy>',
    options: { workspace: { type: 'string' }, year: { type: 'string' } },
    positionals: 1,
    run: async (v, p) => (await import('./import-areas.ts')).importIndicatorsCommand(v, p),
  },
  {
    name: 'import actors',
    summary:
      'Import carriers and organisations from a sociale-kaart list (CSV or XLSX, Dutch or English columns); all or nothing.',
    usage: 'import actors <file.csv|file.xlsx> --workspace <slug> [--dry-run]',
    options: { workspace: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    positionals: 1,
    run: async (v, p) => (await import('./import-actors.ts')).importActorsCommand(v, p),
  },
  {
    name: 'export hsds',
    summary:
      'Write Open Referral HSDS 3.0 JSON of the public organisations, their services (activities) and locations (areas).',
    usage: 'export hsds --workspace <slug> [--out <file>]',
    options: { workspace: { type: 'string' }, out: { type: 'string' } },
    run: async (v, p) => (await import('./export-hsds.ts')).exportHsdsCommand(v, p),
  },
  {
    name: 'export network',
    summary:
      'Write the collaboration network as of a day (GEXF 1.3, GraphML, or nodes/edges/codebook CSV); --round <id> writes the network of a closed survey round instead (its survey ties, trust and value); --pseudonymise replaces persons by stable pseudonyms.',
    usage:
      'export network --workspace <slug> --format gexf|graphml|csv [--as-of <date> | --round <id>] [--out <file-or-dir>] [--pseudonymise] [--delimiter semicolon|comma]',
    options: {
      workspace: { type: 'string' },
      format: { type: 'string' },
      'as-of': { type: 'string' },
      round: { type: 'string' },
      out: { type: 'string' },
      pseudonymise: { type: 'boolean' },
      delimiter: { type: 'string' },
    },
    run: async (v, p) => (await import('../modules/network/cli.ts')).exportNetworkCommand(v, p),
  },
  {
    name: 'report obstacles',
    summary:
      'Write the yearly systeemleren report of the obstacle register (Dutch HTML, PDF or CSV); small counts are suppressed.',
    usage: 'report obstacles --workspace <slug> --year <yyyy> --format html|pdf|csv [--out <file>]',
    options: {
      workspace: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    run: async (v, p) => (await import('../modules/obstacles/cli.ts')).reportObstaclesCommand(v, p),
  },
  {
    name: 'research export',
    summary:
      'Write a study’s pseudonymised export (answers.csv, wide.csv, codebook.json/.md, segments.csv, README.txt) to a directory; consent-filtered and logged.',
    usage: 'research export --study <id> --out <dir>',
    options: { study: { type: 'string' }, out: { type: 'string' } },
    run: async (v, p) => (await import('./research-export.ts')).researchExportCommand(v, p),
  },
];
