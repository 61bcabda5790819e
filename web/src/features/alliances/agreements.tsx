import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { Fact, Facts, InlineList, useNames } from '../actors/facts.tsx';
import { CheckboxGroup, TextAreaField } from '../actors/fields.tsx';
import { areasQuery, groupAreas, termsQuery, useTermLabel } from '../actors/reference.ts';
import { agreementsQuery, useAddAgreement } from './data.ts';
import type { Agreement, AllianceDetail } from './types.ts';

function AgreementFacts({ slug, a }: { slug: string; a: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames(slug);
  const none = t('alliances.agreement.none');
  return (
    <Facts>
      <Fact label={t('alliances.agreement.aims')} multiline>
        {a.aims}
      </Fact>
      <Fact label={t('alliances.agreement.areas')}>
        <InlineList none={none} items={names.areas(a.areaIds).map((x) => x.name)} />
      </Fact>
      <Fact label={t('alliances.agreement.domains')}>
        <InlineList none={none} items={names.terms(a.domainIds)} />
      </Fact>
      <Fact label={t('alliances.agreement.charter')} multiline>
        {a.charter}
      </Fact>
      <Fact label={t('alliances.agreement.recorded')}>{format.dateTime(a.createdAt)}</Fact>
    </Facts>
  );
}

type Field = 'aims' | 'charter';

function AddAgreement({ slug, alliance }: { slug: string; alliance: AllianceDetail }) {
  const { t } = useTranslation();
  const label = useTermLabel();
  const add = useAddAgreement(slug, alliance.id);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const current = alliance.currentAgreement;
  const [areaIds, setAreaIds] = useState<string[]>(current?.areaIds ?? []);
  const [domainIds, setDomainIds] = useState<string[]>(current?.domainIds ?? []);
  const form = useForm<Field>({ aims: current?.aims ?? '', charter: current?.charter ?? '' });
  const specs: FieldSpecs<Field> = {
    aims: { id: 'agreement-aims', label: t('alliances.agreement.aims') },
    charter: { id: 'agreement-charter', label: t('alliances.agreement.charter') },
  };
  const errors = form.errors(specs, add.error, t);
  const { gemeenten, wijken } = groupAreas(areas);
  const areaOptions = [...gemeenten, ...wijken.flatMap((g) => (g.head ? [g.head] : []))].map(
    (a) => ({ value: a.id, label: `${a.name} (${t(`support.areaLevel.${a.level}`)})` }),
  );
  // Areas already named (a buurt) stay choosable.
  for (const id of areaIds)
    if (!areaOptions.some((o) => o.value === id)) {
      const a = areas.find((x) => x.id === id);
      if (a) areaOptions.push({ value: a.id, label: a.name });
    }
  const domainOptions = terms
    .filter((x) => x.kind === 'domain' && (!x.archived || domainIds.includes(x.id)))
    .map((x) => ({ value: x.id, label: label(x) }));
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      aria-labelledby="agreement-add"
      onSubmit={form.onSubmit(
        (v) => requiredCodes(v, ['aims', 'charter']),
        (v) => add.mutate({ aims: v.aims.trim(), charter: v.charter.trim(), areaIds, domainIds }),
      )}
    >
      <h3 className="utrecht-heading-3" id="agreement-add">
        {t('alliances.agreement.add')}
      </h3>
      <p className="utrecht-paragraph">{t('alliances.agreement.addHint')}</p>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <StatusMessage message={add.isSuccess ? t('alliances.agreement.added') : null} />
      <TextAreaField
        spec={specs.aims}
        error={errors.fields.aims}
        rows={3}
        maxLength={5000}
        value={form.values.aims}
        onChange={(e) => form.setValues((v) => ({ ...v, aims: e.target.value }))}
      />
      <CheckboxGroup
        idPrefix="agreement-area"
        legend={t('alliances.agreement.areas')}
        options={areaOptions}
        selected={areaIds}
        onChange={setAreaIds}
      />
      <CheckboxGroup
        idPrefix="agreement-domain"
        legend={t('alliances.agreement.domains')}
        options={domainOptions}
        selected={domainIds}
        onChange={setDomainIds}
      />
      <TextAreaField
        spec={specs.charter}
        error={errors.fields.charter}
        rows={8}
        maxLength={50_000}
        value={form.values.charter}
        onChange={(e) => form.setValues((v) => ({ ...v, charter: e.target.value }))}
      />
      <SubmitButton pending={add.isPending}>{t('alliances.agreement.addSubmit')}</SubmitButton>
    </form>
  );
}

/** The current agreement (samenwerkingsafspraken), its earlier versions, and a new version. */
export function AgreementSection({ slug, alliance }: { slug: string; alliance: AllianceDetail }) {
  const { t } = useTranslation();
  const { data, isError } = useQuery(agreementsQuery(slug, alliance.id));
  const current = alliance.currentAgreement;
  const earlier = (data?.items ?? []).filter((a) => a.id !== current?.id);
  return (
    <section className="wd-section" aria-labelledby="alliance-agreement">
      <h2 className="utrecht-heading-2" id="alliance-agreement">
        {current
          ? t('alliances.agreement.titleVersion', { version: current.version })
          : t('alliances.agreement.title')}
      </h2>
      {current ? (
        <AgreementFacts slug={slug} a={current} />
      ) : (
        <p className="utrecht-paragraph">{t('alliances.agreement.empty')}</p>
      )}
      {isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{t('alliances.agreement.failed')}</p>
        </Alert>
      ) : null}
      {earlier.length ? (
        <>
          <h3 className="utrecht-heading-3">{t('alliances.agreement.earlier')}</h3>
          {earlier.map((a) => (
            <details key={a.id} className="wd-stack-item">
              <summary>{t('alliances.agreement.version', { version: a.version })}</summary>
              <AgreementFacts slug={slug} a={a} />
            </details>
          ))}
        </>
      ) : null}
      {alliance.canEdit ? <AddAgreement slug={slug} alliance={alliance} /> : null}
    </section>
  );
}
