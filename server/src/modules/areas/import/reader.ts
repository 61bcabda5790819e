import { jsonParser, type Token } from 'stream-json/parser.js';
import { issue, type ImportIssue } from './issues.ts';
import { sniffEncoding, Utf8Decoder } from './utf8.ts';

/**
 * Reads a GeoJSON FeatureCollection as a stream, feature by feature, never holding the whole file:
 * stream-json's tokenizer (packed values only) feeds a small state machine that assembles each
 * element of the top-level `features` array and each other top-level member (`type`, `crs`,
 * `name`, `metadata`, …), and hands them over in file order. Memory stays at one feature plus the
 * tokenizer's buffer, whatever the size of the file.
 *
 * Fatal problems end the read with an issue for the file as a whole (index null): not JSON, a
 * truncated file (naming the feature it ends in), a top level that is not an object, UTF-16/32.
 */

export interface CollectionHandler {
  /** A top-level member other than the `features` array. */
  member(key: string, value: unknown): void;
  /** One element of `features`, in order; may return a promise (back-pressure). */
  feature(index: number, value: unknown): void | Promise<void>;
  /** Bytes (or characters, for text) read so far. */
  progress?(read: number): void | Promise<void>;
}

export interface ReadSummary {
  /** A problem that ended the read early (the file as a whole). */
  fatal?: ImportIssue;
  /** Whether a `features` array was found at the top level. */
  featuresArray: boolean;
  features: number;
  /** Byte offset of the first byte that is not UTF-8, and the problem to report for it. */
  encoding?: ImportIssue;
}

type Container = unknown[] | Record<string, unknown>;

/**
 * Builds one JSON value from packed tokens, like JSON.parse (a `__proto__` key is an own key).
 * The hot loop of a national import (≈12 million tokens): the open container is kept in fields,
 * and the most frequent tokens (numbers, arrays) are tested first.
 */
class Assembler {
  private stack: unknown[] = [];
  private top: Container | undefined;
  private topIsArray = false;
  private key = '';
  value: unknown;

  private put(v: unknown): boolean {
    const top = this.top;
    if (top === undefined) {
      this.value = v;
      return true;
    }
    if (this.topIsArray) (top as unknown[]).push(v);
    else if (this.key === '__proto__')
      Object.defineProperty(top, '__proto__', {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else (top as Record<string, unknown>)[this.key] = v;
    return false;
  }

  private open(c: Container, isArray: boolean): false {
    if (this.top !== undefined) this.stack.push(this.top, this.topIsArray, this.key);
    this.top = c;
    this.topIsArray = isArray;
    return false;
  }

  private close(): boolean {
    const done = this.top;
    if (this.stack.length === 0) {
      this.top = undefined;
      this.value = done;
      return true;
    }
    this.key = this.stack.pop() as string;
    this.topIsArray = this.stack.pop() as boolean;
    this.top = this.stack.pop() as Container;
    return this.put(done);
  }

  /** Consumes one token; true when a complete value has been assembled. */
  token(t: Token): boolean {
    const name = t.name;
    if (name === 'numberValue') return this.put(Number(t.value));
    if (name === 'startArray') return this.open([], true);
    if (name === 'endArray' || name === 'endObject') return this.close();
    if (name === 'keyValue') {
      this.key = t.value;
      return false;
    }
    if (name === 'stringValue') return this.put(t.value);
    if (name === 'startObject') return this.open({}, false);
    if (name === 'nullValue') return this.put(null);
    if (name === 'trueValue') return this.put(true);
    if (name === 'falseValue') return this.put(false);
    return false;
  }
}

class Stop extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.detail);
  }
}

const notCollection = () =>
  new Stop(issue(null, 'not_a_feature_collection', 'The file is not a GeoJSON FeatureCollection.'));

/** The state machine over the token stream. */
class CollectionReader {
  private readonly parse = jsonParser({ streamValues: false }) as unknown as (
    text: string,
  ) => { values?: Token[] } | symbol;
  private state: 'start' | 'root' | 'member' | 'features' | 'feature' | 'done' = 'start';
  private key = '';
  private asm = new Assembler();
  features = 0;
  featuresArray = false;

  constructor(private readonly handler: CollectionHandler) {}

  /** Where the reader is, for messages. */
  where(): string {
    if (this.state === 'feature') return ` in feature ${this.features}`;
    if (this.state === 'features') return ` after feature ${this.features - 1}`;
    if (this.state === 'member') return ` in the "${this.key}" member`;
    return '';
  }

