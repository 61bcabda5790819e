import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { studyQuery, useCreateWave, wavesQuery } from '../features/research/api.ts';
import { WaveForm } from '../features/research/wave-form.tsx';
import { useRate } from '../features/surveys/format.ts';
import { useFormat } from '../lib/format.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Meetgolven": the study's waves with status and response; a new wave. */
export const researchWavesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/golven',
  loader: async ({ context, params }) => {
    await Promise.all([
      context.queryClient.ensureQueryData(studyQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
    ]);
  },
  component: ResearchWavesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('research.waves.title') },
});

function ResearchWavesPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId } = researchWavesRoute.useParams();
  const navigate = useNavigate();
  const { data: study } = useSuspenseQuery(studyQuery(slug, studyId));
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const create = useCreateWave(slug, studyId);
  const format = useFormat();
  const rate = useRate();
  return (
    <Page title={t('research.waves.title')} lead={t('research.waves.lead', { study: study.title })}>
      {waves.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.waves.empty')}</p>
      ) : (
        <Table caption={t('research.waves.caption')}>
          <TableHead
            columns={[
              t('research.waves.columns.title'),
              t('research.waves.columns.period'),
              t('research.waves.columns.source'),
              t('research.waves.columns.status'),
              t('research.waves.columns.items'),
              t('research.waves.columns.response'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {waves.items.map((w) => (
              <tr key={w.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <Link
                    to="/w/$slug/onderzoek/$studyId/golven/$waveId"
                    params={{ slug, studyId, waveId: w.id }}
                    className="utrecht-link utrecht-link--html-a"
                  >
                    {w.title}
                  </Link>
                </th>
                <td className="utrecht-table__cell">
                  {w.endsOn
                    ? t('research.waves.period', {
                        from: format.date(w.startsOn),
                        to: format.date(w.endsOn),
                      })
                    : format.date(w.startsOn)}
                </td>
                <td className="utrecht-table__cell">{t(`research.waveSource.${w.source}`)}</td>
                <td className="utrecht-table__cell">{t(`research.waveStatus.${w.status}`)}</td>
                <td className="utrecht-table__cell">{format.number(w.itemCount)}</td>
                <td className="utrecht-table__cell">
                  {w.source === 'import'
                    ? t('research.waves.respondents', { count: w.respondentCount })
                    : t('research.waves.responseShort', {
                        submitted: w.submittedCount,
                        invited: w.invitedCount,
                        rate: rate(w.invitedCount ? w.submittedCount / w.invitedCount : 0),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <section className="wd-section" aria-labelledby="wave-new">
        <h2 className="utrecht-heading-2" id="wave-new">
          {t('research.waves.new')}
        </h2>
        <p className="utrecht-paragraph">{t('research.waves.newHint')}</p>
        <WaveForm
          submitLabel={t('research.waves.create')}
          pending={create.isPending || create.isSuccess}
          error={create.error}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (wave) =>
                void navigate({
                  to: '/w/$slug/onderzoek/$studyId/golven/$waveId',
                  params: { slug, studyId, waveId: wave.id },
                }),
            })
          }
        />
      </section>
    </Page>
  );
}
