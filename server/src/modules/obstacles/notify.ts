import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Language, ObstacleStatus } from '../../db/types.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { recipients } from './owners-repo.ts';

// Notifications about obstacles, recorded in the outbox in the transaction of the change. They
// name the obstacle and its new state, never who reported it; an anonymous reporter gets none
// (there is no address to send to, by design).

const statusLabel: Record<Language, Record<ObstacleStatus, string>> = {
  nl: {
    reported: 'gemeld',
    acknowledged: 'erkend',
    in_progress: 'in behandeling',
    resolved: 'opgelost',
    unresolvable: 'niet oplosbaar',
    forwarded: 'doorgezet',
    withdrawn: 'ingetrokken',
    merged: 'samengevoegd',
  },
  en: {
    reported: 'reported',
    acknowledged: 'acknowledged',
    in_progress: 'in progress',
    resolved: 'resolved',
    unresolvable: 'cannot be solved',
    forwarded: 'forwarded',
    withdrawn: 'withdrawn',
    merged: 'merged',
  },
};

export type Notice =
  | { kind: 'assigned'; owner: string; dueDate: string }
  | { kind: 'status'; status: ObstacleStatus }
  | { kind: 'overdue'; dueDate: string };

function message(lang: Language, title: string, n: Notice, link: string) {
  if (lang === 'en') {
    if (n.kind === 'assigned')
      return {
        subject: `Obstacle for ${n.owner}: ${title}`,
        text: `An obstacle was routed to ${n.owner}. A first response is due by ${n.dueDate}.\n\n${link}`,
      };
    if (n.kind === 'overdue')
      return {
        subject: `Response overdue: ${title}`,
        text: `The response to this obstacle was due on ${n.dueDate}.\n\n${link}`,
      };
    return {
      subject: `Obstacle ${statusLabel.en[n.status]}: ${title}`,
      text: `An obstacle you reported or recognised is now: ${statusLabel.en[n.status]}.\n\n${link}`,
    };
  }
  if (n.kind === 'assigned')
    return {
      subject: `Knelpunt voor ${n.owner}: ${title}`,
      text: `Er is een knelpunt aan ${n.owner} toegewezen. Een eerste reactie wordt verwacht vóór ${n.dueDate}.\n\n${link}`,
    };
  if (n.kind === 'overdue')
    return {
      subject: `Reactie te laat: ${title}`,
      text: `De reactie op dit knelpunt werd verwacht op ${n.dueDate}.\n\n${link}`,
    };
  return {
    subject: `Knelpunt ${statusLabel.nl[n.status]}: ${title}`,
    text: `Een knelpunt dat u meldde of herkende is nu: ${statusLabel.nl[n.status]}.\n\n${link}`,
  };
}

export async function notify(
  ctx: AppContext,
  db: Db,
  to: readonly string[],
  obstacle: { id: string; title: string; workspaceSlug: string },
  notice: Notice,
): Promise<void> {
  const link = `${ctx.config.publicUrl}/w/${obstacle.workspaceSlug}/knelpunten/${obstacle.id}`;
  // One line, so a subject cannot carry extra header-like lines.
  const title = obstacle.title.replace(/\s+/g, ' ').slice(0, 120);
  for (const r of await recipients(db, to))
    await enqueueEmail(ctx, db, { to: r.email, ...message(r.language, title, notice, link) });
}
