import type { FastifyInstance } from 'fastify';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { ping } from '../../db/dialect.ts';
import { problem, sendProblem } from '../../http/problem.ts';

/** Liveness and readiness for load balancers; outside /api/v1 and the OpenAPI document. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', { config: { policy: policy.static }, schema: { hide: true } }, () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { config: { policy: policy.static }, schema: { hide: true } },
    async (request, reply) => {
      try {
        await ping(ctx.db);
        return { status: 'ready' };
      } catch (err) {
        request.log.warn({ err: { message: (err as Error).message } }, 'database not reachable');
        return sendProblem(
          reply,
          problem(503, 'database_unreachable', 'The database is not reachable.'),
        );
      }
    },
  );
}
