import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useNames } from '../actors/facts.tsx';
import type { SignalDetail } from './types.ts';

/** Why the two parties overlap, in plain words, and where and when exactly (a table). */
export function SignalExplanation({ slug, signal }: { slug: string; signal: SignalDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames(slug);
  const f = signal.explanation.facts;
  const list = (items: string[]) => (items.length ? `: ${items.join(', ')}` : '');
  const sentences: string[] = [];
  if (f.sharedAreas > 0)
    sentences.push(
      t('signals.why.areas', { count: f.sharedAreas }) +
        list(names.areas(signal.areaIds).map((a) => a.name)),
    );
  if (f.sharedDomains > 0)
    sentences.push(
      t('signals.why.domains', { count: f.sharedDomains }) + list(names.terms(signal.domainIds)),
    );
  if (f.sharedTargetGroups > 0)
    sentences.push(
      t('signals.why.targetGroups', { count: f.sharedTargetGroups }) +
        list(names.terms(signal.targetGroupIds)),
    );
  if (f.overlapDays > 0)
    sentences.push(t('signals.why.period', { days: format.number(f.overlapDays) }));
  sentences.push(
    f.contestedHours === null
      ? t('signals.why.hoursUnknown')
      : t('signals.why.hours', { hours: format.number(f.contestedHours) }),
  );
  const small = f.sizeKinds.some((k) => k === 'person' || k === 'small');
  if (small && f.sizeKinds.includes('large')) sentences.push(t('signals.why.disparity'));
  if (f.tieTypes.includes('tension') || f.tieTypes.includes('obstruction'))
    sentences.push(t('signals.why.tension'));
  const friendly = f.tieTypes.filter((x) => x !== 'tension' && x !== 'obstruction');
  if (friendly.length)
    sentences.push(
      t('signals.why.ties', {
        types: friendly.map((x) => t(`network.tieType.${x as 'collaboration'}`)).join(', '),
      }),
    );
  if (f.sharedFunders > 0) sentences.push(t('signals.why.funders', { count: f.sharedFunders }));
  const cells = signal.explanation.cells;
  const day = (d: string) => format.date(`${d}T12:00:00Z`);
  return (
    <section aria-labelledby="signal-why">
      <h2 className="utrecht-heading-2" id="signal-why">
        {t('signals.why.title')}
      </h2>
      <ul className="utrecht-unordered-list">
        {sentences.map((s) => (
          <li key={s} className="utrecht-unordered-list__item">
            {s}
          </li>
        ))}
      </ul>
      {cells.length ? (
        <Table caption={t('signals.cells.caption')}>
          <TableHead
            columns={[
              t('signals.cells.area'),
              t('signals.cells.domain'),
              t('signals.cells.period'),
              t('signals.cells.days'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {cells.map((c, i) => (
              <tr key={i} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {names.areas([c.areaId])[0]?.name ?? t('signals.unknownArea')}
                </th>
                <td className="utrecht-table__cell">{names.terms([c.domainId])[0] ?? ''}</td>
                <td className="utrecht-table__cell">
                  {t('signals.cells.range', { from: day(c.from), to: day(c.to) })}
                </td>
                <td className="utrecht-table__cell">{format.number(c.overlapDays)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
