import { tieTypes, type NetworkFilter, type TieType } from './types.ts';

// The network pages' search parameters (Dutch, as the other pages): gebied, domein, relatie,
// peildatum; the comparison's van and tot. A "meting" (survey round) joins them later.

export interface NetworkFilterSearch {
  gebied?: string;
  domein?: string;
  relatie?: TieType;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;

export const validId = (v: unknown): string | undefined =>
  typeof v === 'string' && uuid.test(v) ? v : undefined;
export const validDay = (v: unknown): string | undefined =>
  typeof v === 'string' && day.test(v) ? v : undefined;

export function validateFilterSearch(search: Record<string, unknown>): NetworkFilterSearch {
  const gebied = validId(search.gebied);
  const domein = validId(search.domein);
  const relatie = tieTypes.find((type) => type === search.relatie);
  return {
    ...(gebied ? { gebied } : {}),
    ...(domein ? { domein } : {}),
    ...(relatie ? { relatie } : {}),
  };
}

export const filterOf = (s: NetworkFilterSearch): NetworkFilter => ({
  areaId: s.gebied,
  domainId: s.domein,
  type: s.relatie,
});

export const searchOf = (f: NetworkFilter): NetworkFilterSearch => ({
  ...(f.areaId ? { gebied: f.areaId } : {}),
  ...(f.domainId ? { domein: f.domainId } : {}),
  ...(f.type ? { relatie: f.type } : {}),
});
