import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import {
  notificationListQuery,
  notificationParams,
  notificationSchema,
  readAllSchema,
  unreadCountSchema,
} from './schema.ts';
import {
  getMyNotifications,
  getUnreadCount,
  readAllNotifications,
  readNotification,
} from './service.ts';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];
  const mine = '/api/v1/workspaces/:workspaceSlug/me/notifications';
  const self = { policy: policy.workspace('notifications.self') };

  r.get(mine, {
    config: self,
    schema: {
      tags,
      operationId: 'listMyNotifications',
      summary: 'Your own notifications (meldingen), newest first',
      description:
        'Only the caller’s own; the text is rendered by the client from kind and params.',
      params: workspaceParams,
      querystring: notificationListQuery,
      response: { 200: pageOf(notificationSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getMyNotifications(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.get(`${mine}/unread-count`, {
    config: self,
    schema: {
      tags,
      operationId: 'countMyUnreadNotifications',
      summary: 'How many of your notifications are unread',
      params: workspaceParams,
      response: { 200: unreadCountSchema, ...problems() },
    },
    handler: (request) => getUnreadCount(ctx, request.actor, requireWorkspace(request).id),
  });

  r.post(`${mine}/:notificationId/read`, {
    config: self,
    schema: {
      tags,
      operationId: 'readMyNotification',
      summary: 'Mark one of your notifications read',
      description: 'Idempotent: a notification read before keeps its readAt. 404 for another’s.',
      params: notificationParams,
      response: { 200: notificationSchema, ...problems() },
    },
    handler: (request) =>
      readNotification(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.notificationId,
      ),
  });

  r.post(`${mine}/read-all`, {
    config: self,
    schema: {
      tags,
      operationId: 'readAllMyNotifications',
      summary: 'Mark all your notifications in this workspace read',
      params: workspaceParams,
      response: { 200: readAllSchema, ...problems() },
    },
    handler: (request) => readAllNotifications(ctx, request.actor, requireWorkspace(request).id),
  });
}
