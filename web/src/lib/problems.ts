import type { TFunction } from 'i18next';
import { isApiProblem } from '../api/client.ts';

/** "Try again in …" for a 429, in seconds or whole minutes. */
export function waitMessage(retryAfter: number | null, t: TFunction): string {
  if (retryAfter === null) return t('errors.rateLimited');
  if (retryAfter < 120) return t('errors.rateLimitedSeconds', { count: Math.max(1, retryAfter) });
  return t('errors.rateLimitedMinutes', { count: Math.ceil(retryAfter / 60) });
}

/** One translated sentence for any failure; server `detail` texts are English and never shown. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiProblem(error)) return t('errors.generic');
  if (error.status === 429) return waitMessage(error.retryAfter, t);
  switch (error.code) {
    case 'network_error':
      return t('errors.network');
    case 'invalid_credentials':
      return t('errors.invalidCredentials');
    case 'token_invalid':
      return t('errors.tokenInvalid');
    case 'last_admin':
      return t('errors.lastAdmin');
    case 'validation_failed':
      return t('errors.validation');
    case 'login_required':
      return t('errors.loginRequired');
    case 'email_taken':
      return t('errors.emailTaken');
    case 'already_invited':
      return t('errors.alreadyInvited');
    case 'already_member':
      return t('errors.alreadyMember');
    case 'csrf_failed':
      return t('errors.csrfFailed');
  }
  if (error.status === 401) return t('errors.unauthenticated');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status >= 400 && error.status < 500) return t('errors.validation');
  return t('errors.server');
}

/** A field-level message for an error code from `errors[]` (server) or the client checks. */
export function fieldMessage(
  code: string,
  field: { label: string; password?: boolean },
  t: TFunction,
): string {
  const opts = { field: field.label };
  switch (code) {
    case 'required':
    case 'invalid_type':
      return t('errors.field.required', opts);
    case 'too_small':
    case 'too_short':
      return field.password ? t('errors.field.passwordTooShort') : t('errors.field.tooShort', opts);
    case 'too_big':
    case 'too_long':
      return t('errors.field.tooLong', opts);
    case 'invalid_format':
    case 'invalid_string':
    case 'invalid_email':
    case 'format':
      return t('errors.field.invalidFormat', opts);
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'enum':
      return t('errors.field.invalidChoice', opts);
    case 'password_too_common':
      return t('errors.field.passwordTooCommon');
    case 'password_mismatch':
      return t('errors.field.passwordMismatch');
    case 'invalid_credentials':
      return t('errors.field.currentPasswordWrong');
    case 'already_invited':
      return t('errors.alreadyInvited');
    case 'already_member':
      return t('errors.alreadyMember');
    case 'end_before_start':
      return t('errors.field.endBeforeStart', opts);
    case 'beyond_capacity':
      return t('errors.field.beyondCapacity', opts);
    case 'negative_amount':
      return t('errors.field.notPositive', opts);
    default:
      return t('errors.field.invalid', opts);
  }
}
