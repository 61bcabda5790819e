import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import '../../styles/obstacles.css';
import { TextAreaField } from '../actors/fields.tsx';
import {
  mergeCandidatesQuery,
  obstacleQuery,
  ownersQuery,
  useAssign,
  useHide,
  useMerge,
  useRedact,
} from './data.ts';
import type { RedactField } from './types.ts';

const OPEN = ['reported', 'acknowledged', 'in_progress'];

/** Four weeks from today, as YYYY-MM-DD: the default time an owner gets to respond. */
function defaultDueDate(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 28);
  return d.toISOString().slice(0, 10);
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="wd-obstacle-part">
      <h3 className="utrecht-heading-3" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * What coordinators do with an obstacle: route it to an owner with a due date, hide abusive
 * content, redact personal details (the removed text is not logged, the reason is), and merge a
 * duplicate into the obstacle it repeats.
 */
export function Coordination({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const { data: o } = useSuspenseQuery(obstacleQuery(slug, id));
  const feedback = useFeedback();
  const open = OPEN.includes(o.status);
  return (
    <section aria-labelledby="obstacle-coordination" className="wd-obstacle-part">
      <h2 className="utrecht-heading-2" id="obstacle-coordination">
        {t('obstacles.coordination.title')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      {open ? <AssignForm slug={slug} id={id} feedback={feedback} /> : null}
      <HideForm slug={slug} id={id} hidden={o.hidden} feedback={feedback} />
      <RedactForm slug={slug} id={id} feedback={feedback} />
      <MergeForm slug={slug} id={id} open={open} feedback={feedback} />
    </section>
  );
}

type FeedbackApi = ReturnType<typeof useFeedback>;
interface FormProps {
  slug: string;
  id: string;
  feedback: FeedbackApi;
}

function AssignForm({ slug, id, feedback }: FormProps) {
  const { t } = useTranslation();
  const { data: owners } = useQuery(ownersQuery(slug));
  const assign = useAssign(slug, id);
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState(defaultDueDate);
  const items = owners?.items ?? [];
  const chosen = ownerId || items[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    assign.mutate(
      { ownerId: chosen, dueDate },
      {
        onSuccess: () => feedback.ok((tt) => tt('obstacles.coordination.assigned')),
        onError: feedback.fail,
      },
    );
  };
  return (
    <Section id="obstacle-assign" title={t('obstacles.coordination.assign')}>
      {owners && items.length === 0 ? (
        <p className="utrecht-paragraph">
          {t('obstacles.coordination.noOwners')}{' '}
          <TextLink to="/w/$slug/knelpunten/eigenaren" params={{ slug }}>
            {t('obstacles.owners.title')}
          </TextLink>
        </p>
      ) : (
        <form className="wd-form" onSubmit={submit}>
          <SelectField
            spec={{ id: 'assign-owner', label: t('obstacles.coordination.owner') }}
            options={items.map((w) => ({ value: w.id, label: w.name }))}
            value={chosen}
            onChange={(e) => setOwnerId(e.target.value)}
          />
          <TextField
            spec={{ id: 'assign-due', label: t('obstacles.coordination.dueDate') }}
            type="date"
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
          <SubmitButton pending={assign.isPending}>
            {t('obstacles.coordination.assignSubmit')}
          </SubmitButton>
        </form>
      )}
    </Section>
  );
}

function HideForm({ slug, id, hidden, feedback }: FormProps & { hidden: boolean }) {
  const { t } = useTranslation();
  const hide = useHide(slug, id);
  const [reason, setReason] = useState('');
  return (
    <Section
      id="obstacle-hide"
      title={hidden ? t('obstacles.coordination.unhide') : t('obstacles.coordination.hide')}
    >
      <form
        className="wd-form"
        onSubmit={(e) => {
          e.preventDefault();
          hide.mutate(
            { hidden: !hidden, reason },
            {
              onSuccess: () => {
                setReason('');
                feedback.ok((tt) =>
                  tt(hidden ? 'obstacles.coordination.unhidden' : 'obstacles.coordination.hidden'),
                );
              },
              onError: feedback.fail,
            },
          );
        }}
      >
        <TextAreaField
          spec={{ id: 'hide-reason', label: t('obstacles.coordination.reason') }}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <SubmitButton pending={hide.isPending} variant="secondary">
          {hidden
            ? t('obstacles.coordination.unhideSubmit')
            : t('obstacles.coordination.hideSubmit')}
        </SubmitButton>
      </form>
    </Section>
  );
}

function RedactForm({ slug, id, feedback }: FormProps) {
  const { t } = useTranslation();
  const { data: o } = useSuspenseQuery(obstacleQuery(slug, id));
  const redact = useRedact(slug, id);
  const [target, setTarget] = useState('description');
  const [find, setFind] = useState('');
  const [reason, setReason] = useState('');
  const options = [
    { value: 'title', label: t('obstacles.coordination.field.title') },
    { value: 'description', label: t('obstacles.coordination.field.description') },
    ...(o.whatWouldHelp
      ? [{ value: 'whatWouldHelp', label: t('obstacles.coordination.field.whatWouldHelp') }]
      : []),
    ...o.endorsements
      .filter((e) => e.context)
      .map((e, i) => ({
        value: `endorsement:${e.id}`,
        label: t('obstacles.coordination.field.endorsement', { n: i + 1 }),
      })),
  ];
  return (
    <Section id="obstacle-redact" title={t('obstacles.coordination.redact')}>
      <p className="utrecht-paragraph">{t('obstacles.coordination.redactLead')}</p>
      <form
        className="wd-form"
        onSubmit={(e) => {
          e.preventDefault();
          const [field, endorsementId] = target.startsWith('endorsement:')
            ? (['endorsementContext', target.slice('endorsement:'.length)] as const)
            : ([target as RedactField, undefined] as const);
          redact.mutate(
            { field, find, reason, ...(endorsementId ? { endorsementId } : {}) },
            {
              onSuccess: () => {
                setFind('');
                setReason('');
                feedback.ok((tt) => tt('obstacles.coordination.redacted'));
              },
              onError: feedback.fail,
            },
          );
        }}
      >
        <SelectField
          spec={{ id: 'redact-field', label: t('obstacles.coordination.field.label') }}
          options={options}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
        <TextField
          spec={{ id: 'redact-find', label: t('obstacles.coordination.find') }}
          value={find}
          onChange={(e) => setFind(e.target.value)}
          autoComplete="off"
        />
        <TextField
          spec={{ id: 'redact-reason', label: t('obstacles.coordination.reason') }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <SubmitButton pending={redact.isPending} variant="secondary">
          {t('obstacles.coordination.redactSubmit')}
        </SubmitButton>
      </form>
    </Section>
  );
}

/** Stays mounted after the merge closes the obstacle, so the merge's feedback still arrives. */
function MergeForm({ slug, id, open, feedback }: FormProps & { open: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery(mergeCandidatesQuery(slug));
  const merge = useMerge(slug, id);
  const [intoId, setIntoId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const candidates = (data?.items ?? []).filter((c) => c.id !== id && OPEN.includes(c.status));
  if (!open || candidates.length === 0) return null;
  const chosen = intoId || candidates[0]?.id || '';
  const into = candidates.find((c) => c.id === chosen);
  return (
    <Section id="obstacle-merge" title={t('obstacles.coordination.merge')}>
      <form
        className="wd-form"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <SelectField
          spec={{ id: 'merge-into', label: t('obstacles.coordination.mergeInto') }}
          options={candidates.map((c) => ({ value: c.id, label: c.title }))}
          value={chosen}
          onChange={(e) => setIntoId(e.target.value)}
        />
        <SubmitButton pending={merge.isPending} variant="secondary">
          {t('obstacles.coordination.mergeSubmit')}
        </SubmitButton>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('obstacles.coordination.mergeConfirmTitle')}
        confirmLabel={t('obstacles.coordination.mergeSubmit')}
        pending={merge.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          merge.mutate(chosen, {
            onSuccess: () => {
              setConfirming(false);
              feedback.ok((tt) => tt('obstacles.coordination.merged'));
            },
            onError: (error) => {
              setConfirming(false);
              feedback.fail(error);
            },
          })
        }
      >
        <p className="utrecht-paragraph">
          {t('obstacles.coordination.mergeConfirm', { title: into?.title ?? '' })}
        </p>
      </ConfirmDialog>
    </Section>
  );
}
