import type { FastifyReply } from 'fastify';

/**
 * Finished JSON from a read cache (text or UTF-8 bytes), already made by its response schema: with
 * a JSON content type Fastify sends it as it is, without serialising it again.
 */
export const sendJson = (reply: FastifyReply, json: string | Buffer) =>
  reply.type('application/json; charset=utf-8').send(json);
