import { backup } from '../db/dialect.ts';
import { audit } from '../modules/audit/service.ts';
import { UsageError, type Run } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

/** `backup <file>`: SQLite through VACUUM INTO, PostgreSQL through pg_dump; audited. */
export const backupCommand: Run = (_v, positionals) =>
  withContext(async (ctx, handle, config) => {
    const file = positionals[0];
    if (!file || positionals.length !== 1) throw new UsageError('Give exactly one backup file.');
    await backup(handle, config.databaseUrl, file);
    await audit(ctx, { action: 'backup', result: 'ok' });
    out(`Backup written to ${file}`);
    return 0;
  });
