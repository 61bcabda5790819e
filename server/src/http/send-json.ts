import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Below this a compressed copy saves too little to be worth a header. */
const GZIP_FROM_BYTES = 1024;

/**
 * A finished JSON answer, made once by its response schema and kept in a read cache: its UTF-8
 * bytes, and (made on first demand, then kept with it) a gzip copy for clients that accept it
 * (every browser does). A cached area page of 44 KB goes out as about 6 KB: sending the bytes was
 * a large part of what such a request cost.
 */
export class FinishedJson {
  readonly body: Buffer;
  #gzip: Buffer | undefined;

  constructor(text: string) {
    this.body = Buffer.from(text);
  }

  get gzip(): Buffer | undefined {
    if (this.body.length < GZIP_FROM_BYTES) return undefined;
    this.#gzip ??= gzipSync(this.body);
    return this.#gzip;
  }

  /** The text, for callers that need the object (tests, CSV built from the same answer). */
  get text(): string {
    return this.body.toString('utf8');
  }
}

/** True when Accept-Encoding allows gzip (and does not give it q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a cached answer as it is: with a JSON content type Fastify does not serialise it again.
 * Gzip when the client accepts it; `Vary` tells caches the answer depends on that.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, json: FinishedJson) {
  reply.type('application/json; charset=utf-8').header('Vary', 'Accept-Encoding');
  const gzip = acceptsGzip(request.headers['accept-encoding']) ? json.gzip : undefined;
  if (gzip) return reply.header('Content-Encoding', 'gzip').send(gzip);
  return reply.send(json.body);
}
