import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime } from '../../http/route-schema.ts';
import { dateOut, isoDate, longText } from '../activities/schema.ts';
import { perMonth } from './schema.ts';

// Deliveries (check-ins): what was given or received against a commitment, on a day.

export const deliveryBody = z.strictObject({
  deliveredOn: isoDate.describe(
    'The day it was delivered; within the commitment, not later than today',
  ),
  amount: perMonth.describe('How much, in the commitment’s unit (cents for money)'),
  note: longText.nullable().optional().describe('What was delivered, as text'),
});

export const deliveryListQuery = pageQuery;

export const deliverySchema = z.object({
  id: z.string(),
  commitmentId: z.string(),
  deliveredOn: dateOut,
  amount: z.number().int(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});

export type DeliveryInput = z.infer<typeof deliveryBody>;
export type DeliveryOut = z.infer<typeof deliverySchema>;
