import type { TFunction } from 'i18next';
import type { FieldSpec } from '../../lib/form.ts';
import type { PersonChanges } from './data.ts';
import type { Codes } from './form-errors.ts';
import type { LinkValues } from './links-fields.tsx';
import { linkFieldIds } from './links-fields.tsx';
import { newRoleRow, roleSpecs, type RoleRow } from './roles-fields.tsx';
import {
  carrierRoles,
  includes,
  type ActorDetail,
  type Consent,
  type ContactChannel,
  type Visibility,
} from './types.ts';
import {
  checkEmail,
  checkPastDate,
  checkPeriod,
  checkPhone,
  checkText,
  limits,
  orNull,
} from './validation.ts';

export interface PersonValues extends LinkValues {
  name: string;
  carries: string;
  bio: string;
  roles: RoleRow[];
  email: string;
  phone: string;
  channels: ContactChannel[];
  contactNote: string;
  visibility: Visibility;
  consentRecorded: boolean;
  consentGivenOn: string;
  consentTextVersion: string;
}

export function personInitial(actor?: ActorDetail): PersonValues {
  return {
    name: actor?.name ?? '',
    carries: actor?.carries ?? '',
    bio: actor?.bio ?? '',
    roles: (actor?.roles ?? []).map((r) =>
      newRoleRow({ role: r.role, startDate: r.startDate ?? '', endDate: r.endDate ?? '' }),
    ),
    areaIds: actor?.areaIds ?? [],
    domainIds: actor?.domainIds ?? [],
    targetGroupIds: actor?.targetGroupIds ?? [],
    email: actor?.email ?? '',
    phone: actor?.phone ?? '',
    channels: actor?.contactPreferences?.channels ?? [],
    contactNote: actor?.contactPreferences?.note ?? '',
    visibility: actor?.visibility ?? 'private',
    consentRecorded: Boolean(actor?.consent),
    consentGivenOn: actor?.consent?.givenOn ?? '',
    consentTextVersion: actor?.consent?.textVersion ?? '',
  };
}

/** Field specs by JSON pointer, in the order of the form (the error summary follows it). */
export function personSpecs(form: string, values: PersonValues, t: TFunction) {
  const links = linkFieldIds(form);
  const specs: Record<string, FieldSpec> = {
    '/name': { id: `${form}-name`, label: t('actors.fields.name') },
    '/carries': { id: `${form}-carries`, label: t('actors.fields.carries') },
    '/bio': { id: `${form}-bio`, label: t('actors.fields.bio') },
  };
  values.roles.forEach((_row, i) => Object.assign(specs, roleSpecs(form, i, t)));
  specs['/roles'] = { id: `${form}-roles-add`, label: t('actors.fields.roles') };
  specs['/areaIds'] = { id: links.areas, label: t('actors.fields.areas') };
  specs['/domainIds'] = { id: links.domains, label: t('actors.fields.domains') };
  specs['/targetGroupIds'] = { id: links.targetGroups, label: t('actors.fields.targetGroups') };
  specs['/email'] = { id: `${form}-email`, label: t('fields.email') };
  specs['/phone'] = { id: `${form}-phone`, label: t('actors.fields.phone') };
  specs['/contactPreferences/channels'] = {
    id: `${form}-channel-0`,
    label: t('actors.fields.channels'),
  };
  specs['/contactPreferences/note'] = {
    id: `${form}-contact-note`,
    label: t('actors.fields.contactNote'),
  };
  specs['/consent'] = { id: `${form}-consent`, label: t('actors.fields.consent') };
  specs['/consent/givenOn'] = { id: `${form}-consent-date`, label: t('actors.fields.consentDate') };
  specs['/consent/textVersion'] = {
    id: `${form}-consent-version`,
    label: t('actors.fields.consentTextVersion'),
  };
  specs['/visibility'] = { id: `${form}-visibility`, label: t('actors.fields.visibility') };
  return specs;
}

/**
 * The server's rules, checked before sending. `consentNeeded`: a person becomes visible only with
 * recorded consent, unless the carrier changes their own record (that is their own consent).
 */
export function validatePerson(values: PersonValues, consentNeeded: boolean): Codes {
  const codes: Codes = {};
  checkText(codes, '/name', values.name, limits.name, true);
  checkText(codes, '/carries', values.carries, limits.carries);
  checkText(codes, '/bio', values.bio, limits.bio);
  values.roles.forEach((row, i) => {
    if (!includes(carrierRoles, row.role)) codes[`/roles/${i}/role`] = 'required';
    checkPeriod(
      codes,
      { start: `/roles/${i}/startDate`, end: `/roles/${i}/endDate` },
      row.startDate,
      row.endDate,
    );
  });
  checkEmail(codes, '/email', values.email);
  checkPhone(codes, '/phone', values.phone);
  checkText(codes, '/contactPreferences/note', values.contactNote, limits.note);
  if (values.consentRecorded) {
    checkPastDate(codes, '/consent/givenOn', values.consentGivenOn);
    checkText(codes, '/consent/textVersion', values.consentTextVersion, limits.textVersion, true);
  }
  if (consentNeeded && values.visibility !== 'private' && !values.consentRecorded) {
    codes['/visibility'] = 'consent_required';
  }
  return codes;
}

/** The fields every save sends (create adds `kind` and `consent`). */
export function personChanges(values: PersonValues): PersonChanges {
  const note = orNull(values.contactNote);
  return {
    name: values.name.trim(),
    carries: orNull(values.carries),
    bio: orNull(values.bio),
    roles: values.roles.flatMap((row) =>
      includes(carrierRoles, row.role)
        ? [{ role: row.role, startDate: row.startDate || null, endDate: row.endDate || null }]
        : [],
    ),
    areaIds: values.areaIds,
    domainIds: values.domainIds,
    targetGroupIds: values.targetGroupIds,
    contactPreferences: values.channels.length || note ? { channels: values.channels, note } : null,
    email: orNull(values.email),
    phone: orNull(values.phone),
    visibility: values.visibility,
  };
}

export function consentOf(values: PersonValues): Consent | null {
  return values.consentRecorded
    ? { givenOn: values.consentGivenOn, textVersion: values.consentTextVersion.trim() }
    : null;
}

/** For an edit: the consent to record (changed), to withdraw (null) or to leave (undefined). */
export function consentChange(
  values: PersonValues,
  actor: ActorDetail,
): Consent | null | undefined {
  const next = consentOf(values);
  const before = actor.consent;
  if (!next) return before ? null : undefined;
  if (before && before.givenOn === next.givenOn && before.textVersion === next.textVersion) {
    return undefined;
  }
  return next;
}
