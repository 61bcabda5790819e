import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { REPO_ROOT } from '../../../../test/cbs-data.ts';
import { CI } from '../../../../test/harness.ts';

/**
 * Test-only: validates an HSDS export against the Open Referral HSDS 3.0 schemas in
 * `../shared/data/hsds` (see its SOURCE.md). What this loader adapts, and nothing else:
 * - HSDS's own annotation keywords (`name`, `path`, `datapackage_metadata`, `constraints`, `core`,
 *   `example`, `datapackage_type`, `tabular_required`) are declared as a vocabulary, so Ajv in
 *   strict mode accepts them as annotations instead of failing on unknown keywords;
 * - the formats `uuid`, `email`, `uri` and `date-time` are defined here (Ajv has none built in);
 * - the envelope schema is the HSDS API's own 200 response of `GET /organizations`
 *   (`openapi.json`), with its local `#/components/schemas/Page` reference inlined and the
 *   `type: object` that OpenAPI leaves implicit made explicit (Ajv's strict mode asks for it); the
 *   compiled files are registered under the URLs that response refers to;
 * - `constraints.unique` (an id is unique within a dataset) is checked by hand: objects with the
 *   same id must be the same object (a CBS area appears as one location under every organisation
 *   working in it).
 * Every organisation is validated as the envelope's `organization_list` item and as the full
 * nested organisation (`service_with_definitions.json#/definitions/organization`); every service
 * as the full compiled service (`service_with_definitions.json`).
 */

export const HSDS_DIR = resolve(REPO_ROOT, '../shared/data/hsds');
const FILES = [
  'openapi.json',
  'compiled/organization_list.json',
  'compiled/service_with_definitions.json',
];
export const HAVE_HSDS_DATA = FILES.every((f) => existsSync(join(HSDS_DIR, f)));
if (!HAVE_HSDS_DATA) {
  const message = `HSDS schemas not found in ${HSDS_DIR}: the HSDS validation tests cannot run`;
  if (CI) throw new Error(`${message} (required when CI=true).`);
  console.warn(`\n*** ${message}: SKIPPING them ***\n`);
}

const COMPILED =
  'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/';
const ANNOTATIONS = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'core',
  'example',
  'datapackage_type',
  'tabular_required',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const read = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(HSDS_DIR, file), 'utf8')) as Record<string, unknown>;

function isUri(text: string): boolean {
  try {
    new URL(text);
    return /^[a-z][a-z0-9+.-]*:/i.test(text);
  } catch {
    return false;
  }
}

interface Validators {
  page: ValidateFunction;
  organization: ValidateFunction;
  service: ValidateFunction;
}

let validators: Validators | undefined;

function load(): Validators {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addFormat('uuid', UUID);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addSchema(read('compiled/organization_list.json'), `${COMPILED}organization_list.json`);
  ajv.addSchema(read('compiled/service_with_definitions.json'), 'service_with_definitions');

  const api = read('openapi.json') as {
    paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    components: { schemas: { Page: object } };
  };
  const response = api.paths['/organizations']?.get.responses['200'] as {
    content: { 'application/json': { schema: { allOf: { $ref: string }[] } } };
  };
  const envelope: Record<string, unknown> & { allOf: { $ref: string }[] } = {
    type: 'object',
    ...structuredClone(response.content['application/json'].schema),
  };
  envelope.allOf = envelope.allOf.map((s) =>
    s.$ref === '#/components/schemas/Page' ? (api.components.schemas.Page as { $ref: string }) : s,
  );
  return {
    page: ajv.compile(envelope),
    organization: ajv.compile({ $ref: 'service_with_definitions#/definitions/organization' }),
    service: ajv.compile({ $ref: 'service_with_definitions' }),
  };
}

const describe = (where: string, errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message ?? e.keyword}`);

/** Every id-carrying object by its path, to check HSDS's "unique identifier" constraint. */
function collectIds(
  value: unknown,
  path: string,
  out: Map<string, { path: string; value: unknown }[]>,
) {
  if (Array.isArray(value)) value.forEach((v, i) => collectIds(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') out.set(id, [...(out.get(id) ?? []), { path, value }]);
    for (const [k, v] of Object.entries(value)) collectIds(v, `${path}/${k}`, out);
  }
}

/** All problems of an HSDS export document; an empty list means it is valid. */
export function validateHsds(doc: unknown): string[] {
  validators ??= load();
  const v = validators;
  const problems: string[] = [];
  if (!v.page(doc)) problems.push(...describe('', v.page.errors));
  const contents = (doc as { contents?: unknown }).contents;
  if (!Array.isArray(contents)) return [...problems, '/contents: missing'];
  contents.forEach((org, i) => {
    if (!v.organization(org)) problems.push(...describe(`/contents/${i}`, v.organization.errors));
    const services = (org as { services?: unknown }).services;
    if (!Array.isArray(services)) problems.push(`/contents/${i}/services: missing`);
    else
      services.forEach((s, j) => {
        if (!v.service(s))
          problems.push(...describe(`/contents/${i}/services/${j}`, v.service.errors));
      });
  });
  const ids = new Map<string, { path: string; value: unknown }[]>();
  collectIds(contents, '/contents', ids);
  for (const [id, uses] of ids) {
    const first = uses[0]!;
    for (const u of uses.slice(1))
      if (!isDeepStrictEqual(u.value, first.value))
        problems.push(`${u.path}: id ${id} is also used by a different object at ${first.path}`);
  }
  return problems;
}
