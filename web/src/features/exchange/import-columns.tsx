import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';

/**
 * The columns of a sociale-kaart list as the server reads them (server/src/modules/exchange/
 * import-columns.ts): the Dutch name, the English one; both are recognised in either language of
 * the interface, so they are not translated.
 */
const columns = [
  { key: 'name', nl: 'naam', en: 'name' },
  { key: 'kind', nl: 'soort', en: 'kind' },
  { key: 'orgKind', nl: 'organisatievorm', en: 'orgKind' },
  { key: 'website', nl: 'website', en: 'url' },
  { key: 'kvk', nl: 'kvk', en: 'kvkNumber' },
  { key: 'email', nl: 'e-mail', en: 'email' },
  { key: 'phone', nl: 'telefoon', en: 'phone' },
  { key: 'areas', nl: 'wijk of buurt codes', en: 'areas' },
  { key: 'domains', nl: 'domeinen', en: 'domains' },
  { key: 'targetGroups', nl: 'doelgroepen', en: 'targetGroups' },
  { key: 'description', nl: 'omschrijving', en: 'description' },
  { key: 'visibility', nl: 'zichtbaarheid', en: 'visibility' },
] as const;

/** What each column of the list holds: a table, so it reads well on a screen reader too. */
export function ImportColumns() {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="utrecht-heading-3" id="import-columns-title">
        {t('exchange.import.columnsTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('exchange.import.columnsText')}</p>
      <Table caption={t('exchange.import.columnsCaption')} captionHidden>
        <TableHead
          columns={[
            t('exchange.import.column'),
            t('exchange.import.alsoRecognised'),
            t('exchange.import.contents'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {columns.map((column) => (
            <tr key={column.key} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell wd-nowrap">
                <code className="utrecht-code">{column.nl}</code>
              </th>
              <td className="utrecht-table__cell wd-nowrap">
                <code className="utrecht-code">{column.en}</code>
              </td>
              <td className="utrecht-table__cell">{t(`exchange.columns.${column.key}`)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
