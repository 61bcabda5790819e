import type { TFunction } from 'i18next';
import { useState } from 'react';
import { isApiProblem } from '../../api/client.ts';
import type { FieldSpec, FieldSpecs, FormErrors } from '../../lib/form.ts';
import { fieldMessage, problemMessage } from '../../lib/problems.ts';

/**
 * Actor forms hold nested values (roles, consent, id lists), so their fields are named by the JSON
 * pointer the server uses in `errors[]` (`/name`, `/consent/givenOn`, `/roles/0/endDate`). A
 * server error lands on the field with the longest matching pointer; one that matches no field
 * becomes the general message.
 */
export type Pointer = string;
export type Codes = Partial<Record<Pointer, string>>;

export function fieldFor(pointer: string, specs: FieldSpecs<Pointer>): Pointer | null {
  let best: Pointer | null = null;
  for (const key of Object.keys(specs)) {
    const matches = pointer === key || pointer.startsWith(`${key}/`);
    if (matches && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

/** Messages for the rules of actors, on top of the generic field messages. */
export function actorFieldMessage(code: string, spec: FieldSpec, t: TFunction): string {
  const opts = { field: spec.label };
  switch (code) {
    case 'consent_required':
      return t('actors.errors.consentRequired');
    case 'end_before_start':
      return t('actors.errors.endBeforeStart', opts);
    case 'future_date':
      return t('actors.errors.futureDate', opts);
    case 'unknown_area':
    case 'unknown_term':
    case 'unknown_actor':
      return t('actors.errors.unknownChoice', opts);
    case 'duplicate':
      return t('actors.errors.duplicate', opts);
    case 'wrong_actor_kind':
      return t('actors.errors.wrongActorKind', opts);
    case 'kvk_format':
      return t('actors.errors.kvk');
    case 'url_format':
      return t('actors.errors.url', opts);
    default:
      return fieldMessage(code, spec, t);
  }
}

export function problemFieldErrors(
  error: unknown,
  specs: FieldSpecs<Pointer>,
  t: TFunction,
): FormErrors<Pointer> {
  if (!error) return { fields: {}, general: null };
  const fields: Partial<Record<Pointer, string>> = {};
  let unmatched = false;
  for (const item of isApiProblem(error) ? error.errors : []) {
    const key = item.location === 'body' ? fieldFor(item.pointer, specs) : null;
    const spec = key ? specs[key] : undefined;
    if (key && spec) fields[key] ??= actorFieldMessage(item.code, spec, t);
    else unmatched = true;
  }
  const general = unmatched || Object.keys(fields).length === 0 ? problemMessage(error, t) : null;
  return { fields, general };
}

/**
 * Values of any shape, client check codes by pointer and an attempt counter (the error summary
 * remounts, and takes focus, on every failed submit).
 */
export function useActorForm<V>(initial: V) {
  const [values, setValues] = useState(initial);
  const [clientCodes, setClientCodes] = useState<Codes | null>(null);
  const [attempt, setAttempt] = useState(0);

  const set = (changes: Partial<V>) => setValues((current) => ({ ...current, ...changes }));

  /** Runs the client checks; returns true when the form may be sent. */
  const check = (validate: (values: V) => Codes): boolean => {
    setAttempt((n) => n + 1);
    const codes = validate(values);
    if (Object.keys(codes).length > 0) {
      setClientCodes(codes);
      return false;
    }
    setClientCodes(null);
    return true;
  };

  const errors = (
    specs: FieldSpecs<Pointer>,
    serverError: unknown,
    t: TFunction,
  ): FormErrors<Pointer> => {
    if (!clientCodes) return problemFieldErrors(serverError, specs, t);
    const fields: Partial<Record<Pointer, string>> = {};
    for (const [pointer, code] of Object.entries(clientCodes)) {
      const key = code ? fieldFor(pointer, specs) : null;
      const spec = key ? specs[key] : undefined;
      if (key && spec && code) fields[key] ??= actorFieldMessage(code, spec, t);
    }
    return { fields, general: null };
  };

  return { values, set, check, errors, attempt };
}
