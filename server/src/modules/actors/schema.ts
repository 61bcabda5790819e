import { z } from 'zod';
import {
  actorKinds,
  budgetBands,
  carrierRoles,
  organisationKinds,
  sizeClasses,
  visibilities,
} from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { email, isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';

export const contactChannels = ['email', 'phone', 'post', 'in_person'] as const;

export const actorKind = z.enum(actorKinds).describe('person (a carrier) or organisation');
export const visibility = z
  .enum(visibilities)
  .describe(
    'private (coordinators and the carrier), workspace (all members) or public (everyone); persons need recorded consent for workspace or public',
  );

/** A calendar date; `format: date` on the nullable wrapper too (NL API Design Rules). */
export const isoDate = z.iso.date().describe('Date, YYYY-MM-DD');
const optionalDate = (what: string) =>
  isoDate.nullable().optional().describe(what).meta({ format: 'date' });
const nullableDate = (what: string) => isoDate.nullable().describe(what).meta({ format: 'date' });

const name = z.string().trim().min(1).max(200).describe('Name as shown in the directory');
const text = (max: number, what: string) =>
  z.string().trim().max(max).nullable().optional().describe(`${what}; empty or null clears it`);
const ids = (what: string) => z.array(uuid).max(100).describe(what);
const areaIds = ids('Areas (gemeente, wijken, buurten) of the workspace where the actor works');
const domainIds = ids('Taxonomy terms of kind domain');
const targetGroupIds = ids('Taxonomy terms of kind target_group');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,38}$/, { error: 'Must be a phone number (digits, spaces, + - ( ))' })
  .describe('Phone number');

export const roleInput = z.strictObject({
  role: z.enum(carrierRoles).describe('A role the carrier plays'),
  startDate: optionalDate('Since when; null or absent when unknown'),
  endDate: optionalDate('Until when; absent while the role continues'),
});

export const contactPreferencesSchema = z.strictObject({
  channels: z
    .array(z.enum(contactChannels))
    .max(contactChannels.length)
    .describe('How the person likes to be contacted, most preferred first'),
  note: z.string().trim().max(500).nullable().optional().describe('E.g. "liever niet op maandag"'),
});

export const consentBody = z.strictObject({
  givenOn: isoDate.describe('The day the person gave consent (not in the future)'),
  textVersion: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe('Version of the consent text the person agreed to, e.g. "2026-01"'),
});

/** Fields of a carrier (person) that the carrier may also edit about themselves. */
const personFields = {
  name,
  carries: text(2000, 'What the person carries in the neighbourhood'),
  bio: text(4000, 'Short biography'),
  roles: z
    .array(roleInput)
    .max(30)
    .describe('Roles the carrier plays, several at once, each with its own period'),
  areaIds,
  domainIds,
  targetGroupIds,
  contactPreferences: contactPreferencesSchema.nullable().optional(),
  email: email.nullable().optional().describe('Email address (personal data)'),
  phone: phone.nullable().optional(),
  visibility: visibility.optional(),
};

const organisationFields = {
  orgKind: z.enum(organisationKinds).describe('Kind of organisation'),
  budgetBand: z.enum(budgetBands).nullable().optional().describe('Yearly budget band (euro)'),
  staffCount: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .nullable()
    .optional()
    .describe('Number of staff (people)'),
  sizeClassOverride: z
    .enum(sizeClasses)
    .nullable()
    .optional()
    .describe('Set the size class by hand; null derives it from budget band and staff'),
  kvkNumber: z
    .string()
    .regex(/^\d{8}$/, { error: 'A KvK number has exactly 8 digits' })
    .nullable()
    .optional()
    .describe('Chamber of Commerce (KvK) number, 8 digits'),
  website: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s/?#]+\.[^\s]*$/i, { error: 'Must be an http(s) address' })
    .nullable()
    .optional()
    .describe('Website, http(s)'),
};

const linkDefaults = {
  areaIds: areaIds.default([]),
  domainIds: domainIds.default([]),
  targetGroupIds: targetGroupIds.default([]),
};

export const personCreateBody = z.strictObject({
  kind: z.literal('person'),
  ...personFields,
  ...linkDefaults,
  roles: personFields.roles.default([]),
  consent: consentBody
    .optional()
    .describe('Consent recorded on the person’s behalf; required for workspace or public'),
  userId: uuid
    .optional()
    .describe('Link the carrier to a member’s account (the member then manages it too)'),
});

export const organisationCreateBody = z.strictObject({
  kind: z.literal('organisation'),
  name,
  ...organisationFields,
  email: email.nullable().optional().describe('General email address'),
  phone: phone.nullable().optional(),
  bio: text(4000, 'What the organisation does'),
  ...linkDefaults,
  visibility: visibility.optional().describe('Default workspace'),
});

export const actorCreateBody = z.discriminatedUnion('kind', [
  personCreateBody,
  organisationCreateBody,
]);

