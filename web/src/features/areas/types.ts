/** Response shapes of the area endpoints (modules areas and directory of the server). */

export const areaLevels = ['gemeente', 'wijk', 'buurt'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export interface AreaSummary {
  id: string;
  code: string;
  level: AreaLevel;
  cbsYear: number;
  name: string;
  parentCode: string | null;
  population: number | null;
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
}

export interface ActorRef {
  id: string;
  name: string;
}

export const matrixColumns = ['carriers', 'small_organisations', 'large_organisations'] as const;
export type MatrixColumn = (typeof matrixColumns)[number];

export interface IndicatorSeries {
  key: string;
  /** Oldest first; null when missing or secret. */
  values: Array<{ year: number; value: number | null }>;
}

export interface MatrixRow {
  domainId: string;
  label: string;
  labelEn: string;
  cells: Array<{ column: MatrixColumn; count: number; actors: ActorRef[] }>;
}

/** GET W/areas/:areaId/overview */
export interface AreaOverview {
  area: AreaRef & { cbsYear: number; parentCode: string | null; population: number | null };
  indicators: IndicatorSeries[];
  matrix: { columns: MatrixColumn[]; rows: MatrixRow[] };
  initiatives: Array<{
    id: string;
    name: string;
    startDate: string | null;
    endDate: string | null;
  }>;
  initiativeCount: number;
  carriers: ActorRef[];
  carrierCount: number;
  subAreas: AreaRef[];
}

export const crsChoices = ['EPSG:28992', 'EPSG:4326'] as const;
export type CrsChoice = (typeof crsChoices)[number];

export interface ImportError {
  pointer: string;
  code: string;
  detail: string;
}

/** What an area import did. */
export interface AreaImportReport {
  mapping: string;
  crs: CrsChoice;
  created: number;
  updated: number;
  errors: ImportError[];
}

export interface AreaImportWarning {
  code: string;
  detail: string;
  /** How many features it concerns, when it is about features. */
  count?: number;
}

/** What an area import would do (POST W/area-imports with dryRun): nothing is written. */
export interface AreaImportPreview {
  dryRun: true;
  mapping: string;
  crs: CrsChoice;
  crsFrom: 'option' | 'file' | 'coordinates';
  year: number;
  features: number;
  created: number;
  updated: number;
  /** The first codes that would be created and updated, in file order. */
  createdCodes: string[];
  updatedCodes: string[];
  levels: Record<AreaLevel, number>;
  warnings: AreaImportWarning[];
}

export interface AreaImportInput {
  geojson: Record<string, unknown>;
  year: number;
  crs?: CrsChoice;
}

export const runStatuses = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** A background area import (POST W/area-import-runs, GET W/area-import-runs/:runId). */
export interface AreaImportRun {
  id: string;
  status: RunStatus;
  /** Steps in all (each feature is checked and written: 2 × features); null until known. */
  total: number | null;
  done: number;
  /** When it succeeded: what was written. */
  report?: AreaImportReport;
  /** When it failed: the problem, with every bad feature in `errors`; nothing was written. */
  problem?: { code: string; errors?: ImportError[] };
  createdAt?: string;
  finishedAt?: string | null;
}
