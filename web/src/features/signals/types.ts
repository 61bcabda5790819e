// Overlap signals (issue 5), as the API gives them (server/src/modules/signals/schema.ts).

export const signalStates = [
  'open',
  'seen',
  'in_dialogue',
  'alliance_formed',
  'resolved',
  'dismissed',
] as const;
export type SignalState = (typeof signalStates)[number];

/** The states in which a signal still asks for attention. */
export const activeStates: readonly SignalState[] = ['open', 'seen', 'in_dialogue'];

export interface SignalActor {
  id: string;
  /** null when the caller may not see this actor. */
  name: string | null;
  kind: 'person' | 'organisation' | null;
  sizeClass: 'small' | 'large' | null;
}

export interface SignalReason {
  code: string;
  value: number;
  component: number;
  effect: { kind: 'weight' | 'raise' | 'factor'; amount: number };
  tieTypes?: string[];
}

export interface SignalSummary {
  id: string;
  state: SignalState;
  score: number;
  stale: boolean;
  staleSince: string | null;
  actors: SignalActor[];
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  reasons: SignalReason[];
  firstDetectedAt: string;
  detectedAt: string;
  updatedAt: string;
}

export interface PersonRef {
  userId: string | null;
  name: string | null;
}

export interface SignalNote {
  id: string;
  text: string;
  author: PersonRef | null;
  createdAt: string;
}

export interface SignalDetail extends SignalSummary {
  explanation: {
    facts: {
      sharedAreas: number;
      sharedDomains: number;
      sharedTargetGroups: number;
      overlapDays: number;
      contestedHours: number | null;
      sizeKinds: ('person' | 'small' | 'large' | 'unknown' | null)[];
      tieTypes: string[];
      sharedFunders: number;
    };
    components: Record<string, number>;
    cells: {
      areaId: string;
      domainId: string;
      targetGroupIds: string[];
      from: string;
      to: string;
      overlapDays: number;
    }[];
  };
  dismissReason: string | null;
  allianceId: string | null;
  allowedTransitions: SignalState[];
  history: {
    id: string;
    event: string;
    fromState: SignalState | null;
    toState: SignalState;
    reason: string | null;
    allianceId: string | null;
    by: PersonRef | null;
    at: string;
  }[];
  notes: SignalNote[];
}

export interface AllySuggestions {
  actorId: string;
  suggestions: {
    actor: SignalActor;
    score: number;
    sharedAreaIds: string[];
    complementaryDomainIds: string[];
    reasons: { code: string; value: number; component: number; weight: number }[];
  }[];
  excluded: {
    actor: SignalActor;
    reason: 'competes-under-tension';
    sharedCells: number;
    tieTypes: string[];
  }[];
}

export interface SignalFilter {
  areaId?: string | undefined;
  state?: SignalState | undefined;
  actorId?: string | undefined;
}
