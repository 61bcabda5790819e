import { z } from 'zod';
import {
  consentDecisions,
  consentMethods,
  consentPurposes,
  studyRoles,
  studyStatuses,
} from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { email, isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, isoDate, text } from '../activities/schema.ts';

// Research (issue 8): studies, their team, participants and consent. Researcher-facing answers
// carry pseudonyms only: no actor id, name or email of a participant appears in any schema below
// except reIdentificationSchema, the steward's audited answer.

const status = z
  .enum(studyStatuses)
  .describe('draft (being prepared), active (collecting data) or closed (no new participants)');
const purpose = z
  .enum(consentPurposes)
  .describe(
    'participation (deelname), recording (opname), reuse (hergebruik) or recontact (contact voor latere golven)',
  );

export const studyParams = workspaceParams.extend({ studyId: uuid.describe('Study id') });
export const memberParams = studyParams.extend({ userId: uuid.describe('User id') });
export const participantParams = studyParams.extend({
  participantId: uuid.describe('Participant id'),
});

export const studyCreateBody = z.strictObject({
  title: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  status: status.optional().describe('draft by default'),
  workspaceIds: z
    .array(uuid)
    .max(50)
    .optional()
    .describe(
      'Further workspaces the study spans (the caller must administer each); this one always',
    ),
});
export const studyUpdateBody = z.strictObject({
  title: text(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  status: status.optional(),
});

export const stewardBody = z.strictObject({
  email: email.describe('A user with the researcher role in one of the study’s workspaces'),
});
export const memberBody = stewardBody;

const teamMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(studyRoles),
  createdAt: isoDateTime,
});

export const studySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status,
  workspaceIds: z.array(z.string()).describe('Every workspace the study spans'),
  steward: teamMember.nullable(),
  myRole: z.enum(studyRoles).nullable().describe('The caller’s role on the team, if any'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const teamSchema = z.object({ items: z.array(teamMember) });

export const participantCreateBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('actor'),
    actorId: uuid.describe('A carrier (person) of one of the study’s workspaces'),
  }),
  z.strictObject({
    kind: z.literal('external'),
    name: text(200).describe('Stored encrypted; only the steward reads it back'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Must be a valid email address' }).max(254))
      .meta({ format: 'email' })
      .describe('Stored encrypted; its normalised form keys the pseudonym'),
  }),
]);

const consentState = z.enum(['given', 'withdrawn', 'none']);
export const consentStatesSchema = z
  .object(
    Object.fromEntries(consentPurposes.map((p) => [p, consentState])) as {
      [K in (typeof consentPurposes)[number]]: typeof consentState;
    },
  )
  .describe('The latest decision per purpose (none: never asked)');

export const participantSchema = z
  .object({
    id: z.string(),
    pseudonym: z.string().describe('P- and 10 (rarely more) base32 characters, stable per study'),
    consent: consentStatesSchema,
    mayCollect: z.boolean().describe('Participation is given: new data may be collected'),
    exportable: z.boolean().describe('Included in the next export'),
    createdAt: isoDateTime,
  })
  .describe('A participant as the research team sees it: a pseudonym, never an identity');

export const participantListQuery = pageQuery;

export const reIdentifyBody = z.strictObject({
  reason: text(500).describe('Why the identity is needed; stored encrypted with the audit trail'),
});
export const reIdentificationSchema = z.object({
  participantId: z.string(),
  pseudonym: z.string(),
  kind: z.enum(['actor', 'external']),
  actorId: z.string().nullable().describe('null for external participants, or when erased'),
  name: z.string().nullable(),
  email: z.string().nullable(),
  auditedAt: isoDateTime,
});

export const consentBody = z.strictObject({
  purpose,
  decision: z.enum(consentDecisions),
  method: z.enum(consentMethods).describe('written, verbal or online'),
  letterVersion: text(50)
    .optional()
    .describe('Version of the information letter; required when consent is given'),
  date: isoDate.optional().describe('The day of the decision; today when left out'),
  note: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('Stored encrypted; read back by the steward only, and every read is audited'),
});

export const consentEventSchema = z.object({
  id: z.string(),
  purpose,
  decision: z.enum(consentDecisions),
  method: z.enum(consentMethods),
  letterVersion: z.string().nullable(),
  date: dateOut,
  note: z.string().nullable().optional().describe('Only in the steward’s answers'),
  recordedAt: isoDateTime,
});
export const consentHistorySchema = z.object({
  participantId: z.string(),
  pseudonym: z.string(),
  consent: consentStatesSchema,
  mayCollect: z.boolean(),
  exportable: z.boolean(),
  history: z.array(consentEventSchema).describe('Every decision, oldest first (append-only)'),
});

export type StudyCreate = z.infer<typeof studyCreateBody>;
export type StudyUpdate = z.infer<typeof studyUpdateBody>;
export type StudyOut = z.infer<typeof studySchema>;
export type TeamMemberOut = z.infer<typeof teamMember>;
export type ParticipantCreate = z.infer<typeof participantCreateBody>;
export type ParticipantOut = z.infer<typeof participantSchema>;
export type ReIdentification = z.infer<typeof reIdentificationSchema>;
export type ConsentInput = z.infer<typeof consentBody>;
export type ConsentEventOut = z.infer<typeof consentEventSchema>;
export type ConsentHistory = z.infer<typeof consentHistorySchema>;
