import type {
  ActorKind,
  BudgetBand,
  OrganisationKind,
  SizeClass,
  Visibility,
} from '../../db/types.ts';
import { formatCsv, type CsvValue, type Delimiter } from './csv.ts';

/**
 * The columns of the actors and activities CSV exports. Headers are the API's field names; areas
 * are CBS codes and domains/target groups Dutch labels, each list joined by "; ". Persons' contact
 * details are never exported; organisations' email and phone only to coordinators and admins.
 */

const join = (items: readonly string[] | undefined) => (items ?? []).join('; ');

export interface ActorExportRow {
  id: string;
  kind: ActorKind;
  name: string;
  carries: string | null;
  bio: string | null;
  org_kind: OrganisationKind | null;
  size_class: SizeClass | null;
  budget_band: BudgetBand | null;
  staff_count: number | null;
  kvk_number: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
}

export interface Links {
  areaCodes: ReadonlyMap<string, string[]>;
  domains: ReadonlyMap<string, string[]>;
  targetGroups: ReadonlyMap<string, string[]>;
}

export const actorColumns = [
  'id',
  'kind',
  'name',
  'carries',
  'description',
  'orgKind',
  'sizeClass',
  'budgetBand',
  'staffCount',
  'kvkNumber',
  'website',
  'email',
  'phone',
  'visibility',
  'areaCodes',
  'domains',
  'targetGroups',
  'organisations',
  'createdAt',
  'updatedAt',
];

export function actorsCsv(
  actors: ActorExportRow[],
  links: Links,
  organisationsOf: ReadonlyMap<string, string[]>,
  opts: { delimiter: Delimiter; orgContact: boolean },
): string {
  const rows = actors.map((a): CsvValue[] => {
    const org = a.kind === 'organisation';
    const contact = org && opts.orgContact;
    return [
      a.id,
      a.kind,
      a.name,
      a.carries,
      a.bio,
      a.org_kind,
      a.size_class,
      a.budget_band,
      a.staff_count,
      org ? a.kvk_number : null,
      org ? a.website : null,
      contact ? a.email : null,
      contact ? a.phone : null,
      a.visibility,
      join(links.areaCodes.get(a.id)),
      join(links.domains.get(a.id)),
      join(links.targetGroups.get(a.id)),
      org ? '' : join(organisationsOf.get(a.id)),
      a.created_at,
      a.updated_at,
    ];
  });
  return formatCsv(actorColumns, rows, opts.delimiter);
}

export interface ActivityExportRow {
  id: string;
  title: string;
  description: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
  createdAt: string;
  updatedAt: string;
  actorId: string;
  actorName: string;
  actorKind: ActorKind;
  visibility: Visibility;
  initiativeId: string | null;
  initiativeName: string | null;
  initiativeVisibility: Visibility | null;
}

export const activityColumns = [
  'id',
  'title',
  'description',
  'actorId',
  'actorName',
  'actorKind',
  'initiativeId',
  'initiativeName',
  'startDate',
  'endDate',
  'status',
  'hoursPerWeek',
  'visibility',
  'areaCodes',
  'domains',
  'targetGroups',
  'createdAt',
  'updatedAt',
];

/** planned before its start date, ended after its end date, active in between. */
export function activityStatus(a: { startDate: string; endDate: string | null }, today: string) {
  if (a.startDate > today) return 'planned';
  return a.endDate !== null && a.endDate < today ? 'ended' : 'active';
}

export function activitiesCsv(
  activities: ActivityExportRow[],
  links: Links,
  opts: { delimiter: Delimiter; today: string; seesInitiative: (v: Visibility) => boolean },
): string {
  const rows = activities.map((x): CsvValue[] => {
    const initiative =
      x.initiativeVisibility !== null && opts.seesInitiative(x.initiativeVisibility);
    return [
      x.id,
      x.title,
      x.description,
      x.actorId,
      x.actorName,
      x.actorKind,
      initiative ? x.initiativeId : null,
      initiative ? x.initiativeName : null,
      x.startDate,
      x.endDate,
      activityStatus(x, opts.today),
      x.hoursPerWeek,
      x.visibility,
      join(links.areaCodes.get(x.id)),
      join(links.domains.get(x.id)),
      join(links.targetGroups.get(x.id)),
      x.createdAt,
      x.updatedAt,
    ];
  });
  return formatCsv(activityColumns, rows, opts.delimiter);
}