  async push(text: string): Promise<void> {
    let out;
    try {
      out = this.parse(text);
    } catch (err) {
      throw new Stop(
        issue(
          null,
          'invalid_json',
          `The file is not valid JSON${this.where()}: ${(err as Error).message}.`,
        ),
      );
    }
    if (typeof out === 'symbol' || !out.values) return;
    for (const t of out.values) {
      switch (this.state) {
        case 'start':
          if (t.name !== 'startObject') throw notCollection();
          this.state = 'root';
          break;
        case 'root':
          if (t.name === 'keyValue') {
            this.key = t.value;
          } else if (t.name === 'endObject') {
            this.state = 'done';
          } else if (this.key === 'features' && t.name === 'startArray' && !this.featuresArray) {
            this.featuresArray = true;
            this.state = 'features';
          } else if (this.asm.token(t)) {
            this.handler.member(this.key, this.asm.value);
          } else {
            this.state = 'member';
          }
          break;
        case 'member':
          if (this.asm.token(t)) {
            this.handler.member(this.key, this.asm.value);
            this.state = 'root';
          }
          break;
        case 'features':
        case 'feature': {
          if (this.state === 'features' && t.name === 'endArray') {
            this.state = 'root';
            break;
          }
          const pending = this.featureToken(t);
          if (pending) await pending;
          break;
        }
        case 'done':
          break;
      }
    }
  }

  /** A token of an element of `features` (the first one starts it). */
  private featureToken(t: Token): void | Promise<void> {
    this.state = 'feature';
    if (!this.asm.token(t)) return undefined;
    this.state = 'features';
    return this.handler.feature(this.features++, this.asm.value);
  }

  end(): ImportIssue | undefined {
    if (this.state === 'done') return undefined;
    if (this.state === 'start')
      return issue(null, 'invalid_json', 'The file is empty or not JSON.');
    return issue(
      null,
      'invalid_json',
      `The file is not valid JSON: it ends${this.where() || ' before the FeatureCollection is closed'} (truncated?).`,
    );
  }
}

async function run(
  handler: CollectionHandler,
  feed: (reader: CollectionReader) => Promise<ImportIssue | undefined>,
): Promise<ReadSummary> {
  const reader = new CollectionReader(handler);
  let fatal: ImportIssue | undefined;
  try {
    fatal = await feed(reader);
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    fatal = err.issue;
  }
  fatal ??= reader.end();
  return {
    ...(fatal ? { fatal } : {}),
    featuresArray: reader.featuresArray,
    features: reader.features,
  };
}

/** Reads JSON text (a leading BOM is allowed) in slices. */
export function readCollectionText(text: string, handler: CollectionHandler): Promise<ReadSummary> {
  return run(handler, async (reader) => {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // Text that was UTF-16 read as UTF-8 starts with two U+FFFD or holds NUL characters.
    const head = body.slice(0, 4);
    if (head.startsWith('\uFFFD\uFFFD') || head.slice(0, 2).includes(String.fromCharCode(0)))
      return issue(
        null,
        'invalid_encoding',
        'The file looks like UTF-16 (byte-order mark or NUL characters); save it as UTF-8.',
      );
    const SLICE = 1 << 20;
    for (let i = 0; i < body.length; i += SLICE) {
      await reader.push(body.slice(i, i + SLICE));
      await handler.progress?.(Math.min(body.length, i + SLICE));
    }
    return undefined;
  });
}

/** Reads a byte stream that must be UTF-8; see utf8.ts for encodings. */
export async function readCollectionBytes(
  chunks: AsyncIterable<Uint8Array>,
  handler: CollectionHandler,
): Promise<ReadSummary> {
  const decoder = new Utf8Decoder();
  let read = 0;
  const summary = await run(handler, async (reader) => {
    for await (const chunk of chunks) {
      if (read === 0) {
        const problem = sniffEncoding(chunk);
        if (problem) return issue(null, problem.reason, problem.detail);
      }
      read += chunk.length;
      await reader.push(decoder.decode(chunk));
      await handler.progress?.(read);
    }
    await reader.push(decoder.decode(new Uint8Array(0), true));
    return undefined;
  });
  const problem = decoder.problem();
  return problem ? { ...summary, encoding: issue(null, problem.reason, problem.detail) } : summary;
}
