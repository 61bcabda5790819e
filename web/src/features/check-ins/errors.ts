import type { TFunction } from 'i18next';
import { isApiProblem } from '../../api/client.ts';
import type { FieldSpec, FieldSpecs, FormErrors } from '../../lib/form.ts';
import { fieldMessage, problemMessage } from '../../lib/problems.ts';
import { BACKDATE_DAYS } from './types.ts';

/** Messages for the check-in rules (and the client's own checks), on top of the generic ones. */
export function checkInFieldMessage(code: string, spec: FieldSpec, t: TFunction): string {
  switch (code) {
    case 'choose_score':
    case 'out_of_range':
      return t('checkIns.errors.chooseScore', { field: spec.label });
    case 'future_date':
      return t('checkIns.errors.futureDate');
    case 'too_old':
      return t('checkIns.errors.tooOld', { days: BACKDATE_DAYS });
    case 'not_a_member':
      return t('checkIns.errors.notAMember');
    case 'self':
      return t('checkIns.errors.self');
    default:
      return fieldMessage(code, spec, t);
  }
}

const noCarrier = (error: unknown) =>
  isApiProblem(error) && error.errors.some((e) => e.code === 'no_carrier_record');

/**
 * Client codes win; otherwise the server's problem is mapped onto the fields by its pointer
 * (`/date`, `/email`). What belongs to no field becomes one general message.
 */
export function checkInErrors<F extends string>(
  clientCodes: Partial<Record<F, string>> | null,
  serverError: unknown,
  specs: FieldSpecs<F>,
  t: TFunction,
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const has = (key: string): key is F => Object.prototype.hasOwnProperty.call(specs, key);
  if (clientCodes) {
    for (const [key, code] of Object.entries(clientCodes) as [F, string | undefined][])
      if (code) fields[key] = checkInFieldMessage(code, specs[key], t);
    return { fields, general: null };
  }
  if (!serverError) return { fields, general: null };
  let unmatched = false;
  for (const item of isApiProblem(serverError) ? serverError.errors : []) {
    const key = item.pointer.split('/')[1] ?? '';
    if (item.location === 'body' && has(key))
      fields[key] ??= checkInFieldMessage(item.code, specs[key], t);
    else unmatched = true;
  }
  const general = noCarrier(serverError)
    ? t('checkIns.noCarrier')
    : unmatched || Object.keys(fields).length === 0
      ? problemMessage(serverError, t)
      : null;
  return { fields, general };
}
