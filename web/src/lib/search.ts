export interface PageSearch {
  page?: number;
}

/** `?page=` as a positive integer; anything else means the first page. */
export function validatePageSearch(search: Record<string, unknown>): PageSearch {
  const page = Number(search.page);
  return Number.isInteger(page) && page > 1 ? { page } : {};
}
