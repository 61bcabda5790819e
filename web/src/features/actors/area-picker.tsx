import { useTranslation } from 'react-i18next';
import { CheckboxField, Fieldset } from './fields.tsx';
import { groupAreas, type AreaSummary } from './reference.ts';

interface AreaPickerProps {
  idPrefix: string;
  areas: readonly AreaSummary[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** What the areas are for; the actor forms' hint when not given. */
  description?: string | undefined;
  error?: string | undefined;
}

/** The first checkbox's id: where the error summary sends focus. */
export const firstAreaId = (idPrefix: string) => `${idPrefix}-0`;

/**
 * Areas as checkboxes in the CBS tree: the gemeente, then one group per wijk (the wijk itself and
 * its buurten), so a screen reader announces which wijk a buurt belongs to.
 */
export function AreaPicker(props: AreaPickerProps) {
  const { idPrefix, areas, selected, onChange, description, error } = props;
  const { t } = useTranslation();
  const { gemeenten, wijken, loose } = groupAreas(areas);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((v) => v !== id));
  let index = 0;
  const box = (area: AreaSummary, label: string) => {
    const id = `${idPrefix}-${index++}`;
    return (
      <li key={area.id}>
        <CheckboxField
          id={id}
          label={label}
          checked={selected.includes(area.id)}
          onChange={(on) => toggle(area.id, on)}
        />
      </li>
    );
  };
  return (
    <Fieldset
      id={`${idPrefix}-group`}
      legend={t('actors.fields.areas')}
      description={description ?? t('actors.fields.areasHint')}
      error={error}
    >
      {areas.length === 0 ? <p className="utrecht-paragraph">{t('actors.noAreas')}</p> : null}
      {gemeenten.length > 0 ? (
        <ul className="wd-checkbox-list">
          {gemeenten.map((g) => box(g, t('actors.wholeGemeente', { name: g.name })))}
        </ul>
      ) : null}
      {wijken.map(({ head, members }) =>
        head ? (
          <Fieldset key={head.id} id={`${idPrefix}-wijk-${head.code}`} legend={head.name}>
            <ul className="wd-checkbox-list wd-checkbox-list--columns">
              {box(head, t('actors.wholeWijk', { name: head.name }))}
              {members.map((b) => box(b, b.name))}
            </ul>
          </Fieldset>
        ) : null,
      )}
      {loose.length > 0 ? (
        <Fieldset id={`${idPrefix}-other`} legend={t('actors.otherAreas')}>
          <ul className="wd-checkbox-list wd-checkbox-list--columns">
            {loose.map((b) => box(b, b.name))}
          </ul>
        </Fieldset>
      ) : null}
    </Fieldset>
  );
}
