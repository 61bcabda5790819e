import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, pageQuery, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { codingRoutes } from './coding-routes.ts';
import { interviewRoutes } from './interview-routes.ts';
import { participantRoutes } from './participant-routes.ts';
import { waveRoutes } from './wave-routes.ts';
import {
  memberBody,
  memberParams,
  stewardBody,
  studyCreateBody,
  studyParams,
  studySchema,
  studyUpdateBody,
  teamSchema,
} from './schema.ts';
import {
  addResearcher,
  appointSteward,
  changeStudy,
  createStudy,
  getStudies,
  getStudy,
  getTeam,
  removeResearcher,
} from './study-service.ts';

const RESEARCH_TAGS = ['Research'];

/** Studies and their team; participants and consent in participant-routes.ts. */
export function researchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = RESEARCH_TAGS;
  const studies = '/api/v1/workspaces/:workspaceSlug/research/studies';
  const study = `${studies}/:studyId`;
  const read = { policy: policy.workspace('research.read') };
  const manage = { policy: policy.workspace('research.manage') };

  r.get(studies, {
    config: read,
    schema: {
      tags,
      operationId: 'listStudies',
      summary: 'Studies (onderzoeken) spanning this workspace, newest first',
      description: 'Admins see every study of the workspace; researchers those they are on.',
      params: workspaceParams,
      querystring: pageQuery,
      response: { 200: pageOf(studySchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getStudies(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          pageBounds(request.query),
        ),
      ),
  });

  r.post(studies, {
    config: manage,
    schema: {
      tags,
      operationId: 'createStudy',
      summary: 'Create a study in this workspace and, optionally, others you administer',
      params: workspaceParams,
      body: studyCreateBody,
      response: { 201: studySchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createStudy(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(study, {
    config: read,
    schema: {
      tags,
      operationId: 'getStudy',
      summary: 'One study',
      params: studyParams,
      response: { 200: studySchema, ...problems() },
    },
    handler: (request) =>
      getStudy(ctx, request.actor, requireWorkspace(request).id, request.params.studyId),
  });

  r.patch(study, {
    config: manage,
    schema: {
      tags,
      operationId: 'updateStudy',
      summary: 'Change a study’s title, description or status',
      params: studyParams,
      body: studyUpdateBody,
      response: { 200: studySchema, ...problems() },
    },
    handler: (request) =>
      changeStudy(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.body,
      ),
  });

  r.put(`${study}/steward`, {
    config: manage,
    schema: {
      tags,
      operationId: 'appointStudySteward',
      summary: 'Appoint the research steward (the previous one stays on as researcher)',
      description:
        'The steward manages consent, the team’s researchers and re-identification. They hold the researcher role in a workspace of the study.',
      params: studyParams,
      body: stewardBody,
      response: { 200: studySchema, ...problems(409) },
    },
    handler: (request) =>
      appointSteward(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.body.email,
      ),
  });

  r.get(`${study}/members`, {
    config: read,
    schema: {
      tags,
      operationId: 'listStudyMembers',
      summary: 'The research team: the steward and researchers',
      params: studyParams,
      response: { 200: teamSchema, ...problems() },
    },
    handler: (request) =>
      getTeam(ctx, request.actor, requireWorkspace(request).id, request.params.studyId),
  });

  r.post(`${study}/members`, {
    config: { policy: policy.workspace('research.conduct') },
    schema: {
      tags,
      operationId: 'addStudyMember',
      summary: 'Add a researcher to the team (the steward only)',
      params: studyParams,
      body: memberBody,
      response: { 201: teamSchema.shape.items.element, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addResearcher(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.studyId,
            request.body.email,
          ),
        ),
  });

  r.delete(`${study}/members/:userId`, {
    config: { policy: policy.workspace('research.conduct') },
    schema: {
      tags,
      operationId: 'removeStudyMember',
      summary: 'Remove a researcher from the team (the steward only)',
      params: memberParams,
      response: { 204: noContent, ...problems(409) },
    },
    handler: async (request, reply) => {
      await removeResearcher(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.params.userId,
      );
      return reply.code(204).send(null);
    },
  });

  participantRoutes(app, ctx, study);
  interviewRoutes(app, ctx, study);
  codingRoutes(app, ctx, study);
  waveRoutes(app, ctx, study);
  analysisRoutes(app, ctx, study);
}
