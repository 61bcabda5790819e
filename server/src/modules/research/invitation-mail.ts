import { hmac } from '../../auth/crypto.ts';
import type { AppContext } from '../../context.ts';
import { newNonce } from '../surveys/mail.ts';

// Research questionnaire emails and links. A participant may have no account (and so no
// language): each email is Dutch first with the English text below it. The email holds the
// study's and wave's titles, the expiry day and the link; never a pseudonym or an answer.

interface MailInput {
  study: string;
  wave: string;
  expiresAt: string;
  link: string;
}

const dutchDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
};

export function researchInviteMail(p: MailInput) {
  return {
    subject: `Vragenlijst onderzoek ${p.study} / Research questionnaire`,
    text: `U doet mee aan het onderzoek "${p.study}". Wij vragen u de vragenlijst "${p.wave}" in te vullen.\n\nVul hem in via deze persoonlijke link (tot en met ${dutchDate(p.expiresAt)}; uw antwoorden worden tussendoor bewaard, na het versturen werkt de link niet meer):\n${p.link}\n\nDeel deze link niet: hij is alleen voor u. Wilt u niet meer meedoen, laat het de onderzoekers weten; daarna verzamelen wij geen gegevens meer.\n\n---\n\nYou take part in the study "${p.study}". We ask you to fill in the questionnaire "${p.wave}".\n\nUse this personal link (until ${p.expiresAt.slice(0, 10)} inclusive; your answers are saved as you go, after submitting the link no longer works):\n${p.link}\n\nDo not share this link: it is yours alone. If you no longer wish to take part, tell the researchers; no further data will be collected.`,
  };
}

export function researchReminderMail(p: MailInput) {
  return {
    subject: `Herinnering: vragenlijst onderzoek ${p.study} / Reminder: research questionnaire`,
    text: `U heeft de vragenlijst "${p.wave}" van het onderzoek "${p.study}" nog niet verstuurd. De link werkt tot en met ${dutchDate(p.expiresAt)}:\n${p.link}\n\n---\n\nYou have not yet submitted the questionnaire "${p.wave}" of the study "${p.study}". The link works until ${p.expiresAt.slice(0, 10)} inclusive:\n${p.link}`,
  };
}

export { newNonce };

/**
 * A participant's token: an HMAC of the wave, the participant and the invitation's random nonce
 * under the server's secret. Only its sha256 is stored; the nonce lets a reminder mail the same
 * link again.
 */
export const participantToken = (
  ctx: Pick<AppContext, 'config'>,
  waveId: string,
  participantId: string,
  nonce: string,
) => hmac(ctx.config.sessionSecret, `research-link:${waveId}:${participantId}:${nonce}`);

export const questionnaireLink = (ctx: Pick<AppContext, 'config'>, token: string) =>
  `${ctx.config.publicUrl}/onderzoek/vragenlijst/${token}`;
