import type { TFunction } from 'i18next';
import {
  actorKinds,
  budgetBands,
  carrierRoles,
  contactChannels,
  organisationKinds,
  sizeClasses,
  visibilities,
  type ActorKind,
  type BudgetBand,
  type CarrierRole,
  type ContactChannel,
  type OrganisationKind,
  type SizeClass,
  type TrackRecordKind,
  type Visibility,
} from './types.ts';

// Translated labels of the actor vocabularies (glossary: drager, organisatie, …).

const kindKeys = {
  person: 'actors.kind.person',
  organisation: 'actors.kind.organisation',
} as const satisfies Record<ActorKind, string>;

const orgKindKeys = {
  bewonersinitiatief: 'actors.orgKind.bewonersinitiatief',
  stichting_vereniging: 'actors.orgKind.stichting_vereniging',
  sociale_onderneming: 'actors.orgKind.sociale_onderneming',
  welzijnsorganisatie: 'actors.orgKind.welzijnsorganisatie',
  woningcorporatie: 'actors.orgKind.woningcorporatie',
  zorgaanbieder: 'actors.orgKind.zorgaanbieder',
  gemeentelijke_afdeling: 'actors.orgKind.gemeentelijke_afdeling',
  fonds: 'actors.orgKind.fonds',
  school: 'actors.orgKind.school',
  universiteit: 'actors.orgKind.universiteit',
  bedrijf: 'actors.orgKind.bedrijf',
} as const satisfies Record<OrganisationKind, string>;

const sizeKeys = {
  small: 'actors.sizeClass.small',
  large: 'actors.sizeClass.large',
} as const satisfies Record<SizeClass, string>;

const budgetKeys = {
  lt_100k: 'actors.budgetBand.lt_100k',
  '100k_1m': 'actors.budgetBand.100k_1m',
  '1m_10m': 'actors.budgetBand.1m_10m',
  gt_10m: 'actors.budgetBand.gt_10m',
} as const satisfies Record<BudgetBand, string>;

const roleKeys = {
  bewoner: 'actors.role.bewoner',
  vrijwilliger: 'actors.role.vrijwilliger',
  initiatiefnemer: 'actors.role.initiatiefnemer',
  sociaal_ondernemer: 'actors.role.sociaal_ondernemer',
  professional: 'actors.role.professional',
  sleutelfiguur: 'actors.role.sleutelfiguur',
  verbinder: 'actors.role.verbinder',
  ervaringsdeskundige: 'actors.role.ervaringsdeskundige',
} as const satisfies Record<CarrierRole, string>;

const visibilityKeys = {
  private: 'actors.visibility.private',
  workspace: 'actors.visibility.workspace',
  public: 'actors.visibility.public',
} as const satisfies Record<Visibility, string>;

const visibilityHelpKeys = {
  private: 'actors.visibilityHelp.private',
  workspace: 'actors.visibilityHelp.workspace',
  public: 'actors.visibilityHelp.public',
} as const satisfies Record<Visibility, string>;

const channelKeys = {
  email: 'actors.channel.email',
  phone: 'actors.channel.phone',
  post: 'actors.channel.post',
  in_person: 'actors.channel.in_person',
} as const satisfies Record<ContactChannel, string>;

const trackKindKeys = {
  activity: 'actors.track.kind.activity',
  initiative: 'actors.track.kind.initiative',
  achievement: 'actors.track.kind.achievement',
  affiliation: 'actors.track.kind.affiliation',
} as const satisfies Record<TrackRecordKind, string>;

export const kindLabel = (kind: ActorKind, t: TFunction) => t(kindKeys[kind]);
export const orgKindLabel = (kind: OrganisationKind, t: TFunction) => t(orgKindKeys[kind]);
export const sizeClassLabel = (size: SizeClass, t: TFunction) => t(sizeKeys[size]);
export const budgetBandLabel = (band: BudgetBand, t: TFunction) => t(budgetKeys[band]);
export const visibilityLabel = (v: Visibility, t: TFunction) => t(visibilityKeys[v]);
export const visibilityHelp = (v: Visibility, t: TFunction) => t(visibilityHelpKeys[v]);
export const channelLabel = (c: ContactChannel, t: TFunction) => t(channelKeys[c]);
export const trackKindLabel = (k: TrackRecordKind, t: TFunction) => t(trackKindKeys[k]);

/** Carrier roles are a fixed list, but a label never breaks on a value it does not know. */
export const carrierRoleLabel = (role: string, t: TFunction): string =>
  role in roleKeys ? t(roleKeys[role as CarrierRole]) : role;

export const kindOptions = (t: TFunction) =>
  actorKinds.map((value) => ({ value, label: kindLabel(value, t) }));
export const orgKindOptions = (t: TFunction) =>
  organisationKinds.map((value) => ({ value, label: orgKindLabel(value, t) }));
export const sizeClassOptions = (t: TFunction) =>
  sizeClasses.map((value) => ({ value, label: sizeClassLabel(value, t) }));
export const budgetBandOptions = (t: TFunction) =>
  budgetBands.map((value) => ({ value, label: budgetBandLabel(value, t) }));
export const carrierRoleOptions = (t: TFunction) =>
  carrierRoles.map((value) => ({ value, label: carrierRoleLabel(value, t) }));
export const visibilityOptions = (t: TFunction) =>
  visibilities.map((value) => ({ value, label: visibilityLabel(value, t) }));
export const channelOptions = (t: TFunction) =>
  contactChannels.map((value) => ({ value, label: channelLabel(value, t) }));
