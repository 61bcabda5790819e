import { policy } from '../../../src/auth/policy.ts';
import { createActivity } from '../../../src/modules/activities/service.ts';
import { insertTestActor, linkedCarrier } from '../../../src/modules/activities/test-support.ts';
import { createAchievement } from '../../../src/modules/initiatives/achievements-service.ts';
import { createInitiative } from '../../../src/modules/initiatives/service.ts';
import type { Cell, Rows } from './types.ts';

const noLinks = { areaIds: [], domainIds: [], targetGroupIds: [] };

/**
 * Routes of the activities and initiatives modules (issue 3). Writes are `directory.self`: every
 * role may write for the carrier linked to its own account, so each write cell acts on the
 * caller's own carrier (found or created); read cells use a workspace-visible organisation.
 */
export const activitiesRows: Rows = ({ ctx, system, W }) => {
  const db = () => ctx().db;
  /** The caller's own carrier in its own workspace; elsewhere (and for anonymous) any actor. */
  const carrierOf = ({ ws, own, caller }: Cell) =>
    own && caller.userId
      ? linkedCarrier(db(), ws.id, caller.userId)
      : insertTestActor(db(), ws.id, { name: 'Matrixdrager', visibility: 'workspace' });
  const visibleActor = ({ ws }: Cell) =>
    insertTestActor(db(), ws.id, { name: 'Matrixorganisatie', kind: 'organisation' });
  const activityOf = async (cell: Cell, actorId: string) =>
    (
      await createActivity(ctx(), system, cell.ws.id, {
        actorId,
        title: 'Matrixactiviteit',
        startDate: '2025-01-01',
        ...noLinks,
      })
    ).id;
  const initiativeOf = async (cell: Cell, actorId: string) =>
    (
      await createInitiative(ctx(), system, cell.ws.id, {
        name: 'Matrixinitiatief',
        status: 'active',
        ...noLinks,
        participants: [{ actorId, role: 'carrier' }],
      })
    ).id;
  const achievementOf = async (cell: Cell, actorId: string) =>
    (
      await createAchievement(ctx(), system, cell.ws.id, {
        type: 'thanks',
        title: 'Matrixdank',
        occurredOn: '2025-06-01',
        creditedActorIds: [actorId],
      })
    ).id;

  return {
    [`GET ${W}/activities`]: { policy: policy.workspace('directory.read'), success: 200 },
    [`POST ${W}/activities`]: {
      policy: policy.workspace('directory.self'),
      success: 201,
      request: async (cell) => ({
        payload: {
          actorId: (await carrierOf(cell)).id,
          title: 'Taalcafé',
          startDate: '2025-01-01',
          hoursPerWeek: 2,
          ...noLinks,
        },
      }),
    },
    [`GET ${W}/activities/:activityId`]: {
      policy: policy.workspace('directory.read'),
      success: 200,
      request: async (cell) => ({
        params: { activityId: await activityOf(cell, (await visibleActor(cell)).id) },
      }),
    },
    [`PATCH ${W}/activities/:activityId`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => ({
        params: { activityId: await activityOf(cell, (await carrierOf(cell)).id) },
        payload: { title: 'Taalcafé op dinsdag', endDate: '2025-12-31' },
      }),
    },
    [`DELETE ${W}/activities/:activityId`]: {
      policy: policy.workspace('directory.self'),
      success: 204,
      request: async (cell) => ({
        params: { activityId: await activityOf(cell, (await carrierOf(cell)).id) },
      }),
    },

    [`GET ${W}/initiatives`]: { policy: policy.workspace('directory.read'), success: 200 },
    [`POST ${W}/initiatives`]: {
      policy: policy.workspace('directory.self'),
      success: 201,
      request: async (cell) => ({
        payload: {
          name: 'Buurtmoestuin',
          status: 'planned',
          ...noLinks,
          participants: [{ actorId: (await carrierOf(cell)).id, role: 'carrier' }],
        },
      }),
    },
    [`GET ${W}/initiatives/:initiativeId`]: {
      policy: policy.workspace('directory.read'),
      success: 200,
      request: async (cell) => ({
        params: { initiativeId: await initiativeOf(cell, (await visibleActor(cell)).id) },
      }),
    },
    [`PATCH ${W}/initiatives/:initiativeId`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => ({
        params: { initiativeId: await initiativeOf(cell, (await carrierOf(cell)).id) },
        payload: { status: 'ended', endDate: '2025-12-31' },
      }),
    },
    [`DELETE ${W}/initiatives/:initiativeId`]: {
      policy: policy.workspace('directory.self'),
      success: 204,
      request: async (cell) => ({
        params: { initiativeId: await initiativeOf(cell, (await carrierOf(cell)).id) },
      }),
    },

    [`GET ${W}/achievements`]: { policy: policy.workspace('directory.read'), success: 200 },
    [`POST ${W}/achievements`]: {
      policy: policy.workspace('directory.self'),
      success: 201,
      request: async (cell) => ({
        payload: {
          type: 'award',
          title: 'Buurtprijs',
          occurredOn: '2025-05-04',
          source: 'Wijkraad',
          creditedActorIds: [(await carrierOf(cell)).id],
        },
      }),
    },
    [`GET ${W}/achievements/:achievementId`]: {
      policy: policy.workspace('directory.read'),
      success: 200,
      request: async (cell) => ({
        params: { achievementId: await achievementOf(cell, (await visibleActor(cell)).id) },
      }),
    },
    [`PATCH ${W}/achievements/:achievementId`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => ({
        params: { achievementId: await achievementOf(cell, (await carrierOf(cell)).id) },
        payload: { title: 'Dank van de buurt' },
      }),
    },
    [`DELETE ${W}/achievements/:achievementId`]: {
      policy: policy.workspace('directory.self'),
      success: 204,
      request: async (cell) => ({
        params: { achievementId: await achievementOf(cell, (await carrierOf(cell)).id) },
      }),
    },

    [`GET ${W}/actors/:actorId/track-record`]: {
      policy: policy.workspace('directory.read'),
      success: 200,
      request: async (cell) => ({ params: { actorId: (await visibleActor(cell)).id } }),
    },
  };
};
