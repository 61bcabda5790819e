import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Language } from '../../db/types.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { partyAddresses } from './reminder-repo.ts';

// End-of-term reminders of commitments, recorded in the outbox in the transaction that records
// the reminder as sent, so each exists exactly when the other does.

export interface EndingCommitment {
  id: string;
  workspace_id: string;
  end_date: string | null;
  slug: string;
  title: string;
  recipient_name: string;
  recipient_user_id: string | null;
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

/** Mails both parties of the commitment; returns how many emails were queued. */
export async function notifyEnding(
  ctx: AppContext,
  db: Db,
  c: EndingCommitment,
  days: number,
): Promise<number> {
  const link = `${ctx.config.publicUrl}/w/${c.slug}/steun/toezeggingen/${c.id}`;
  const to = await partyAddresses(db, c.workspace_id, c.recipient_user_id);
  for (const u of to)
    await enqueueEmail(ctx, db, { to: u.email, ...message(u.language, c, days, link) });
  return to.length;
}
