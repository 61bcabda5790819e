import { z } from 'zod';
import { commitmentRecipientTypes } from '../../db/types.ts';
import { uuid } from '../../http/route-schema.ts';
import { isoDate, longText, nullableDate } from '../activities/schema.ts';
import { renewal } from './match-schema.ts';
import { perMonth } from './schema.ts';

// A commitment recorded directly by the provider side, not from a match: to a carrier or
// organisation, an initiative or an alliance of the workspace.

export const commitmentCreateBody = z.strictObject({
  offerId: uuid.describe('The offer the support comes from (its capacity is used)'),
  recipientType: z
    .enum(commitmentRecipientTypes)
    .describe('actor (a carrier or organisation), initiative or alliance'),
  recipientId: uuid.optional().describe('recipientType actor: the receiving actor'),
  recipientInitiativeId: uuid.optional().describe('recipientType initiative: the initiative'),
  recipientAllianceId: uuid.optional().describe('recipientType alliance: the alliance'),
  amountPerMonth: perMonth,
  startDate: isoDate,
  endDate: nullableDate.describe('null: open-ended'),
  renewal: renewal.optional().describe('Default: none'),
  renewalNote: longText.nullable().optional().describe('Renewal terms, as text'),
});

export type CommitmentCreate = z.infer<typeof commitmentCreateBody>;
