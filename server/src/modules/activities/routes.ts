import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

// Placeholder: the routes of this module are built in issue 3.
export function activityRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
