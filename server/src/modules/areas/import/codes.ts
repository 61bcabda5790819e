/** CBS area codes: GM0599 (gemeente), WK059901 (wijk), BU05990110 (buurt). Amsterdam's contain letters. */

export const levels = ['gemeente', 'wijk', 'buurt'] as const;
export type Level = (typeof levels)[number];

const PATTERNS: Record<Level, RegExp> = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
};

/** The level of a valid CBS code, or undefined when the code is not one. */
export function levelOf(code: string): Level | undefined {
  return levels.find((l) => PATTERNS[l].test(code));
}

export const isCbsCode = (code: string): boolean => levelOf(code) !== undefined;

/** BU05990110 → WK059901 → GM0599 → null. */
export function parentCode(code: string): string | null {
  const level = levelOf(code);
  if (level === 'buurt') return `WK${code.slice(2, 8)}`;
  if (level === 'wijk') return `GM${code.slice(2, 6)}`;
  return null;
}

/** The municipality a valid code belongs to (GM + its four digits). */
export const gemeenteOf = (code: string): string => `GM${code.slice(2, 6)}`;
