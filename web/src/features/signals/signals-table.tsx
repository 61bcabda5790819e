import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { areasQuery } from '../actors/reference.ts';
import { Party, useScore } from './labels.tsx';
import type { SignalSummary } from './types.ts';

/** Signals as a table: the two parties, where, the score and the state. */
export function SignalsTable({
  slug,
  items,
  caption,
  captionHidden = false,
}: {
  slug: string;
  items: readonly SignalSummary[];
  caption: string;
  captionHidden?: boolean;
}) {
  const { t } = useTranslation();
  const score = useScore();
  const { data: areas } = useQuery(areasQuery(slug));
  const areaName = new Map((areas ?? []).map((a) => [a.id, a.name]));
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <TableHead
        columns={[
          t('signals.columns.parties'),
          t('signals.columns.where'),
          t('signals.columns.score'),
          t('signals.columns.state'),
        ]}
      />
      <tbody className="utrecht-table__body">
        {items.map((s) => (
          <tr key={s.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              <TextLink to="/w/$slug/overlapsignalen/$signalId" params={{ slug, signalId: s.id }}>
                {s.actors[0] ? <Party actor={s.actors[0]} /> : null}
                <span aria-hidden="true"> ↔ </span>
                {s.actors[1] ? <Party actor={s.actors[1]} /> : null}
              </TextLink>
            </th>
            <td className="utrecht-table__cell">
              {s.areaIds
                .map((id) => areaName.get(id))
                .filter(Boolean)
                .join(', ') || t('signals.unknownArea')}
            </td>
            <td className="utrecht-table__cell">{score(s.score)}</td>
            <td className="utrecht-table__cell">
              {t(`signals.state.${s.state}`)}
              {s.stale ? ` · ${t('signals.stale')}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
