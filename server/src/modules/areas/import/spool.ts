import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Level } from './codes.ts';
import type { CheckedFeature } from './feature.ts';
import type { AreaGeometry } from './geometry.ts';

/**
 * The checked features of a streamed file, kept on disk between the two passes: one JSON line
 * per valid feature (code, level, name, population, boundary as in the file). The write pass
 * reads these lines (JSON.parse is native and fast) instead of tokenizing the whole file again,
 * and it writes exactly what was checked even if the file changes meanwhile. Memory stays bounded;
 * the folder is removed by `dispose`, also after a failure.
 */

type Entry = [string, Level, string | null, number | null, AreaGeometry];

/** Temporary folders start with this (and the process id), so tests can see they are gone. */
export const SPOOL_PREFIX = 'wijkdragers-areas-';

export class Spool {
  private out: WriteStream | undefined;
  /** A write error (disk full…), raised by `finish`; never left as an unhandled stream error. */
  private failure: Error | undefined;
  count = 0;

  private constructor(
    private readonly dir: string,
    private readonly file: string,
  ) {}

  static async create(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
    const spool = new Spool(dir, join(dir, 'features.ndjson'));
    spool.out = createWriteStream(spool.file);
    spool.out.on('error', (err) => {
      spool.failure ??= err;
    });
    return spool;
  }

  /** Adds a valid feature; a promise when the disk is behind (wait for it). */
  add(c: CheckedFeature): void | Promise<void> {
    const entry: Entry = [
      c.code as string,
      c.level as Level,
      c.name ?? null,
      c.population,
      c.geometry as AreaGeometry,
    ];
    this.count++;
    if (!(this.out as WriteStream).write(`${JSON.stringify(entry)}\n`))
      return once(this.out as WriteStream, 'drain').then(() => undefined);
    return undefined;
  }

  /** Closes the file for writing. */
  async finish(): Promise<void> {
    const out = this.out;
    if (!out || out.closed) return;
    out.end();
    await once(out, 'close');
    if (this.failure) throw this.failure;
  }

  /** The features in order, as checked features again. */
  async *features(): AsyncGenerator<CheckedFeature> {
    await this.finish();
    const lines = createInterface({
      input: createReadStream(this.file, { highWaterMark: 256 * 1024 }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const [code, level, name, population, geometry] = JSON.parse(line) as Entry;
      yield {
        code,
        level,
        name: name ?? undefined,
        population,
        geometry,
        problems: [],
        negligibleCrossings: 0,
      };
    }
  }

  async dispose(): Promise<void> {
    // Writes still in flight fail with ERR_STREAM_DESTROYED: the listener above takes them.
    this.out?.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
