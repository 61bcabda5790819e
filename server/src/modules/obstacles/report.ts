import type {
  ObstacleCategory,
  ObstacleSeverity,
  ObstacleStatus,
  ObstacleSubcategory,
} from '../../db/types.ts';
import type { Cell, Dashboard, Duration } from './dashboard.ts';

// The yearly systeemleren report: a self-contained Dutch HTML document and a CSV of the year's
// obstacles. Pure functions of plain data; every text is escaped.

export interface ReportObstacle {
  id: string;
  category: ObstacleCategory;
  subcategory: ObstacleSubcategory | null;
  severity: ObstacleSeverity;
  title: string;
  whatWouldHelp: string | null;
  status: ObstacleStatus;
  owner: string | null;
  endorsements: number;
  reportedOn: string;
  firstResponseOn: string | null;
  resolvedOn: string | null;
  explanation: string | null;
}

export interface ReportData {
  workspace: string;
  year: number;
  generatedOn: string;
  dashboard: Dashboard;
  obstacles: ReportObstacle[];
}

export const categoryNl: Record<ObstacleCategory, string> = {
  policy: 'Beleid en regelgeving',
  bureaucracy: 'Ambtenaren en bureaucratie',
  funding: 'Financieringsinstrumenten',
  competition: 'Concurrentie of tegenwerking',
  other: 'Anders',
};
export const statusNl: Record<ObstacleStatus, string> = {
  reported: 'Gemeld',
  acknowledged: 'Erkend',
  in_progress: 'In behandeling',
  resolved: 'Opgelost',
  unresolvable: 'Niet oplosbaar',
  forwarded: 'Doorgezet',
  withdrawn: 'Ingetrokken',
  merged: 'Samengevoegd',
};
const severityNl: Record<ObstacleSeverity, string> = {
  low: 'laag',
  medium: 'middel',
  high: 'hoog',
  critical: 'kritiek',
};

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const n = (c: { count: number | null }) => (c.count === null ? '&lt; 5' : String(c.count));
const days = (d: Duration) =>
  d.medianDays === null
    ? 'te weinig gegevens (&lt; 5)'
    : `${String(d.medianDays).replace('.', ',')} dagen (n = ${d.n})`;

function table(caption: string, head: string, cells: Cell[], label = (c: Cell) => c.label) {
  if (cells.length === 0) return `<p>${escapeHtml(caption)}: geen meldingen.</p>`;
  const rows = cells
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(label(c))}</th><td>${n(c)}</td><td>${c.endorsements === null ? '&lt; 5' : c.endorsements}</td></tr>`,
    )
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(head)}</th><th scope="col">Meldingen</th><th scope="col">Herkenningen</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The main obstacles: most recognised first, then most severe. */
export function mainObstacles(list: readonly ReportObstacle[], max = 10): ReportObstacle[] {
  const rank: Record<ObstacleSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  return [...list]
    .sort(
      (a, b) =>
        b.endorsements - a.endorsements ||
        rank[a.severity] - rank[b.severity] ||
        a.id.localeCompare(b.id),
    )
    .slice(0, max);
}

export function renderReportHtml(d: ReportData): string {
  const db = d.dashboard;
  const main = mainObstacles(d.obstacles)
    .map(
      (o) =>
        `<li><h3>${escapeHtml(o.title)}</h3><p>${escapeHtml(categoryNl[o.category])} · ernst ${severityNl[o.severity]} · ${o.endorsements} herkenning(en) · status: ${escapeHtml(statusNl[o.status])}${o.owner ? ` · eigenaar: ${escapeHtml(o.owner)}` : ''}</p>${o.whatWouldHelp ? `<p>Wat zou helpen: ${escapeHtml(o.whatWouldHelp)}</p>` : ''}${o.explanation ? `<p>Reactie: ${escapeHtml(o.explanation)}</p>` : ''}</li>`,
    )
    .join('');
  const outcomes = d.obstacles.filter((o) => o.resolvedOn !== null);
  const outcomeList = outcomes
    .map(
      (o) =>
        `<li>${escapeHtml(o.title)} — ${escapeHtml(statusNl[o.status])}${o.explanation ? `: ${escapeHtml(o.explanation)}` : ''}</li>`,
    )
    .join('');
  const title = `Systeemleren ${d.year} — ${d.workspace}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}caption{font-weight:bold;text-align:left}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Jaarverslag van het knelpuntenregister: welke knelpunten dragers in ${d.year} meldden, hoe vaak anderen ze herkenden, en hoe de eigenaren reageerden. Aantallen kleiner dan ${db.threshold} worden niet getoond („&lt; ${db.threshold}”), zodat niemand herleidbaar is. Gemaakt op ${d.generatedOn}.</p>
<h2>Samenvatting</h2>
<ul>
<li>Knelpunten gemeld: ${db.total === null ? `&lt; ${db.threshold}` : db.total}</li>
<li>Tijd tot eerste reactie (mediaan): ${days(db.timeToFirstResponse)}</li>
<li>Tijd tot uitkomst (mediaan): ${days(db.timeToResolution)}</li>
</ul>
<h2>Knelpunten per soort</h2>
${table('Per soort', 'Soort', db.byCategory, (c) => categoryNl[c.key as ObstacleCategory] ?? c.key)}
${table('Per status', 'Status', db.byStatus, (c) => statusNl[c.key as ObstacleStatus] ?? c.key)}
${table('Per eigenaar', 'Eigenaar', db.byOwner)}
${table('Per gebied', 'Gebied', db.byArea)}
${table('Per domein', 'Domein', db.byDomain)}
<h2>De belangrijkste knelpunten</h2>
${main ? `<ol>${main}</ol>` : '<p>Geen knelpunten gemeld.</p>'}
<h2>Uitkomsten</h2>
${outcomeList ? `<ul>${outcomeList}</ul>` : '<p>Nog geen uitkomsten.</p>'}
</main>
</body>
</html>
`;
}

/** RFC 4180 quoting, semicolons (Excel NL), CRLF, a BOM; formula-like cells are defused. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(d: ReportData): string {
  const head = [
    'id',
    'soort',
    'subsoort',
    'ernst',
    'titel',
    'status',
    'eigenaar',
    'herkenningen',
    'gemeld_op',
    'eerste_reactie_op',
    'uitkomst_op',
    'toelichting',
  ];
  const lines = d.obstacles.map((o) =>
    [
      o.id,
      o.category,
      o.subcategory,
      o.severity,
      o.title,
      o.status,
      o.owner,
      o.endorsements,
      o.reportedOn,
      o.firstResponseOn,
      o.resolvedOn,
      o.explanation,
    ]
      .map(csvCell)
      .join(';'),
  );
  return `\uFEFF${[head.join(';'), ...lines].join('\r\n')}\r\n`;
}
