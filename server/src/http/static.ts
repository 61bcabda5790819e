import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { policy } from '../auth/policy.ts';
import { problem, sendProblem } from './problem.ts';

export const WEB_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');

/** Serves the built web app: hashed assets cached for a year, every other path gets index.html. */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { policy: policy.static }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('api/')) {
      return sendProblem(
        reply,
        problem(404, 'not_found', 'No such resource.', request.url.split('?')[0]),
      );
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build`.');
    }
    const file = resolve(root, path);
    if (path && file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('assets/');
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(path);
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
