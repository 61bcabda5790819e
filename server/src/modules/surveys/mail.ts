import { hmac, newToken } from '../../auth/crypto.ts';
import type { AppContext } from '../../context.ts';

// Survey emails and links. A member may have no account (and so no language): each email is
// Dutch first with the English text below it. The email holds the round's title, its closing
// day and the link; never anyone's answers.

interface MailInput {
  workspace: string;
  title: string;
  closesOn: string;
  link: string;
}

const dutchDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${Number(day)}-${Number(m)}-${y}`;
};

export function surveyInviteMail(p: MailInput) {
  return {
    subject: `Netwerkmeting ${p.title} / Network survey`,
    text: `${p.workspace} vraagt u een korte vragenlijst in te vullen over met wie u samenwerkt: de netwerkmeting "${p.title}".\n\nVul hem in via deze persoonlijke link (tot en met ${dutchDate(p.closesOn)}; u kunt tussendoor stoppen en later verder gaan, na het versturen werkt de link niet meer):\n${p.link}\n\nDeel deze link niet: hij is alleen voor u.\n\n---\n\n${p.workspace} asks you to fill in a short questionnaire about whom you work with: the network survey "${p.title}".\n\nUse this personal link (until ${p.closesOn} inclusive; you can stop and continue later, after submitting the link no longer works):\n${p.link}\n\nDo not share this link: it is yours alone.`,
  };
}

export function surveyReminderMail(p: MailInput) {
  return {
    subject: `Herinnering: netwerkmeting ${p.title} / Reminder: network survey`,
    text: `U heeft de netwerkmeting "${p.title}" van ${p.workspace} nog niet verstuurd. De vragenlijst staat open tot en met ${dutchDate(p.closesOn)}:\n${p.link}\n\n---\n\nYou have not yet submitted the network survey "${p.title}" of ${p.workspace}. It is open until ${p.closesOn} inclusive:\n${p.link}`,
  };
}

export const newNonce = () => newToken(16);

/**
 * A member's token: an HMAC of the round, the member and a random nonce under the server's
 * secret. Only its sha256 is stored; the nonce lets a reminder mail the same link again.
 */
export const memberToken = (
  ctx: Pick<AppContext, 'config'>,
  roundId: string,
  actorId: string,
  nonce: string,
) => hmac(ctx.config.sessionSecret, `survey-link:${roundId}:${actorId}:${nonce}`);

export const surveyLink = (ctx: Pick<AppContext, 'config'>, token: string) =>
  `${ctx.config.publicUrl}/meting/${token}`;
