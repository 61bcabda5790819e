import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { codeOptions, subtreeIds } from './codes.ts';
import { useSaveCode } from './data.ts';
import type { Code } from './types.ts';

type Field = 'name' | 'definition' | 'parentId';

/** Create a code (optionally under a parent) or edit one: rename, define, move to a new parent. */
export function CodeForm(props: {
  slug: string;
  studyId: string;
  idPrefix: string;
  codes: readonly Code[];
  code?: Code;
  parentId?: string;
  onDone: (code: Code) => void;
}) {
  const { slug, studyId, idPrefix, codes, code, onDone } = props;
  const { t } = useTranslation();
  const save = useSaveCode(slug, studyId);
  const [name, setName] = useState(code?.name ?? '');
  const [definition, setDefinition] = useState(code?.definition ?? '');
  const [parentId, setParentId] = useState(code?.parentId ?? props.parentId ?? '');
  const [client, setClient] = useState<Partial<Record<Field, string>> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const specs: FieldSpecs<Field> = {
    name: { id: `${idPrefix}-name`, label: t('researchAnalysis.codebook.name') },
    definition: { id: `${idPrefix}-definition`, label: t('researchAnalysis.codebook.definition') },
    parentId: { id: `${idPrefix}-parent`, label: t('researchAnalysis.codebook.parent') },
  };
  let errors: FormErrors<Field>;
  if (client) errors = { fields: client, general: null };
  else if (isApiProblem(save.error) && save.error.status === 409)
    errors = { fields: { name: t('researchAnalysis.codebook.nameTaken') }, general: null };
  else errors = problemErrors(save.error, specs, t);
  // A code cannot move under itself or under one of its descendants.
  const excluded = code ? subtreeIds(codes, code.id) : new Set<string>();
  return (
    <>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (save.isPending) return;
          setAttempt((n) => n + 1);
          if (!name.trim()) return setClient({ name: t('researchAnalysis.errors.name') });
          setClient(null);
          const input = {
            name: name.trim(),
            definition: definition.trim() ? definition.trim() : null,
            parentId: parentId || null,
          };
          save.mutate(
            code
              ? { id: code.id, input }
              : {
                  input: {
                    name: input.name,
                    ...(input.definition ? { definition: input.definition } : {}),
                    ...(input.parentId ? { parentId: input.parentId } : {}),
                  },
                },
            {
              onSuccess: (saved) => {
                if (!code) {
                  setName('');
                  setDefinition('');
                }
                onDone(saved);
              },
            },
          );
        }}
      >
        <TextField
          spec={specs.name}
          error={errors.fields.name}
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          spec={specs.definition}
          error={errors.fields.definition}
          description={t('researchAnalysis.codebook.definitionHint')}
          rows={3}
          value={definition}
          onChange={(e) => setDefinition(e.target.value)}
        />
        <SelectField
          spec={specs.parentId}
          error={errors.fields.parentId}
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
          options={[
            { value: '', label: t('researchAnalysis.codebook.noParent') },
            ...codeOptions(codes).filter((o) => !excluded.has(o.value)),
          ]}
        />
        <SubmitButton pending={save.isPending}>
          {code ? t('researchAnalysis.save') : t('researchAnalysis.codebook.add')}
        </SubmitButton>
      </form>
    </>
  );
}
