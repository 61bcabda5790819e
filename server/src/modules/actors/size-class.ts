import type { BudgetBand, SizeClass } from '../../db/types.ts';

/**
 * The size class of an organisation: small or large.
 *
 * Rule: **large** when its yearly budget is €1 million or more (band `1m_10m` or `gt_10m`) or it
 * has 50 or more staff; otherwise **small**, also when budget and staff are unknown. A
 * coordinator's override always wins.
 *
 * Why these thresholds: 50 staff is the EU's ceiling for a small enterprise (Recommendation
 * 2003/361/EC). The EU's money ceiling (€10 million turnover) is far above what separates
 * neighbourhood parties, though: in the social domain an organisation spending a million a year
 * is a professional institution (a welzijnsorganisatie, a woningcorporatie's team, a care
 * provider), while residents' initiatives and small foundations stay well below it. Unknown counts
 * as small because the parties whose figures nobody recorded are nearly always the small ones,
 * and the override corrects the rest.
 */
export const LARGE_STAFF = 50;
export const LARGE_BUDGET_BANDS: readonly BudgetBand[] = ['1m_10m', 'gt_10m'];

export interface SizeInput {
  budgetBand: BudgetBand | null;
  staffCount: number | null;
  override: SizeClass | null;
}

export function deriveSizeClass({ budgetBand, staffCount, override }: SizeInput): SizeClass {
  if (override) return override;
  if (budgetBand !== null && LARGE_BUDGET_BANDS.includes(budgetBand)) return 'large';
  if (staffCount !== null && staffCount >= LARGE_STAFF) return 'large';
  return 'small';
}
