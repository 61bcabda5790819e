import type { AppContext } from '../context.ts';
import type {
  ObstacleCategory,
  ObstacleSeverity,
  ObstacleStatus,
  ObstacleSubcategory,
} from '../db/types.ts';
import { areaNames, domainLabels } from '../modules/obstacles/insight-repo.ts';
import { dayOnly } from '../modules/obstacles/lifecycle.ts';
import { insertOwner, workspaceMembers } from '../modules/obstacles/owners-repo.ts';
import {
  insertEndorsement,
  insertEvent,
  insertObstacle,
  setObstacleLinks,
} from '../modules/obstacles/repo.ts';
import type { Random } from './random.ts';

// Demo obstacles for Wijkhaven: reports (a third anonymous), endorsements, owners and responses,
// spread over 2025 and early 2026. Deterministic for the seed.

const texts: {
  category: ObstacleCategory;
  subcategory: ObstacleSubcategory | null;
  title: string;
  help: string;
}[] = [
  {
    category: 'funding',
    subcategory: 'projects_only',
    title: 'Alleen geld voor nieuwe projecten, niet voor wat al werkt',
    help: 'Meerjarige basisfinanciering voor bewezen werk',
  },
  {
    category: 'funding',
    subcategory: 'too_short',
    title: 'Subsidie voor één jaar, werk voor tien',
    help: 'Subsidies voor drie tot vijf jaar',
  },
  {
    category: 'funding',
    subcategory: 'cofinancing',
    title: 'Cofinanciering verplicht, maar wij hebben geen eigen geld',
    help: 'Uren van vrijwilligers als eigen bijdrage tellen',
  },
  {
    category: 'funding',
    subcategory: 'reporting_burden',
    title: 'Verantwoording kost meer tijd dan het werk',
    help: 'Eén eenvoudig verslag per jaar',
  },
  {
    category: 'funding',
    subcategory: 'late_payment',
    title: 'Toegekende subsidie komt maanden te laat',
    help: 'Voorschot bij toekenning',
  },
  {
    category: 'funding',
    subcategory: 'no_overhead',
    title: 'Geen vergoeding voor huur en administratie',
    help: 'Een vast percentage voor overhead',
  },
  {
    category: 'funding',
    subcategory: 'procurement_rules',
    title: 'Aanbesteding sluit kleine buurtorganisaties uit',
    help: 'Percelen voor kleine partijen',
  },
  {
    category: 'bureaucracy',
    subcategory: 'staff_turnover',
    title: 'Elk half jaar een nieuwe contactpersoon bij de gemeente',
    help: 'Een vast aanspreekpunt per wijk',
  },
  {
    category: 'bureaucracy',
    subcategory: 'slow_decisions',
    title: 'Vergunning voor buurtfeest duurt drie maanden',
    help: 'Eenvoudige meldplicht voor kleine evenementen',
  },
  {
    category: 'bureaucracy',
    subcategory: 'fragmented_decisions',
    title: 'Drie loketten voor één vraag',
    help: 'Eén loket dat de vraag rondbrengt',
  },
  {
    category: 'bureaucracy',
    subcategory: 'attitude',
    title: 'Bewonersinitiatieven worden als lastig gezien',
    help: 'Waardering en meedenken vanaf het begin',
  },
  {
    category: 'policy',
    subcategory: null,
    title: 'Regels voor vrijwilligersvergoeding schrikken bijstandsgerechtigden af',
    help: 'Duidelijke vrijstelling',
  },
  {
    category: 'policy',
    subcategory: null,
    title: 'Buurthuis mag niet na 22.00 uur open',
    help: 'Ruimere openingstijden voor buurtfuncties',
  },
  {
    category: 'competition',
    subcategory: null,
    title: 'Grote welzijnsorganisatie neemt ons project over',
    help: 'Samenwerking in plaats van overname',
  },
  {
    category: 'other',
    subcategory: null,
    title: 'Geen betaalbare ruimte om samen te komen',
    help: 'Leegstaande panden tijdelijk beschikbaar',
  },
];

const severities: ObstacleSeverity[] = ['low', 'medium', 'medium', 'high', 'high', 'critical'];
const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

