import type { TFunction } from 'i18next';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiProblem } from '../api/client.ts';
import { fieldMessage, problemMessage } from './problems.ts';

export interface FieldSpec {
  /** The element id; unique on the page. */
  id: string;
  label: string;
  /** Password fields get the password-specific length message. */
  password?: boolean;
}

export type FieldSpecs<F extends string> = Record<F, FieldSpec>;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  general: string | null;
}

const hasOwn = <F extends string>(specs: FieldSpecs<F>, key: string): key is F =>
  Object.prototype.hasOwnProperty.call(specs, key);

/**
 * Maps a problem's `errors[].pointer` (e.g. `/password`) to the form's fields. Errors that belong
 * to no field, and problems without `errors[]`, become one general message.
 */
export function problemErrors<F extends string>(
  error: unknown,
  specs: FieldSpecs<F>,
  t: TFunction,
): FormErrors<F> {
  if (!error) return { fields: {}, general: null };
  const fields: FieldErrors<F> = {};
  let unmatched = false;
  for (const item of isApiProblem(error) ? error.errors : []) {
    const key = item.pointer.split('/')[1] ?? '';
    if (item.location === 'body' && hasOwn(specs, key)) {
      fields[key] ??= fieldMessage(item.code, specs[key], t);
    } else {
      unmatched = true;
    }
  }
  const general = unmatched || Object.keys(fields).length === 0 ? problemMessage(error, t) : null;
  return { fields, general };
}

export type Values<F extends string> = Record<F, string>;

/** Client-side checks that run before anything is sent. */
export type Validate<F extends string> = (values: Values<F>) => Partial<Record<F, string>>;

/** `required` check producing codes that `fieldMessage` translates. */
export function requiredCodes<F extends string>(values: Values<F>, required: readonly F[]) {
  const codes: Partial<Record<F, string>> = {};
  for (const name of required) if (!values[name].trim()) codes[name] = 'required';
  return codes;
}

/**
 * Form state: values, client-side error codes and an attempt counter (so the error summary
 * remounts, and takes focus, on every failed submit).
 */
export function useForm<F extends string>(initial: Values<F>) {
  const [values, setValues] = useState(initial);
  const [clientCodes, setClientCodes] = useState<Partial<Record<F, string>> | null>(null);
  const [attempt, setAttempt] = useState(0);

  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const onSubmit = (validate: Validate<F>, send: (values: Values<F>) => void) => {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setAttempt((n) => n + 1);
      const codes = validate(values);
      if (Object.keys(codes).length > 0) {
        setClientCodes(codes);
        return;
      }
      setClientCodes(null);
      send(values);
    };
  };

  /** Client errors win; otherwise the server's problem (if any) is mapped onto the fields. */
  const errors = (specs: FieldSpecs<F>, serverError: unknown, t: TFunction): FormErrors<F> => {
    if (!clientCodes) return problemErrors(serverError, specs, t);
    const fields: FieldErrors<F> = {};
    for (const name of Object.keys(clientCodes) as F[]) {
      const code = clientCodes[name];
      if (code) fields[name] = fieldMessage(code, specs[name], t);
    }
    return { fields, general: null };
  };

  const reset = () => {
    setValues(initial);
    setClientCodes(null);
  };

  return { values, setValues, field, onSubmit, errors, attempt, reset };
}
