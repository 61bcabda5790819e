import { policy } from '../../../src/auth/policy.ts';
import { nowIso } from '../../../src/context.ts';
import { addParticipant } from '../../../src/modules/research/participant-service.ts';
import { insertMember } from '../../../src/modules/research/study-repo.ts';
import { createStudy } from '../../../src/modules/research/study-service.ts';
import { addItem, createWave } from '../../../src/modules/research/wave-service.ts';
import type { Cell, Rows } from './types.ts';

/**
 * Comparison, the import of an earlier wave and the exports of the research module (issue 8).
 * As in research-waves.ts, each request gets a fresh study of the cell's workspace with a
 * calling researcher as its steward; the import gets an import wave with one Likert item and a
 * participant to key its one row by pseudonym.
 */
export const researchAnalysisRows: Rows = ({ ctx, system, unique, W }) => {
  const study = async ({ ws, own, caller }: Cell) => {
    const s = await createStudy(ctx(), system, ws.id, { title: 'Matrixanalyse', status: 'active' });
    if (
      own &&
      caller.userId &&
      caller.spec.kind !== 'anonymous' &&
      caller.spec.role === 'researcher'
    )
      await insertMember(ctx().db, {
        study_id: s.id,
        workspace_id: ws.id,
        user_id: caller.userId,
        role: 'steward',
        added_by: null,
        created_at: nowIso(ctx()),
      });
    return s.id;
  };
  const S = `${W}/research/studies/:studyId`;
  const conduct = policy.workspace('research.conduct');
  const onStudy = async (c: Cell) => ({ params: { studyId: await study(c) } });
  const exportRow = { policy: conduct, success: 200, request: onStudy };
  return {
    [`GET ${S}/comparison`]: exportRow,
    [`POST ${S}/waves/:waveId/imports`]: {
      policy: conduct,
      success: 201,
      request: async (c) => {
        const studyId = await study(c);
        const w = await createWave(ctx(), system, c.ws.id, studyId, {
          title: 'Golf 2011',
          startsOn: '2011-03-01',
          source: 'import',
        });
        await addItem(ctx(), system, c.ws.id, studyId, w.id, {
          code: 'tevreden',
          kind: 'likert',
          promptNl: 'Hoe tevreden?',
          options: { points: 5 },
        });
        const { participant } = await addParticipant(ctx(), system, c.ws.id, studyId, {
          kind: 'external',
          name: 'Matrix Deelnemer',
          email: unique('analyse'),
        });
        const csv = `Deelnemer;Tevreden\r\n${participant.pseudonym};4\r\n`;
        return {
          params: { studyId, waveId: w.id },
          payload: {
            filename: 'golf-2011.csv',
            format: 'csv',
            contentBase64: Buffer.from(csv).toString('base64'),
            participantColumn: 'Deelnemer',
            participantKey: 'pseudonym',
            columns: { Tevreden: 'tevreden' },
          },
        };
      },
    },
    [`GET ${S}/exports`]: exportRow,
    [`GET ${S}/exports/answers.csv`]: exportRow,
    [`GET ${S}/exports/wide.csv`]: exportRow,
    [`GET ${S}/exports/codebook.json`]: exportRow,
    [`GET ${S}/exports/codebook.md`]: exportRow,
    [`GET ${S}/exports/segments.csv`]: exportRow,
  };
};
