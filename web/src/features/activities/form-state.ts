import type { TFunction } from 'i18next';
import { useState } from 'react';
import { isApiProblem } from '../../api/client.ts';
import type { FieldSpec, FieldSpecs, FormErrors } from '../../lib/form.ts';
import { problemMessage } from '../../lib/problems.ts';
import { actorFieldMessage, fieldFor, type Codes, type Pointer } from '../actors/form-errors.ts';

/**
 * Forms of activities, initiatives and achievements name their fields by the JSON pointer the
 * server uses in `errors[]` (`/title`, `/participants/0/endDate`), as the actor forms do: a server
 * error lands on the field with the longest matching pointer, one that matches no field becomes
 * the general message.
 */

/** Messages for the rules of these records, on top of the actor and generic field messages. */
export function recordFieldMessage(code: string, spec: FieldSpec, t: TFunction): string {
  const opts = { field: spec.label };
  switch (code) {
    case 'out_of_range':
      return t('activities.errors.outOfRange', opts);
    case 'unknown_initiative':
    case 'wrong_term_kind':
      return t('actors.errors.unknownChoice', opts);
    case 'own_carrier_required':
      return t('activities.errors.ownCarrierRequired');
    case 'archived_term':
      return t('activities.errors.archivedTerm', opts);
    default:
      return actorFieldMessage(code, spec, t);
  }
}

function serverErrors(error: unknown, specs: FieldSpecs<Pointer>, t: TFunction) {
  const fields: Partial<Record<Pointer, string>> = {};
  let unmatched = false;
  for (const item of isApiProblem(error) ? error.errors : []) {
    const key = item.location === 'body' ? fieldFor(item.pointer, specs) : null;
    const spec = key ? specs[key] : undefined;
    if (key && spec) fields[key] ??= recordFieldMessage(item.code, spec, t);
    else unmatched = true;
  }
  const general = unmatched || Object.keys(fields).length === 0 ? problemMessage(error, t) : null;
  return { fields, general };
}

/**
 * Values of any shape, client check codes by pointer and an attempt counter (the error summary
 * remounts, and takes focus, on every failed submit).
 */
export function useRecordForm<V>(initial: V | (() => V)) {
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
    if (!clientCodes) return serverError ? serverErrors(serverError, specs, t) : noErrors;
    const fields: Partial<Record<Pointer, string>> = {};
    for (const [pointer, code] of Object.entries(clientCodes)) {
      const key = code ? fieldFor(pointer, specs) : null;
      const spec = key ? specs[key] : undefined;
      if (key && spec && code) fields[key] ??= recordFieldMessage(code, spec, t);
    }
    return { fields, general: null };
  };

  const reset = (next: V) => {
    setValues(next);
    setClientCodes(null);
  };

  return { values, set, check, errors, attempt, reset };
}

const noErrors: FormErrors<Pointer> = { fields: {}, general: null };

/** Looks up a spec that the form itself defined; a missing one is a programming error. */
export function specOf(specs: FieldSpecs<Pointer>, pointer: Pointer): FieldSpec {
  const found = specs[pointer];
  if (!found) throw new Error(`No field ${pointer}`);
  return found;
}
