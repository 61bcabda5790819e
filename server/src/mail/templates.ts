import type { Language } from '../db/types.ts';

/** Outgoing email texts, Dutch first. Plain text: no tracking, no remote content. */

interface Message {
  subject: string;
  text: string;
}

type Template<P> = Record<Language, (p: P) => Message>;

export const invitationMail: Template<{
  workspace: string;
  inviter: string;
  link: string;
  days: number;
}> = {
  nl: (p) => ({
    subject: `Uitnodiging voor ${p.workspace} op Wijkdragers`,
    text: `${p.inviter} nodigt u uit voor de werkruimte ${p.workspace} op Wijkdragers.\n\nAccepteer de uitnodiging via deze link (${p.days} dagen geldig, één keer te gebruiken):\n${p.link}\n\nVerwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.`,
  }),
  en: (p) => ({
    subject: `Invitation to ${p.workspace} on Wijkdragers`,
    text: `${p.inviter} invites you to the workspace ${p.workspace} on Wijkdragers.\n\nAccept the invitation with this link (valid for ${p.days} days, single use):\n${p.link}\n\nNot expecting this? You can ignore this message.`,
  }),
};

export const resetMail: Template<{ link: string; minutes: number }> = {
  nl: (p) => ({
    subject: 'Nieuw wachtwoord instellen voor Wijkdragers',
    text: `U heeft gevraagd om een nieuw wachtwoord.\n\nStel het in via deze link (${p.minutes} minuten geldig, één keer te gebruiken):\n${p.link}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen; uw wachtwoord blijft hetzelfde.`,
  }),
  en: (p) => ({
    subject: 'Set a new password for Wijkdragers',
    text: `You asked for a new password.\n\nSet it with this link (valid for ${p.minutes} minutes, single use):\n${p.link}\n\nDid not ask for this? Then there is nothing to do; your password stays the same.`,
  }),
};

export const passwordChangedMail: Template<Record<string, never>> = {
  nl: () => ({
    subject: 'Uw wachtwoord voor Wijkdragers is gewijzigd',
    text: 'Uw wachtwoord is zojuist gewijzigd en al uw sessies zijn beëindigd.\n\nWas u dit niet? Vraag dan direct een nieuw wachtwoord aan en neem contact op met de beheerder van uw werkruimte.',
  }),
  en: () => ({
    subject: 'Your Wijkdragers password was changed',
    text: 'Your password was just changed and all your sessions were ended.\n\nNot you? Request a new password at once and contact the administrator of your workspace.',
  }),
};

/** A check-in reminder: only a link, never scores, text or the carrier's name. */
export const checkInReminderMail: Template<{ link: string }> = {
  nl: (p) => ({
    subject: 'Tijd voor een korte check-in',
    text: `Hoe gaat het met u als drager? Een korte check-in over werklast, energie en steun kost een paar minuten. Wat u invult, ziet alleen u (en wie u dat zelf laat zien).\n\n${p.link}\n\nU krijgt dit bericht omdat u herinneringen hebt aangezet. Op dezelfde pagina zet u ze uit of kiest u een andere termijn.`,
  }),
  en: (p) => ({
    subject: 'Time for a short check-in',
    text: `How are you doing as a carrier? A short check-in on workload, energy and support takes a few minutes. What you fill in is seen only by you (and whoever you choose to show it).\n\n${p.link}\n\nYou get this message because you turned reminders on. On the same page you can turn them off or choose another interval.`,
  }),
};
