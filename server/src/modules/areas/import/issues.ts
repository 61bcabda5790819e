/** One problem found in an import file: which feature or row (null: the file as a whole) and why. */
export interface ImportIssue {
  /** Index of the feature (GeoJSON) or data row (StatLine), or null for the whole file. */
  index: number | null;
  /** The area code of the feature or row, when it has one. */
  code?: string;
  reason: string;
  detail: string;
}

export const issue = (
  index: number | null,
  reason: string,
  detail: string,
  code?: string,
): ImportIssue => ({ index, reason, detail, ...(code ? { code } : {}) });

/** Parses JSON text (a UTF-8 BOM is allowed); a truncated or non-JSON file becomes an issue. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; issue: ImportIssue } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (err) {
    return {
      ok: false,
      issue: issue(
        null,
        'invalid_json',
        `The file is not valid JSON (truncated?): ${(err as Error).message}`,
      ),
    };
  }
}
