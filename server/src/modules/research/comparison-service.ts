import {
  compareWaves,
  type CompareAnswer,
  type CompareItem,
  type Comparison,
} from '../../analytics/research/compare.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { ItemOptions } from '../../db/research-wave-types.ts';
import { fieldError, notFound } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { teamStudy } from './access.ts';
import {
  analysisAnswers,
  analysisItems,
  analysisWaves,
  type AnalysisAnswer,
} from './analysis-repo.ts';
import { answerValueOf } from './item-rules.ts';

// The team's comparison of the waves of a study. Every participant counts here, whatever their
// consent says about exports: the comparison is an analysis inside the team, not an export. Open
// text is not decrypted (only counted), so nothing special-category is read.

type ItemRow = Awaited<ReturnType<typeof analysisItems>>[number];

export const itemOptions = (row: Pick<ItemRow, 'options'>): ItemOptions =>
  JSON.parse(row.options) as ItemOptions;

/** The answer as a comparison value, or null when the stored answer is empty. */
function compareValue(item: ItemRow, a: AnalysisAnswer): CompareAnswer['value'] | null {
  if (item.kind === 'text') return a.value_text_enc === null ? null : '';
  return answerValueOf({ code: item.code, kind: item.kind, options: itemOptions(item) }, a, null);
}

export async function getComparison(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  query: { fromWaveId?: string | undefined; toWaveId?: string | undefined },
): Promise<Comparison> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  if ((query.fromWaveId === undefined) !== (query.toWaveId === undefined))
    throw invalid([
      fieldError(
        query.fromWaveId === undefined ? '/fromWaveId' : '/toWaveId',
        'required',
        'Give both fromWaveId and toWaveId, or neither.',
        'query',
      ),
    ]);
  if (query.fromWaveId !== undefined && query.fromWaveId === query.toWaveId)
    throw invalid([fieldError('/toWaveId', 'same_wave', 'Compare two different waves.', 'query')]);
  const [waves, items, answers] = await Promise.all([
    analysisWaves(ctx.db, studyId),
    analysisItems(ctx.db, studyId),
    analysisAnswers(ctx.db, studyId),
  ]);
  for (const id of [query.fromWaveId, query.toWaveId])
    if (id !== undefined && !waves.some((w) => w.id === id))
      throw notFound('No such wave in this study.');
  const itemById = new Map(items.map((i) => [i.id, i]));
  const compareItems: CompareItem[] = items.map((i) => ({
    waveId: i.wave_id,
    code: i.code,
    kind: i.kind,
    position: i.position,
    promptNl: i.prompt_nl,
    promptEn: i.prompt_en,
    options: itemOptions(i),
  }));
  const values = answers.flatMap((a) => {
    const item = itemById.get(a.item_id);
    const value = item ? compareValue(item, a) : null;
    return item && value !== null
      ? [{ waveId: a.wave_id, code: item.code, pseudonym: a.pseudonym, value }]
      : [];
  });
  return compareWaves(
    waves.map((w) => ({ id: w.id, title: w.title, startsOn: w.starts_on })),
    compareItems,
    values,
    query.fromWaveId && query.toWaveId
      ? { fromWaveId: query.fromWaveId, toWaveId: query.toWaveId }
      : undefined,
  );
}
