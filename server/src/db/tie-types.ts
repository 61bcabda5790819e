// Ties (relaties, issue 4) between actors of a workspace. English API and column values; the UI
// shows the Dutch terms of the issue.

/**
 * Tie types: samenwerking (collaboration), steun (support), financiering (funding),
 * doorverwijzing (referral), informatie-uitwisseling (information_exchange),
 * spanning/concurrentie (tension), tegenwerking (obstruction).
 */
export const tieTypes = [
  'collaboration',
  'support',
  'funding',
  'referral',
  'information_exchange',
  'tension',
  'obstruction',
] as const;
export type TieType = (typeof tieTypes)[number];

/** PARTNER's levels of collaboration, weakest first. */
export const tieIntensities = ['awareness', 'cooperative', 'coordinated', 'integrated'] as const;
export type TieIntensity = (typeof tieIntensities)[number];

/** recorded: entered by a user (created_by); survey: an answer in a survey round. */
export const tieSources = ['recorded', 'survey'] as const;
export type TieSource = (typeof tieSources)[number];

export interface TiesTable {
  id: string;
  workspace_id: string;
  from_actor_id: string;
  to_actor_id: string;
  type: TieType;
  /** 1: from → to; 0: mutual (the order of the ends carries no meaning). */
  directed: number;
  intensity: TieIntensity;
  start_date: string;
  /** null: still current. */
  end_date: string | null;
  source: TieSource;
  /** The survey round (netwerkmeting) the tie was answered in; rounds have no table yet. */
  survey_round_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TieTables {
  ties: TiesTable;
}
