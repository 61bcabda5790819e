import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table } from '../../components/table.tsx';
import { matrixColumnLabel } from './labels.ts';
import type { AreaOverview } from './types.ts';

interface WhoDoesWhatProps {
  slug: string;
  areaId: string;
  areaName: string;
  matrix: AreaOverview['matrix'];
}

type Column = AreaOverview['matrix']['columns'][number];

/** The directory filters that list a matrix cell in full (the cell shows only the first names). */
const cellSearch = (areaId: string, domainId: string, column: Column) => ({
  type: 'actor' as const,
  areaId,
  domainId,
  ...(column === 'carriers'
    ? { actorKind: 'person' as const }
    : {
        actorKind: 'organisation' as const,
        sizeClass: column === 'large_organisations' ? ('large' as const) : ('small' as const),
      }),
});

/** "Wie doet wat": per domain, the carriers and small and large organisations active here. */
export function WhoDoesWhat({ slug, areaId, areaName, matrix }: WhoDoesWhatProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (
    <section className="wd-section" aria-labelledby="matrix-title">
      <h2 className="utrecht-heading-2" id="matrix-title">
        {t('areas.matrix.title')}
      </h2>
      <p className="utrecht-paragraph">{t('areas.matrix.lead')}</p>
      {matrix.rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('areas.matrix.empty')}</p>
      ) : (
        <div className="wd-wide-table">
          <Table caption={t('areas.matrix.caption', { area: areaName })}>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('areas.matrix.domain')}
                </th>
                {matrix.columns.map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {matrixColumnLabel(column, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {matrix.rows.map((row) => (
                <tr key={row.domainId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {english ? row.labelEn : row.label}
                  </th>
                  {matrix.columns.map((column) => {
                    const cell = row.cells.find((c) => c.column === column);
                    const actors = cell?.actors ?? [];
                    const more = (cell?.count ?? 0) - actors.length;
                    return (
                      <td key={column} className="utrecht-table__cell wd-matrix-cell">
                        {actors.length === 0 ? (
                          <>
                            <span aria-hidden="true">–</span>
                            <span className="wd-visually-hidden">{t('areas.matrix.none')}</span>
                          </>
                        ) : (
                          <ul className="utrecht-unordered-list">
                            {actors.map((actor) => (
                              <li key={actor.id} className="utrecht-unordered-list__item">
                                <TextLink
                                  to="/w/$slug/actoren/$actorId"
                                  params={{ slug, actorId: actor.id }}
                                >
                                  {actor.name}
                                </TextLink>
                              </li>
                            ))}
                            {more > 0 ? (
                              <li className="utrecht-unordered-list__item">
                                <TextLink
                                  to="/w/$slug/zoeken"
                                  params={{ slug }}
                                  search={cellSearch(areaId, row.domainId, column)}
                                >
                                  {t('areas.matrix.more', { count: more })}
                                </TextLink>
                              </li>
                            ) : null}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
