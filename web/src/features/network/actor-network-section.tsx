import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The actor's network section loads with its own chunk (and Sigma's, lazily), not with the app.
const ActorNetwork = lazy(() =>
  import('./actor-network.tsx').then((m) => ({ default: m.ActorNetwork })),
);

/** "Netwerk" on an actor's page: the ego network, loaded on demand. */
export function ActorNetworkSection({ slug, actorId }: { slug: string; actorId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <section className="wd-section" aria-labelledby="actor-network">
          <h2 className="utrecht-heading-2" id="actor-network">
            {t('network.ego.title')}
          </h2>
          <p className="utrecht-paragraph">{t('network.ego.loading')}</p>
        </section>
      }
    >
      <ActorNetwork slug={slug} actorId={actorId} />
    </Suspense>
  );
}
