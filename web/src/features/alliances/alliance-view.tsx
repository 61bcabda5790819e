import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ButtonLink, TextLink } from '../../components/links.tsx';
import { Fact, Facts } from '../actors/facts.tsx';
import { AgreementSection } from './agreements.tsx';
import { BalanceSection } from './balance.tsx';
import { ContributionsSection } from './contributions.tsx';
import { allianceQuery } from './data.ts';
import { LogSection } from './log.tsx';
import { MembersSection } from './members.tsx';

/** One alliance: its facts, members, agreement, contributions, log and balance. */
export function AllianceView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const { data: a } = useSuspenseQuery(allianceQuery(slug, id));
  return (
    <>
      <Facts>
        <Fact label={t('alliances.fields.status')}>{t(`alliances.status.${a.status}`)}</Fact>
        <Fact label={t('alliances.fields.decisionRule')}>
          {t(`alliances.rule.${a.decisionRule}`)}
        </Fact>
        <Fact label={t('alliances.fields.description')} multiline>
          {a.description}
        </Fact>
        <Fact label={t('alliances.fields.visibility')}>
          {t(`alliances.visibility.${a.visibility}`)}
        </Fact>
        <Fact label={t('alliances.fields.signal')}>
          {a.signalId ? (
            <TextLink
              to="/w/$slug/overlapsignalen/$signalId"
              params={{ slug, signalId: a.signalId }}
            >
              {t('alliances.fields.signalLink')}
            </TextLink>
          ) : null}
        </Fact>
      </Facts>
      {a.canEdit ? (
        <p className="utrecht-paragraph">
          <ButtonLink
            to="/w/$slug/bondgenootschappen/$allianceId/bewerken"
            params={{ slug, allianceId: a.id }}
          >
            {t('alliances.edit')}
          </ButtonLink>
        </p>
      ) : null}
      <MembersSection slug={slug} alliance={a} />
      <BalanceSection slug={slug} allianceId={a.id} />
      <ContributionsSection slug={slug} alliance={a} />
      <AgreementSection slug={slug} alliance={a} />
      <LogSection slug={slug} alliance={a} />
    </>
  );
}
