import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/form-fields.tsx';
import { Fieldset } from '../actors/fields.tsx';
import { move, nextChoice, type ChoiceDraft, type DraftErrors } from './item-draft.ts';

/** The id of a choice's input, so the error summary can link to it. */
export const choiceInputId = (prefix: string, index: number, part: 'value' | 'labelNl') =>
  `${prefix}-choice-${index}-${part}`;

/**
 * The choices of a single or multiple choice item: per choice its value (what exports carry) and
 * its Dutch and English label; add, remove and move choices.
 */
export function ChoicesEditor({
  prefix,
  choices,
  errors,
  message,
  onChange,
}: {
  prefix: string;
  choices: ChoiceDraft[];
  errors: DraftErrors['choices'];
  message: (code: string, label: string) => string;
  onChange: (choices: ChoiceDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<ChoiceDraft>) =>
    onChange(choices.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  return (
    <div className="wd-stack-item">
      <ol className="utrecht-ordered-list">
        {choices.map((c, i) => {
          const n = i + 1;
          const row = errors[i];
          return (
            <li key={i} className="utrecht-ordered-list__item">
              <Fieldset id={`${prefix}-choice-${i}`} legend={t('research.item.choice', { n })}>
                <TextField
                  spec={{
                    id: choiceInputId(prefix, i, 'value'),
                    label: t('research.item.fields.choiceValue'),
                  }}
                  description={t('research.item.fields.choiceValueHint')}
                  error={
                    row?.value
                      ? message(row.value, t('research.item.fields.choiceValue'))
                      : undefined
                  }
                  value={c.value}
                  onChange={(e) => set(i, { value: e.target.value })}
                />
                <TextField
                  spec={{
                    id: choiceInputId(prefix, i, 'labelNl'),
                    label: t('research.item.fields.choiceLabelNl'),
                  }}
                  error={
                    row?.labelNl
                      ? message(row.labelNl, t('research.item.fields.choiceLabelNl'))
                      : undefined
                  }
                  value={c.labelNl}
                  onChange={(e) => set(i, { labelNl: e.target.value })}
                />
                <TextField
                  spec={{
                    id: `${prefix}-choice-${i}-labelEn`,
                    label: t('research.item.fields.choiceLabelEn'),
                  }}
                  value={c.labelEn}
                  onChange={(e) => set(i, { labelEn: e.target.value })}
                />
                <div className="utrecht-button-group">
                  {i > 0 ? (
                    <Button
                      variant="secondary"
                      id={`${prefix}-choice-${i}-up`}
                      onClick={() => {
                        onChange(move(choices, i, -1));
                        focusLater(`${prefix}-choice-${i - 1}-${i - 1 > 0 ? 'up' : 'down'}`);
                      }}
                    >
                      {t('research.item.choiceUp', { n })}
                    </Button>
                  ) : null}
                  {i < choices.length - 1 ? (
                    <Button
                      variant="secondary"
                      id={`${prefix}-choice-${i}-down`}
                      onClick={() => {
                        onChange(move(choices, i, 1));
                        focusLater(
                          `${prefix}-choice-${i + 1}-${i + 1 < choices.length - 1 ? 'down' : 'up'}`,
                        );
                      }}
                    >
                      {t('research.item.choiceDown', { n })}
                    </Button>
                  ) : null}
                  <Button
                    variant="secondary"
                    onClick={() => {
                      onChange(choices.filter((_, j) => j !== i));
                      focusLater(`${prefix}-choice-add`);
                    }}
                  >
                    {t('research.item.choiceRemove', { n })}
                  </Button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      {choices.length < 30 ? (
        <Button
          variant="secondary"
          id={`${prefix}-choice-add`}
          onClick={() => {
            onChange([...choices, nextChoice(choices)]);
            focusLater(choiceInputId(prefix, choices.length, 'labelNl'));
          }}
        >
          {t('research.item.choiceAdd')}
        </Button>
      ) : null}
    </div>
  );
}
