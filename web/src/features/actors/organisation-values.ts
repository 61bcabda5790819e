import type { TFunction } from 'i18next';
import type { FieldSpec } from '../../lib/form.ts';
import type { OrganisationChanges } from './data.ts';
import type { Codes } from './form-errors.ts';
import { linkFieldIds, type LinkValues } from './links-fields.tsx';
import {
  budgetBands,
  includes,
  organisationKinds,
  sizeClasses,
  type ActorDetail,
  type Visibility,
} from './types.ts';
import { checkEmail, checkPhone, checkText, KVK, limits, orNull, WEBSITE } from './validation.ts';

export interface OrganisationValues extends LinkValues {
  name: string;
  orgKind: string;
  budgetBand: string;
  staffCount: string;
  sizeClassOverride: string;
  kvkNumber: string;
  website: string;
  email: string;
  phone: string;
  bio: string;
  visibility: Visibility;
}

export function organisationInitial(actor?: ActorDetail): OrganisationValues {
  return {
    name: actor?.name ?? '',
    orgKind: actor?.orgKind ?? '',
    budgetBand: actor?.budgetBand ?? '',
    staffCount: actor?.staffCount == null ? '' : String(actor.staffCount),
    sizeClassOverride: actor?.sizeClassOverride ?? '',
    kvkNumber: actor?.kvkNumber ?? '',
    website: actor?.website ?? '',
    email: actor?.email ?? '',
    phone: actor?.phone ?? '',
    bio: actor?.bio ?? '',
    areaIds: actor?.areaIds ?? [],
    domainIds: actor?.domainIds ?? [],
    targetGroupIds: actor?.targetGroupIds ?? [],
    visibility: actor?.visibility ?? 'workspace',
  };
}

export function organisationSpecs(form: string, t: TFunction): Record<string, FieldSpec> {
  const links = linkFieldIds(form);
  return {
    '/name': { id: `${form}-name`, label: t('actors.fields.orgName') },
    '/orgKind': { id: `${form}-kind`, label: t('actors.fields.orgKind') },
    '/bio': { id: `${form}-bio`, label: t('actors.fields.orgBio') },
    '/budgetBand': { id: `${form}-budget`, label: t('actors.fields.budgetBand') },
    '/staffCount': { id: `${form}-staff`, label: t('actors.fields.staffCount') },
    '/sizeClassOverride': { id: `${form}-size`, label: t('actors.fields.sizeClassOverride') },
    '/kvkNumber': { id: `${form}-kvk`, label: t('actors.fields.kvkNumber') },
    '/website': { id: `${form}-website`, label: t('actors.fields.website') },
    '/email': { id: `${form}-email`, label: t('fields.email') },
    '/phone': { id: `${form}-phone`, label: t('actors.fields.phone') },
    '/areaIds': { id: links.areas, label: t('actors.fields.areas') },
    '/domainIds': { id: links.domains, label: t('actors.fields.domains') },
    '/targetGroupIds': { id: links.targetGroups, label: t('actors.fields.targetGroups') },
    '/visibility': { id: `${form}-visibility`, label: t('actors.fields.visibility') },
  };
}

const STAFF_MAX = 1_000_000;

export function validateOrganisation(values: OrganisationValues): Codes {
  const codes: Codes = {};
  checkText(codes, '/name', values.name, limits.name, true);
  if (!includes(organisationKinds, values.orgKind)) codes['/orgKind'] = 'required';
  checkText(codes, '/bio', values.bio, limits.bio);
  const staff = values.staffCount.trim();
  if (staff && (!/^\d+$/.test(staff) || Number(staff) > STAFF_MAX)) {
    codes['/staffCount'] = 'invalid_format';
  }
  const kvk = values.kvkNumber.trim();
  if (kvk && !KVK.test(kvk)) codes['/kvkNumber'] = 'kvk_format';
  const website = values.website.trim();
  if (website && (website.length > limits.website || !WEBSITE.test(website))) {
    codes['/website'] = 'url_format';
  }
  checkEmail(codes, '/email', values.email);
  checkPhone(codes, '/phone', values.phone);
  return codes;
}

export function organisationChanges(values: OrganisationValues): OrganisationChanges {
  const staff = values.staffCount.trim();
  return {
    name: values.name.trim(),
    orgKind: includes(organisationKinds, values.orgKind) ? values.orgKind : 'bedrijf',
    budgetBand: includes(budgetBands, values.budgetBand) ? values.budgetBand : null,
    staffCount: staff ? Number(staff) : null,
    sizeClassOverride: includes(sizeClasses, values.sizeClassOverride)
      ? values.sizeClassOverride
      : null,
    kvkNumber: orNull(values.kvkNumber),
    website: orNull(values.website),
    email: orNull(values.email),
    phone: orNull(values.phone),
    bio: orNull(values.bio),
    areaIds: values.areaIds,
    domainIds: values.domainIds,
    targetGroupIds: values.targetGroupIds,
    visibility: values.visibility,
  };
}
