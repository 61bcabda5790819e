import type { AppContext, UserActor } from '../context.ts';
import { findUserByEmail } from '../modules/auth/repo.ts';
import { detectSignals } from '../modules/signals/detect.ts';
import { loadActors } from '../modules/signals/input.ts';
import { allSignals, type SignalRow } from '../modules/signals/repo.ts';
import { transitionSignal } from '../modules/signals/service.ts';
import { findWorkspaceBySlug } from '../modules/workspaces/repo.ts';

// Demo overlap signals (issue 5) for Wijkhaven: detection over the seeded directory, ties and
// funding, then the demo coordinator moves a few through the real lifecycle (history and
// notifications included): the strongest carrier-or-small-organisation vs large-organisation
// pair stays open; the next strongest is in dialogue; another was seen; one is dismissed with a
// reason. Deterministic: the choice follows the detected scores and ids.

const COORDINATOR = 'coordinator@demo.wijkdragers.nl';

export interface DemoSignals {
  signals: number;
  open: string | null;
  inDialogue: string | null;
  seen: string | null;
  dismissed: string | null;
}

export async function seedSignals(ctx: AppContext, workspaceId: string): Promise<DemoSignals> {
  await detectSignals(ctx, workspaceId);
  const none: DemoSignals = {
    signals: 0,
    open: null,
    inDialogue: null,
    seen: null,
    dismissed: null,
  };
  const user = await findUserByEmail(ctx.db, COORDINATOR);
  const ws = await findWorkspaceBySlug(ctx.db, 'demo');
  const rows = (await allSignals(ctx.db, workspaceId)).filter((r) => r.stale_at === null);
  // Moved already (a second run): leave the states as they are.
  const moved = rows.some((r) => r.state !== 'open');
  if (!user || !ws || ws.id !== workspaceId || rows.length === 0 || moved)
    return { ...none, signals: rows.length };
  const coordinator: UserActor = {
    kind: 'user',
    userId: user.id,
    via: 'session',
    memberships: [{ workspaceId, role: 'coordinator' }],
  };
  const actors = new Map((await loadActors(ctx.db, workspaceId)).map((a) => [a.id, a]));
  const large = (id: string) => actors.get(id)?.sizeClass === 'large';
  const smallSide = (id: string) => {
    const a = actors.get(id);
    return a?.kind === 'person' || a?.sizeClass === 'small';
  };
  const mixed = (r: SignalRow) =>
    (large(r.actor_a_id) && smallSide(r.actor_b_id)) ||
    (large(r.actor_b_id) && smallSide(r.actor_a_id));
  const byScore = [...rows].sort(
    (x, y) => Number(y.score) - Number(x.score) || (x.id < y.id ? -1 : 1),
  );
  const candidates = byScore.filter(mixed);
  const rest = [...candidates, ...byScore.filter((r) => !mixed(r))];
  const [open, dialogue, seen, dismissed] = rest;
  const move = async (row: SignalRow | undefined, steps: [string, string?][]) => {
    if (!row) return null;
    for (const [to, reason] of steps)
      await transitionSignal(ctx, coordinator, ws, row.id, {
        to: to as 'seen',
        ...(reason ? { reason } : {}),
      });
    return row.id;
  };
  return {
    signals: rows.length,
    open: open?.id ?? null,
    inDialogue: await move(dialogue, [['seen'], ['in_dialogue']]),
    seen: await move(seen, [['seen']]),
    dismissed: await move(dismissed, [
      [
        'dismissed',
        'Andere doelgroep in de praktijk: zij werken met mantelzorgers, de drager met jongeren.',
      ],
    ]),
  };
}
