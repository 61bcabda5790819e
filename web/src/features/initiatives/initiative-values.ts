import type { TFunction } from 'i18next';
import type { FieldSpec } from '../../lib/form.ts';
import type { Codes } from '../actors/form-errors.ts';
import type { ActorDetail, ActorKind, Visibility } from '../actors/types.ts';
import { checkPeriod, checkText, orNull } from '../actors/validation.ts';
import { linkFieldIds } from '../activities/links-fields.tsx';
import type {
  InitiativeDetail,
  InitiativeInput,
  InitiativeStatus,
  ParticipantRole,
} from './types.ts';

export const initiativeLimits = { name: 200, description: 5000 } as const;

export interface ParticipantRow {
  /** Stable React key; rows are added and removed in the middle. */
  key: number;
  actorId: string;
  name: string;
  kind: ActorKind | null;
  role: ParticipantRole;
  startDate: string;
  endDate: string;
}

let nextKey = 1;
export const newParticipantRow = (init: Omit<ParticipantRow, 'key'>): ParticipantRow => ({
  key: nextKey++,
  ...init,
});

export interface InitiativeValues {
  name: string;
  description: string;
  status: InitiativeStatus;
  startDate: string;
  endDate: string;
  visibility: Visibility;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  participants: ParticipantRow[];
}

/** A new initiative starts with the member's own carrier as its carrier (the server asks it). */
export function initiativeInitial(
  initiative: InitiativeDetail | undefined,
  ownCarrier: ActorDetail | null,
): InitiativeValues {
  if (!initiative) {
    return {
      name: '',
      description: '',
      status: 'active',
      startDate: '',
      endDate: '',
      visibility: 'workspace',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      participants: ownCarrier
        ? [
            newParticipantRow({
              actorId: ownCarrier.id,
              name: ownCarrier.name,
              kind: ownCarrier.kind,
              role: 'carrier',
              startDate: '',
              endDate: '',
            }),
          ]
        : [],
    };
  }
  return {
    name: initiative.name,
    description: initiative.description ?? '',
    status: initiative.status,
    startDate: initiative.startDate ?? '',
    endDate: initiative.endDate ?? '',
    visibility: initiative.visibility,
    areaIds: initiative.areaIds,
    domainIds: initiative.domainIds,
    targetGroupIds: initiative.targetGroupIds,
    participants: initiative.participants.map((p) =>
      newParticipantRow({
        actorId: p.actorId,
        name: p.name,
        kind: p.kind,
        role: p.role,
        startDate: p.startDate ?? '',
        endDate: p.endDate ?? '',
      }),
    ),
  };
}

export const participantIds = (form: string, i: number) => ({
  role: `${form}-participant-${i}-role`,
  start: `${form}-participant-${i}-start`,
  end: `${form}-participant-${i}-end`,
});

/** The "add a participant" picker: where errors about the whole list send focus. */
export const addParticipantId = (form: string) => `${form}-participant-new`;

/** Field specs by the pointers the server uses in `errors[]`. */
export function initiativeSpecs(
  form: string,
  values: InitiativeValues,
  t: TFunction,
): Record<string, FieldSpec> {
  const links = linkFieldIds(form);
  const specs: Record<string, FieldSpec> = {
    '/name': { id: `${form}-name`, label: t('activities.initiatives.fields.name') },
    '/description': { id: `${form}-description`, label: t('activities.fields.description') },
    '/status': { id: `${form}-status`, label: t('activities.initiatives.fields.status') },
    '/startDate': { id: `${form}-start`, label: t('activities.initiatives.fields.startDate') },
    '/endDate': { id: `${form}-end`, label: t('activities.initiatives.fields.endDate') },
    '/visibility': { id: `${form}-visibility`, label: t('actors.fields.visibility') },
    '/areaIds': { id: links.areas, label: t('actors.fields.areas') },
    '/domainIds': { id: links.domains, label: t('actors.fields.domains') },
    '/targetGroupIds': { id: links.targetGroups, label: t('actors.fields.targetGroups') },
    '/participants': {
      id: addParticipantId(form),
      label: t('activities.initiatives.fields.participants'),
    },
  };
  values.participants.forEach((row, i) => {
    const ids = participantIds(form, i);
    const name = row.name;
    specs[`/participants/${i}`] = {
      id: ids.role,
      label: t('activities.initiatives.fields.participantRole', { name }),
    };
    specs[`/participants/${i}/startDate`] = {
      id: ids.start,
      label: t('activities.initiatives.fields.participantStart', { name }),
    };
    specs[`/participants/${i}/endDate`] = {
      id: ids.end,
      label: t('activities.initiatives.fields.participantEnd', { name }),
    };
  });
  return specs;
}

/** The client checks; the server checks the same and has the last word. */
export function validateInitiative(values: InitiativeValues, ownCarrierId: string | null): Codes {
  const codes: Codes = {};
  checkText(codes, '/name', values.name, initiativeLimits.name, true);
  checkText(codes, '/description', values.description, initiativeLimits.description);
  checkPeriod(codes, { start: '/startDate', end: '/endDate' }, values.startDate, values.endDate);
  const seen = new Set<string>();
  values.participants.forEach((row, i) => {
    const key = `${row.actorId}:${row.role}`;
    if (seen.has(key)) codes[`/participants/${i}`] = 'duplicate';
    seen.add(key);
    checkPeriod(
      codes,
      { start: `/participants/${i}/startDate`, end: `/participants/${i}/endDate` },
      row.startDate,
      row.endDate,
    );
  });
  if (
    ownCarrierId !== null &&
    !values.participants.some((p) => p.actorId === ownCarrierId && p.role === 'carrier')
  ) {
    codes['/participants'] = 'own_carrier_required';
  }
  return codes;
}

export function initiativeInput(values: InitiativeValues): InitiativeInput {
  return {
    name: values.name.trim(),
    description: orNull(values.description),
    status: values.status,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    visibility: values.visibility,
    areaIds: values.areaIds,
    domainIds: values.domainIds,
    targetGroupIds: values.targetGroupIds,
    participants: values.participants.map((p) => ({
      actorId: p.actorId,
      role: p.role,
      startDate: p.startDate || null,
      endDate: p.endDate || null,
    })),
  };
}
