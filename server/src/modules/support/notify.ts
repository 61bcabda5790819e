import { nowIso, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Language } from '../../db/types.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { notify } from '../notifications/service.ts';
import { partyAddresses } from './reminder-repo.ts';

// End-of-term reminders of commitments, recorded in the outbox and as in-app notifications in the
// transaction that records the reminder as sent, so each exists exactly when the other does.

export interface EndingCommitment {
  id: string;
  workspace_id: string;
  end_date: string | null;
  slug: string;
  title: string;
  recipient_name: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 120);

function message(lang: Language, c: EndingCommitment, days: number, link: string) {
  const title = oneLine(c.title);
  const who = oneLine(c.recipient_name);
  return lang === 'en'
    ? {
        subject: `Commitment ends in ${days} days: ${title}`,
        text: `The commitment “${title}” to ${who} ends on ${c.end_date}. Talk about renewing it or about what comes next.\n\n${link}`,
      }
    : {
        subject: `Toezegging loopt over ${days} dagen af: ${title}`,
        text: `De toezegging “${title}” aan ${who} loopt af op ${c.end_date}. Bespreek een verlenging of wat daarna komt.\n\n${link}`,
      };
}

/**
 * Mails both parties of the commitment (the recipient side: `recipientUserIds`) and leaves each of them an in-app notification (its text
 * rendered in the web app's language); returns how many emails were queued.
 */
export async function notifyEnding(
  ctx: AppContext,
  db: Db,
  c: EndingCommitment,
  days: number,
  recipientUserIds: readonly string[],
): Promise<number> {
  const path = `/w/${c.slug}/steun/toezeggingen/${c.id}`;
  const link = `${ctx.config.publicUrl}${path}`;
  const to = await partyAddresses(db, c.workspace_id, recipientUserIds);
  for (const u of to)
    await enqueueEmail(ctx, db, { to: u.email, ...message(u.language, c, days, link) });
  await notify(db, {
    workspaceId: c.workspace_id,
    userIds: to.map((u) => u.id),
    kind: 'commitment_ending',
    params: {
      commitmentId: c.id,
      title: oneLine(c.title),
      recipientName: oneLine(c.recipient_name),
      endDate: c.end_date ?? '',
      days,
    },
    link: path,
    createdAt: nowIso(ctx),
  });
  return to.length;
}
