import type { TFunction } from 'i18next';
import type { FieldSpec } from '../../lib/form.ts';
import { isIsoDate, today } from '../actors/dates.ts';
import type { Codes } from '../actors/form-errors.ts';
import { checkPeriod, checkText, orNull } from '../actors/validation.ts';
import { linkFieldIds } from './links-fields.tsx';
import type { Picked } from './record-picker.tsx';
import type { ActivityDetail, ActivityInput } from './types.ts';

/** Text limits, as in server/src/modules/activities/schema.ts. */
export const activityLimits = { title: 200, description: 5000, maxHours: 168 } as const;

export interface ActivityValues {
  actor: Picked | null;
  initiative: Picked | null;
  title: string;
  description: string;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  startDate: string;
  /** "Loopt nog": no end date. */
  ongoing: boolean;
  endDate: string;
  hoursPerWeek: string;
}

export function activityInitial(
  activity: ActivityDetail | undefined,
  defaults: { actor: Picked | null; initiative: Picked | null },
): ActivityValues {
  if (!activity) {
    return {
      ...defaults,
      title: '',
      description: '',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      startDate: today(),
      ongoing: true,
      endDate: '',
      hoursPerWeek: '',
    };
  }
  return {
    actor: { id: activity.actorId, label: activity.actorName },
    initiative: activity.initiativeId
      ? { id: activity.initiativeId, label: activity.initiativeName ?? '' }
      : null,
    title: activity.title,
    description: activity.description ?? '',
    areaIds: activity.areaIds,
    domainIds: activity.domainIds,
    targetGroupIds: activity.targetGroupIds,
    startDate: activity.startDate,
    ongoing: activity.endDate === null,
    endDate: activity.endDate ?? '',
    hoursPerWeek: activity.hoursPerWeek === null ? '' : String(activity.hoursPerWeek),
  };
}

/** Field specs by the pointers the server uses in `errors[]`. */
export function activitySpecs(form: string, t: TFunction): Record<string, FieldSpec> {
  const links = linkFieldIds(form);
  return {
    '/actorId': { id: `${form}-actor`, label: t('activities.fields.actor') },
    '/title': { id: `${form}-title`, label: t('activities.fields.title') },
    '/description': { id: `${form}-description`, label: t('activities.fields.description') },
    '/areaIds': { id: links.areas, label: t('actors.fields.areas') },
    '/domainIds': { id: links.domains, label: t('actors.fields.domains') },
    '/targetGroupIds': { id: links.targetGroups, label: t('actors.fields.targetGroups') },
    '/startDate': { id: `${form}-start`, label: t('activities.fields.startDate') },
    '/endDate': { id: `${form}-end`, label: t('activities.fields.endDate') },
    '/hoursPerWeek': { id: `${form}-hours`, label: t('activities.fields.hoursPerWeek') },
    '/initiativeId': { id: `${form}-initiative`, label: t('activities.fields.initiative') },
  };
}

/** Hours as a number: digits with an optional decimal comma or point. */
export function parseHours(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The client checks; the server checks the same and has the last word. */
export function validateActivity(values: ActivityValues): Codes {
  const codes: Codes = {};
  if (!values.actor) codes['/actorId'] = 'required';
  checkText(codes, '/title', values.title, activityLimits.title, true);
  checkText(codes, '/description', values.description, activityLimits.description);
  if (!values.startDate) codes['/startDate'] = 'required';
  else if (!isIsoDate(values.startDate)) codes['/startDate'] = 'invalid_format';
  if (!values.ongoing) {
    if (!values.endDate) codes['/endDate'] = 'required';
    else
      checkPeriod(
        codes,
        { start: '/startDate', end: '/endDate' },
        values.startDate,
        values.endDate,
      );
  }
  const hours = parseHours(values.hoursPerWeek);
  if (hours !== null && !(hours >= 0 && hours <= activityLimits.maxHours)) {
    codes['/hoursPerWeek'] = Number.isNaN(hours) ? 'invalid_format' : 'out_of_range';
  }
  return codes;
}

export function activityInput(values: ActivityValues): ActivityInput {
  return {
    actorId: values.actor?.id ?? '',
    initiativeId: values.initiative?.id ?? null,
    title: values.title.trim(),
    description: orNull(values.description),
    areaIds: values.areaIds,
    domainIds: values.domainIds,
    targetGroupIds: values.targetGroupIds,
    startDate: values.startDate,
    endDate: values.ongoing ? null : values.endDate,
    hoursPerWeek: parseHours(values.hoursPerWeek),
  };
}
