import { nowIso, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Language } from '../../db/types.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { signalPath, signalsPath } from './notify.ts';

// The daily `overlap-digest` job: each user gets one email per workspace listing their signal
// notifications that are still unread and were not in an earlier digest. Each notification is
// claimed in overlap_digest_items (its primary key) in the transaction that queues the email, so
// it is mailed once however often, or on how many instances, the job runs.

const KINDS = ['overlap_signal_new', 'overlap_signal_changed', 'overlap_signals_detected'] as const;

/** Unread signal notifications of active users not mailed yet, across workspaces. */
const pendingNotices = (db: Db) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .innerJoin('workspaces as w', 'w.id', 'n.workspace_id')
    .select([
      'n.id',
      'n.workspace_id',
      'n.user_id',
      'n.kind',
      'n.params',
      'n.created_at',
      'u.email',
      'u.language',
      'w.slug',
      'w.name as workspace_name',
    ])
    .where('n.kind', 'in', [...KINDS])
    .where('n.read_at', 'is', null)
    .where('u.deactivated_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('overlap_digest_items as d')
            .select('d.notification_id')
            .whereRef('d.notification_id', '=', 'n.id'),
        ),
      ),
    )
    .orderBy('n.user_id')
    .orderBy('n.workspace_id')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();

type Notice = Awaited<ReturnType<typeof pendingNotices>>[number];

async function claim(db: Db, n: Notice, at: string): Promise<boolean> {
  const r = await db
    .insertInto('overlap_digest_items')
    .values({
      notification_id: n.id,
      workspace_id: n.workspace_id,
      user_id: n.user_id,
      mailed_at: at,
    })
    .onConflict((oc) => oc.column('notification_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

const STATE_NL: Record<string, string> = {
  open: 'open',
  seen: 'gezien',
  in_dialogue: 'in gesprek',
  alliance_formed: 'bondgenootschap gevormd',
  resolved: 'opgelost',
  dismissed: 'afgewezen',
};
const STATE_EN: Record<string, string> = {
  open: 'open',
  seen: 'seen',
  in_dialogue: 'in dialogue',
  alliance_formed: 'alliance formed',
  resolved: 'resolved',
  dismissed: 'dismissed',
};

function line(lang: Language, n: Notice, base: string): string {
  let p: Record<string, unknown> = {};
  try {
    p = JSON.parse(n.params) as Record<string, unknown>;
  } catch {
    // A malformed row still gets a line with its link.
  }
  const names = lang === 'en' ? STATE_EN : STATE_NL;
  const state = names[String(p.state)] ?? String(p.state);
  const score = typeof p.score === 'number' ? ` (${p.score}%)` : '';
  if (n.kind === 'overlap_signals_detected') {
    const list = `${base}${signalsPath(n.slug)}`;
    const count = typeof p.count === 'number' ? p.count : 0;
    return lang === 'en'
      ? `- ${count} new overlap signals found: ${list}`
      : `- ${count} nieuwe overlapsignalen gevonden: ${list}`;
  }
  const link = `${base}${signalPath(n.slug, String(p.signalId))}`;
  if (n.kind === 'overlap_signal_new')
    return lang === 'en'
      ? `- New overlap signal${score}: ${link}`
      : `- Nieuw overlapsignaal${score}: ${link}`;
  const from = names[String(p.fromState)] ?? String(p.fromState);
  return lang === 'en'
    ? `- Signal moved from ${from} to ${state}${score}: ${link}`
    : `- Signaal van ${from} naar ${state}${score}: ${link}`;
}

function message(lang: Language, workspaceName: string, lines: string[]) {
  const ws = workspaceName.replace(/\s+/g, ' ').slice(0, 120);
  return lang === 'en'
    ? {
        subject: `Overlap signals in ${ws}: ${lines.length} new event(s)`,
        text: `What happened to the overlap signals you follow:\n\n${lines.join('\n')}\n`,
      }
    : {
        subject: `Overlapsignalen in ${ws}: ${lines.length} nieuwe gebeurtenis(sen)`,
        text: `Dit gebeurde er met de overlapsignalen die u volgt:\n\n${lines.join('\n')}\n`,
      };
}

/** Queues the digests; returns how many emails were queued. */
export async function sendSignalDigests(ctx: AppContext): Promise<number> {
  const pending = await pendingNotices(ctx.db);
  const groups = new Map<string, Notice[]>();
  for (const n of pending) {
    const key = `${n.user_id}|${n.workspace_id}`;
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  let mailed = 0;
  for (const list of groups.values()) {
    const first = list[0]!;
    mailed += await ctx.db.transaction().execute(async (trx) => {
      const at = nowIso(ctx);
      const mine: Notice[] = [];
      for (const n of list) if (await claim(trx, n, at)) mine.push(n);
      if (mine.length === 0) return 0;
      const lines = mine.map((n) => line(first.language, n, ctx.config.publicUrl));
      await enqueueEmail(ctx, trx, {
        to: first.email,
        ...message(first.language, first.workspace_name, lines),
      });
      return 1;
    });
  }
  return mailed;
}
