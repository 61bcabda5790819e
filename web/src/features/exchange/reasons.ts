import type { TFunction } from 'i18next';
import type { Reason } from './report.ts';

/** One translated sentence per problem code of the actors import (server: exchange module). */
export function reasonText(reason: Reason, t: TFunction): string {
  const column = reason.column ?? '';
  const [value = '', other = ''] = reason.values;
  switch (reason.code) {
    case 'required':
      return t('exchange.reasons.required', { column });
    case 'too_long':
      return t('exchange.reasons.tooLong', { column });
    case 'invalid_kind':
      return t('exchange.reasons.invalidKind', { value });
    case 'invalid_org_kind':
      return t('exchange.reasons.invalidOrgKind', { value });
    case 'invalid_website':
      return t('exchange.reasons.invalidWebsite', { value });
    case 'invalid_kvk':
      return t('exchange.reasons.invalidKvk', { value });
    case 'invalid_email':
      return t('exchange.reasons.invalidEmail', { value });
    case 'invalid_phone':
      return t('exchange.reasons.invalidPhone', { value });
    case 'not_for_persons':
      return t('exchange.reasons.notForPersons', { column });
    case 'invalid_visibility':
      return t('exchange.reasons.invalidVisibility', { value });
    case 'invalid_area_code':
      return t('exchange.reasons.invalidAreaCode', { value });
    case 'unknown_area':
      return t('exchange.reasons.unknownArea', { value });
    case 'unknown_domain':
      return t('exchange.reasons.unknownDomain', { value });
    case 'unknown_target_group':
      return t('exchange.reasons.unknownTargetGroup', { value });
    case 'already_exists':
      return t('exchange.reasons.alreadyExists');
    case 'duplicate_name':
      return t('exchange.reasons.duplicateName', { row: value });
    case 'invalid_encoding':
      return t('exchange.reasons.invalidEncoding');
    case 'text_after_quote':
      return t('exchange.reasons.textAfterQuote');
    case 'unclosed_quote':
      return t('exchange.reasons.unclosedQuote');
    case 'unknown_column':
      return t('exchange.reasons.unknownColumn', { value });
    case 'duplicate_column':
      return t('exchange.reasons.duplicateColumn', { value, other });
    case 'unnamed_column':
      return t('exchange.reasons.unnamedColumn', { value });
    case 'missing_column':
      return t('exchange.reasons.missingColumn');
    case 'empty_file':
      return t('exchange.reasons.emptyFile');
    case 'no_rows':
      return t('exchange.reasons.noRows');
    case 'invalid_base64':
    case 'invalid_xlsx':
      return t('exchange.reasons.invalidXlsx');
    case 'too_many_rows':
      return t('exchange.reasons.tooManyRows');
    case 'private_without_consent':
      return t('exchange.reasons.privateWithoutConsent');
    default:
      return reason.column
        ? t('exchange.reasons.otherInColumn', { column })
        : t('exchange.reasons.other');
  }
}
