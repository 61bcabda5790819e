import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CI } from './harness.ts';

/** The real CBS files beside the repository (`../shared/data/cbs`, see its SOURCE.md). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const CBS_DATA_DIR = resolve(REPO_ROOT, '../shared/data/cbs');
export const CBS_FILES = [
  'rotterdam_buurten.geojson',
  'alkmaar_wijken_2024.geojson',
  'rotterdam_kerncijfers_statline.json',
] as const;

/** True when every file is there. Absent: a loud skip outside CI, a failure when CI=true. */
export const HAVE_CBS_DATA = CBS_FILES.every((f) => existsSync(join(CBS_DATA_DIR, f)));
if (!HAVE_CBS_DATA) {
  const message = `CBS data not found in ${CBS_DATA_DIR}: the real-file import tests cannot run`;
  if (CI) throw new Error(`${message} (required when CI=true).`);
  console.warn(`\n*** ${message}: SKIPPING them ***\n`);
}

export const readCbs = (file: (typeof CBS_FILES)[number]): string =>
  readFileSync(join(CBS_DATA_DIR, file), 'utf8');