/** One body for both kinds; fields of the other kind are refused by the service. */
export const actorPatchBody = z.strictObject({
  ...personFields,
  name: name.optional(),
  roles: personFields.roles.optional().describe('Replaces all roles'),
  areaIds: areaIds.optional().describe('Replaces all areas'),
  domainIds: domainIds.optional().describe('Replaces all domains'),
  targetGroupIds: targetGroupIds.optional().describe('Replaces all target groups'),
  ...organisationFields,
  orgKind: organisationFields.orgKind.optional(),
  userId: uuid
    .nullable()
    .optional()
    .describe('Coordinators only: link to a member’s account, or null to unlink'),
});

export const carrierCreateBody = z.strictObject({
  ...personFields,
  ...linkDefaults,
  roles: personFields.roles.default([]),
});
export const carrierPatchBody = actorPatchBody.pick({
  name: true,
  carries: true,
  bio: true,
  roles: true,
  areaIds: true,
  domainIds: true,
  targetGroupIds: true,
  contactPreferences: true,
  email: true,
  phone: true,
  visibility: true,
});

export const affiliationCreateBody = z.strictObject({
  counterpartId: uuid.describe(
    'The other party: an organisation when the path names a person, a person when it names an organisation',
  ),
  role: z.string().trim().min(1).max(100).describe('E.g. "vrijwilliger", "bestuurslid"'),
  startDate: optionalDate('Since when'),
  endDate: optionalDate('Until when; absent while it continues'),
});
export const affiliationPatchBody = z.strictObject({
  role: affiliationCreateBody.shape.role.optional(),
  startDate: optionalDate('Since when; null clears it'),
  endDate: optionalDate('Until when; null while it continues'),
});

export const actorListQuery = pageQuery.extend({ kind: actorKind.optional() });
export const actorParams = workspaceParams.extend({ actorId: uuid.describe('Actor id') });
export const affiliationParams = workspaceParams.extend({
  affiliationId: uuid.describe('Affiliation id'),
});

// Responses

export const actorSummarySchema = z.object({
  id: z.string(),
  kind: actorKind,
  name: z.string(),
  carries: z.string().nullable(),
  orgKind: z.enum(organisationKinds).nullable(),
  sizeClass: z.enum(sizeClasses).nullable().describe('Organisations only: small or large'),
  visibility,
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
});

export const roleSchema = z.object({
  id: z.string(),
  role: z.enum(carrierRoles),
  startDate: nullableDate('Since when'),
  endDate: nullableDate('Until when; null while it continues'),
});

export const affiliationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.string(),
  startDate: nullableDate('Since when'),
  endDate: nullableDate('Until when; null while it continues'),
});

export const consentSchema = z.object({
  givenOn: isoDate,
  textVersion: z.string().describe('"self-managed" when the carrier keeps their own record'),
  recordedBy: z.string().nullable().describe('User who recorded it'),
});

export const actorDetailSchema = actorSummarySchema.extend({
  bio: z.string().nullable(),
  budgetBand: z.enum(budgetBands).nullable(),
  staffCount: z.number().int().nullable(),
  sizeClassOverride: z.enum(sizeClasses).nullable(),
  kvkNumber: z.string().nullable(),
  website: z.string().nullable(),
  roles: z.array(roleSchema),
  affiliations: z.array(affiliationSchema).describe('Affiliations with parties the viewer may see'),
  selfManaged: z.boolean().describe('Linked to a user account: the carrier keeps it up to date'),
  userId: z.string().nullable().describe('The linked account; only for coordinators and itself'),
  email: z
    .string()
    .nullable()
    .optional()
    .describe('Absent unless the viewer is a coordinator or the carrier'),
  phone: z.string().nullable().optional().describe('Absent like email'),
  contactPreferences: z
    .object({
      channels: z.array(z.enum(contactChannels)),
      note: z.string().nullable(),
    })
    .nullable()
    .optional()
    .describe('Absent like email'),
  consent: consentSchema
    .nullable()
    .optional()
    .describe('Absent unless the viewer is a coordinator or the carrier; null when none'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export type ActorCreate = z.output<typeof actorCreateBody>;
export type PersonCreate = z.output<typeof personCreateBody>;
export type OrganisationCreate = z.output<typeof organisationCreateBody>;
export type ActorPatch = z.output<typeof actorPatchBody>;
export type CarrierCreate = z.output<typeof carrierCreateBody>;
export type CarrierPatch = z.output<typeof carrierPatchBody>;
export type ConsentInput = z.output<typeof consentBody>;
export type RoleInput = z.output<typeof roleInput>;
export type AffiliationCreate = z.output<typeof affiliationCreateBody>;
export type AffiliationPatch = z.output<typeof affiliationPatchBody>;
export type ActorSummary = z.output<typeof actorSummarySchema>;
export type ActorDetail = z.output<typeof actorDetailSchema>;
export type Affiliation = z.output<typeof affiliationSchema>;
