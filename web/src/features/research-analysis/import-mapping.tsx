import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { Fieldset } from '../actors/fields.tsx';
import type { Item, ParticipantKey } from './types.ts';

interface MappingProps {
  headers: readonly string[];
  items: readonly Item[];
  participantColumn: string;
  participantKey: ParticipantKey;
  mapping: Readonly<Record<string, string>>;
  /** Only the steward may match (and create) participants by email. */
  steward: boolean;
  error?: string | undefined;
  onParticipantColumn: (column: string) => void;
  onParticipantKey: (key: ParticipantKey) => void;
  onMap: (column: string, code: string) => void;
}

/** Step 2: which column names the participant (and how), and which item each column answers. */
export function ImportMapping(props: MappingProps) {
  const { headers, items, participantColumn, participantKey, mapping, steward, error } = props;
  const { t } = useTranslation();
  const itemOptions = [
    { value: '', label: t('researchAnalysis.import.skip') },
    ...items.map((i) => ({ value: i.code, label: `${i.code} – ${i.promptNl}` })),
  ];
  return (
    <>
      <SelectField
        spec={{
          id: 'import-participant-column',
          label: t('researchAnalysis.import.participantColumn'),
        }}
        value={participantColumn}
        onChange={(e) => props.onParticipantColumn(e.target.value)}
        options={headers.map((h, i) => ({
          value: h,
          label: h || t('researchAnalysis.import.unnamed', { n: i + 1 }),
        }))}
      />
      <Fieldset
        id="import-participant-key"
        legend={t('researchAnalysis.import.participantKey')}
        description={
          steward
            ? t('researchAnalysis.import.emailHint')
            : t('researchAnalysis.import.emailSteward')
        }
      >
        {(['pseudonym', 'email'] as const).map((key) => (
          <div key={key} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`import-key-${key}`}
                name="import-key"
                value={key}
                checked={participantKey === key}
                disabled={key === 'email' && !steward}
                onChange={() => props.onParticipantKey(key)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label
                className="utrecht-form-label utrecht-form-label--radio"
                htmlFor={`import-key-${key}`}
              >
                {t(`researchAnalysis.import.key.${key}`)}
              </label>
            </div>
          </div>
        ))}
      </Fieldset>
      <h3 className="utrecht-heading-3" id="import-mapping-title">
        {t('researchAnalysis.import.mappingTitle')}
      </h3>
      {error ? (
        <p className="utrecht-form-field-error-message" id="import-mapping-error">
          <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <Table caption={t('researchAnalysis.import.mappingCaption')} captionHidden>
        <TableHead
          columns={[t('researchAnalysis.import.column'), t('researchAnalysis.import.item')]}
        />
        <tbody className="utrecht-table__body">
          {headers.map((h, i) =>
            h === participantColumn ? null : (
              <tr key={`${i}-${h}`} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <code className="utrecht-code">
                    {h || t('researchAnalysis.import.unnamed', { n: i + 1 })}
                  </code>
                </th>
                <td className="utrecht-table__cell">
                  <SelectField
                    spec={{
                      id: `import-map-${i}`,
                      label: t('researchAnalysis.import.itemFor', { column: h || i + 1 }),
                    }}
                    value={mapping[h] ?? ''}
                    disabled={!h}
                    onChange={(e) => props.onMap(h, e.target.value)}
                    options={itemOptions}
                  />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </Table>
    </>
  );
}
