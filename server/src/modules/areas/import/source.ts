import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isObject } from './feature.ts';
import { issue } from './issues.ts';
import {
  readCollectionBytes,
  readCollectionText,
  type CollectionHandler,
  type ReadSummary,
} from './reader.ts';

/**
 * Where an area file comes from: a file on disk (streamed; the CLI), JSON text, or a collection
 * already parsed (the API body, PDOK). An import reads its source twice: once to check, once to
 * write; `read` calls the handler for the top-level members and every feature, in file order.
 */
export interface AreaSource {
  read(handler: CollectionHandler): Promise<ReadSummary>;
  /** What `progress` counts up to during a read. */
  size: number;
  unit: 'bytes' | 'characters' | 'features';
  /** Already in memory: rows are prepared before the write transaction opens, keeping it short. */
  inMemory: boolean;
}

/** Read size for files: large enough that the tokenizer, not the reads, sets the pace. */
const READ_CHUNK = 256 * 1024;

export async function fileSource(path: string): Promise<AreaSource> {
  const info = await stat(path);
  return {
    size: info.size,
    unit: 'bytes',
    inMemory: false,
    read: (handler) =>
      readCollectionBytes(createReadStream(path, { highWaterMark: READ_CHUNK }), handler),
  };
}

export function textSource(text: string): AreaSource {
  return {
    size: text.length,
    unit: 'characters',
    inMemory: true,
    read: (handler) => readCollectionText(text, handler),
  };
}

/** How often (in features) an in-memory read reports progress, so the caller can yield. */
const PROGRESS_EVERY = 50;

export function objectSource(doc: unknown): AreaSource {
  const features = isObject(doc) && Array.isArray(doc.features) ? (doc.features as unknown[]) : [];
  return {
    size: features.length,
    unit: 'features',
    inMemory: true,
    read: async (handler) => {
      if (!isObject(doc))
        return {
          fatal: issue(
            null,
            'not_a_feature_collection',
            'The file is not a GeoJSON FeatureCollection.',
          ),
          featuresArray: false,
          features: 0,
        };
      const isArray = Array.isArray(doc.features);
      for (const [k, v] of Object.entries(doc))
        if (k !== 'features' || !isArray) handler.member(k, v);
      for (let i = 0; i < features.length; i++) {
        const pending = handler.feature(i, features[i]);
        if (pending) await pending;
        if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === features.length)
          await handler.progress?.(i + 1);
      }
      return { featuresArray: isArray, features: features.length };
    },
  };
}
