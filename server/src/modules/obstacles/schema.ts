import { z } from 'zod';
import {
  allObstacleSubcategories,
  obstacleActorRoles,
  obstacleCategories,
  obstacleEventKinds,
  obstacleSeverities,
  obstacleStatuses,
  ownerKinds,
  reporterKinds,
} from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import {
  idList,
  isoDate,
  longText,
  nullableDate,
  nullableDateOut,
  text,
} from '../activities/schema.ts';

// Request and response shapes of the obstacle register. Text is stored as given and always
// rendered escaped; references (areas, domains, initiative, owner) are checked by the service.

export const category = z
  .enum(obstacleCategories)
  .describe(
    'policy (beleid/regelgeving), bureaucracy (ambtenaren/bureaucratie), funding (financieringsinstrumenten), competition (concurrentie of tegenwerking), other',
  );
export const status = z.enum(obstacleStatuses);
export const severity = z.enum(obstacleSeverities).describe('low, medium, high or critical');

export const obstacleParams = workspaceParams.extend({ obstacleId: uuid.describe('Obstacle id') });

export const obstacleCreateBody = z.strictObject({
  category,
  subcategory: z
    .enum(allObstacleSubcategories)
    .nullable()
    .optional()
    .describe('Finer kind; must belong to the category (bureaucracy and funding have them)'),
  severity,
  title: text(200).describe('A short name for the obstacle'),
  description: text(5000).describe('What happens; stored as text, shown escaped'),
  whatWouldHelp: longText.nullable().optional().describe('What would help'),
  areaIds: idList.describe('Areas of the workspace it concerns'),
  domainIds: idList.describe('Domains (taxonomy terms of kind domain)'),
  initiativeId: uuid.nullable().optional().describe('The affected initiative'),
  anonymous: z
    .boolean()
    .describe(
      'true: nothing links the report to the caller (no account, session or IP; time to the day); the caller cannot withdraw it or follow its history as reporter',
    ),
});

export const endorseBody = z.strictObject({
  context: longText.nullable().optional().describe('How the caller meets the same obstacle'),
});

export const assignBody = z.strictObject({
  ownerId: uuid.describe('The owner who must respond'),
  dueDate: isoDate.describe('When the first response is due, YYYY-MM-DD'),
});

export const respondBody = z.strictObject({
  status: z
    .enum(['acknowledged', 'in_progress', 'resolved', 'unresolvable', 'forwarded'])
    .describe(
      'The next step: reported → acknowledged → in_progress → resolved / unresolvable / forwarded',
    ),
  explanation: longText
    .nullable()
    .optional()
    .describe('Required for unresolvable and forwarded (to whom, and why)'),
  dueDate: nullableDate.optional().describe('When the next response is due'),
});

export const mergeBody = z.strictObject({
  intoId: uuid.describe('The obstacle this one duplicates; its endorsements move there'),
});

export const redactBody = z.strictObject({
  field: z.enum(['title', 'description', 'whatWouldHelp', 'endorsementContext']),
  endorsementId: uuid.optional().describe('For endorsementContext: which endorsement'),
  find: text(500).describe('The exact text to remove (every occurrence)'),
  reason: text(500).describe('Why (logged in the history; the removed text is not)'),
});

export const moderationBody = z.strictObject({
  hidden: z.boolean(),
  reason: text(500).describe('Logged in the history'),
});

export const obstacleListQuery = pageQuery.extend({
  status: status.optional(),
  category: category.optional(),
  ownerId: uuid.optional(),
  mine: z.enum(['reported', 'endorsed', 'owned']).optional().describe('Only the caller’s'),
});

const eventSchema = z.object({
  kind: z.enum(obstacleEventKinds),
  status: status.nullable(),
  note: z.string().nullable(),
  actorRole: z.enum(obstacleActorRoles).describe('In which capacity; never a name'),
  createdAt: isoDateTime,
});

const endorsementSchema = z.object({
  id: z.string(),
  context: z.string().nullable(),
  createdAt: z.string().meta({ format: 'date' }).describe('The day only'),
  mine: z.boolean(),
});

export const obstacleSchema = z.object({
  id: z.string(),
  category,
  subcategory: z.enum(allObstacleSubcategories).nullable(),
  severity,
  title: z.string(),
  description: z.string(),
  whatWouldHelp: z.string().nullable(),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  initiativeId: z.string().nullable(),
  reporterKind: z.enum(reporterKinds),
  status,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: nullableDateOut,
  mergedIntoId: z.string().nullable(),
  hidden: z.boolean(),
  endorsementCount: z.number().int(),
  createdAt: isoDateTime.describe('Anonymous reports: the day only (00:00:00.000Z)'),
  updatedAt: isoDateTime,
});

export const obstacleDetailSchema = obstacleSchema.extend({
  endorsements: z.array(endorsementSchema).describe('Contexts without names'),
  history: z
    .array(eventSchema)
    .nullable()
    .describe(
      'For the named reporter, endorsers, the owner and coordinators; null for everyone else',
    ),
  hiddenReason: z.string().nullable(),
  viewer: z.object({
    isReporter: z.boolean().describe('Only for named reports'),
    hasEndorsed: z.boolean(),
    isOwner: z.boolean(),
    canModerate: z.boolean(),
    nextStatuses: z.array(status).describe('What the caller may answer next, as owner'),
  }),
});

export const ownerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ownerKinds),
  actorId: z.string().nullable(),
  memberUserIds: z.array(z.string()),
});

export const ownerCreateBody = z.strictObject({
  name: text(200),
  kind: z.enum(ownerKinds).describe('organisation (in the directory) or department'),
  actorId: uuid.nullable().optional().describe('The organisation in the directory'),
  memberUserIds: z
    .array(uuid)
    .min(1)
    .max(50)
    .describe('Members of the workspace who respond for it (policy officers or coordinators)'),
});

export type ObstacleCreate = z.infer<typeof obstacleCreateBody>;
export type ObstacleListQuery = z.infer<typeof obstacleListQuery>;
export type Respond = z.infer<typeof respondBody>;
export type Redact = z.infer<typeof redactBody>;
export type OwnerCreate = z.infer<typeof ownerCreateBody>;
export type ObstacleDetail = z.infer<typeof obstacleDetailSchema>;