export async function seedObstacles(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
  count: number,
): Promise<{ obstacles: number; endorsements: number }> {
  const db = ctx.db;
  const members = await workspaceMembers(db, workspaceId);
  // Owners are answered by the members who can log in (the demo logins) first.
  const byLogin = [...members].sort((a, b) => Number(b.canLogIn) - Number(a.canLogIn));
  const officers = byLogin.filter((m) => m.role === 'policy_officer').map((m) => m.user_id);
  const coordinators = byLogin.filter((m) => m.role === 'coordinator').map((m) => m.user_id);
  const areaIds = [...(await areaNames(db, workspaceId)).keys()].sort();
  const domainIds = [...(await domainLabels(db, workspaceId)).keys()].sort();
  const stamp = at(Date.parse('2025-01-01T00:00:00Z'));
  const owners = [
    { id: random.uuid(), name: 'Gemeente Wijkhaven – Subsidies' },
    { id: random.uuid(), name: 'Gemeente Wijkhaven – Sociaal Domein' },
  ];
  for (const o of owners)
    await insertOwner(
      db,
      {
        id: o.id,
        workspace_id: workspaceId,
        name: o.name,
        kind: 'department',
        actor_id: null,
        created_at: stamp,
        updated_at: stamp,
      },
      [...new Set([...officers.slice(0, 1), ...coordinators.slice(0, 1)])].map((user_id) => ({
        workspace_id: workspaceId,
        owner_id: o.id,
        user_id,
      })),
    );
  const start = Date.parse('2025-01-06T09:00:00Z');
  const end = Date.parse('2026-02-20T09:00:00Z');
  let endorsements = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const text = texts[i % texts.length]!;
      const id = random.uuid();
      const anonymous = random.chance(0.35);
      const reporter = random.pick(members).user_id;
      const exact = at(start + Math.floor(random.next() * (end - start)));
      const created = anonymous ? dayOnly(exact) : exact;
      const owner = text.category === 'funding' ? owners[0]! : owners[1]!;
      const steps: ObstacleStatus[] = (
        [
          [],
          ['acknowledged'],
          ['acknowledged', 'in_progress'],
          ['acknowledged', 'in_progress', 'resolved'],
          ['acknowledged', 'in_progress', 'unresolvable'],
          ['acknowledged', 'in_progress', 'forwarded'],
        ] as ObstacleStatus[][]
      )[random.int(0, 5)]!;
      const routed = steps.length > 0 || random.chance(0.5);
      let t = Date.parse(exact);
      const times = steps.map(() => (t += random.int(2, 30) * DAY));
      const status = steps.at(-1) ?? 'reported';
      const last = times.at(-1);
      const closed = ['resolved', 'unresolvable', 'forwarded'].includes(status);
      await insertObstacle(trx, {
        id,
        workspace_id: workspaceId,
        category: text.category,
        subcategory: text.subcategory,
        severity: random.pick(severities),
        title:
          i < texts.length
            ? text.title
            : `${text.title} (${random.pick(['Noord', 'Zuid', 'Oost', 'West', 'Centrum'])})`,
        description: `${text.title}. Dit speelt al langer en raakt meerdere dragers in de wijk.`,
        what_would_help: text.help,
        initiative_id: null,
        reporter_kind: anonymous ? 'anonymous' : 'named',
        reporter_user_id: anonymous ? null : reporter,
        status,
        owner_id: routed ? owner.id : null,
        due_date:
          routed && !closed
            ? new Date(Date.parse(exact) + 45 * DAY).toISOString().slice(0, 10)
            : null,
        merged_into_id: null,
        hidden_at: null,
        hidden_reason: null,
        first_response_at: times[0] ? at(times[0]) : null,
        resolved_at: closed && last ? at(last) : null,
        created_at: created,
        updated_at: last ? at(last) : created,
      });
      await setObstacleLinks(
        trx,
        workspaceId,
        id,
        areaIds.length ? random.sample(areaIds, random.int(1, 2)) : [],
        domainIds.length ? random.sample(domainIds, 1) : [],
      );
      const base = { workspace_id: workspaceId, obstacle_id: id };
      await insertEvent(trx, {
        ...base,
        id: random.uuid(),
        kind: 'reported',
        status: 'reported',
        note: null,
        actor_role: 'reporter',
        actor_user_id: anonymous ? null : reporter,
        created_at: created,
      });
      if (routed)
        await insertEvent(trx, {
          ...base,
          id: random.uuid(),
          kind: 'assigned',
          status: null,
          note: owner.name,
          actor_role: 'coordinator',
          actor_user_id: coordinators[0] ?? null,
          created_at: at(Date.parse(exact) + DAY),
        });
      for (const [k, s] of steps.entries())
        await insertEvent(trx, {
          ...base,
          id: random.uuid(),
          kind: 'status',
          status: s,
          note:
            s === 'unresolvable'
              ? 'Landelijke regelgeving; wij hebben het gemeld bij het ministerie.'
              : s === 'forwarded'
                ? 'Doorgezet naar de provincie, die de regeling uitvoert.'
                : s === 'resolved'
                  ? 'Opgenomen in de nieuwe subsidieregeling.'
                  : null,
          actor_role: 'owner',
          actor_user_id: officers[0] ?? null,
          created_at: at(times[k]!),
        });
      const endorsers = random.sample(
        members.map((m) => m.user_id).filter((u) => anonymous || u !== reporter),
        random.int(0, Math.min(8, members.length - 1)),
      );
      for (const user_id of endorsers) {
        await insertEndorsement(trx, {
          ...base,
          id: random.uuid(),
          user_id,
          context: random.chance(0.3) ? 'Dit herken ik uit mijn eigen buurt.' : null,
          created_at: at(Date.parse(exact) + random.int(1, 60) * DAY),
        });
        endorsements++;
      }
    }
  });
  return { obstacles: count, endorsements };
}
