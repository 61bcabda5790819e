import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The publiccode.yml standard (core 0.4): every mandatory key, with the value formats it asks for. */

const FILE = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../publiccode.yml');
const doc = parse(readFileSync(FILE, 'utf8'), { strict: true, uniqueKeys: true }) as Record<
  string,
  unknown
>;

const CATEGORIES = new Set(
  'accounting agile-project-management applicant-tracking application-development appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management cloud-management collaboration communications compliance-management contact-management content-management crm customer-service-and-support data-analytics data-collection data-visualization design design-system digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature educational-content email-management email-marketing employee-management enterprise-project-management enterprise-social-networking erp event-management facility-management feedback-and-reviews-management financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management graphic-design help-desk hr ide identity-management instant-messaging inventory-management it-asset-management it-development it-management it-security it-service-management knowledge-management learning-management-system marketing mind-mapping mobile-marketing mobile-payment network-management office online-booking online-community payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration project-management property-management real-estate-management remote-support resource-management sales-management seo service-desk social-media-management survey talent-management task-management taxes-management test-management time-management time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management web-collaboration web-conferencing website-builder whistleblowing workflow-management'.split(
    ' ',
  ),
);
const SCOPES = new Set(
  'agriculture culture defence education emergency-services employment energy environment finance-and-economic-development foreign-affairs healthcare infrastructures justice local-authorities manufacturing research science-and-technology security society sport tourism transportation welfare'.split(
    ' ',
  ),
);
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
];
const BCP47 = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const obj = (v: unknown, key: string): Record<string, unknown> => {
  expect(v, `${key} must be a mapping`).toBeTypeOf('object');
  expect(Array.isArray(v), `${key} must be a mapping`).toBe(false);
  return v as Record<string, unknown>;
};
const url = (v: unknown, key: string) => {
  expect(v, key).toBeTypeOf('string');
  expect(() => new URL(v as string), `${key} must be a URL`).not.toThrow();
  expect(new URL(v as string).protocol, `${key} must be http(s)`).toMatch(/^https?:$/);
};

describe('publiccode.yml', () => {
  it('declares publiccodeYmlVersion 0.4, a name, a repository URL and the platforms', () => {
    expect(doc.publiccodeYmlVersion).toBe('0.4'); // a string, not the number 0.4
    expect(doc.name).toBe('Wijkdragers');
    url(doc.url, 'url');
    if (doc.landingURL !== undefined) url(doc.landingURL, 'landingURL');
    const platforms = [doc.platforms].flat();
    expect(platforms.length).toBeGreaterThan(0);
    expect(platforms).toContain('web');
  });

  it('uses the controlled vocabularies for categories, status, type and scope', () => {
    const categories = doc.categories as string[];
    expect(Array.isArray(categories) && categories.length > 0).toBe(true);
    for (const c of categories) expect(CATEGORIES.has(c), `category ${c}`).toBe(true);
    expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(
      doc.developmentStatus,
    );
    expect(SOFTWARE_TYPES).toContain(doc.softwareType);
    const audience = doc.intendedAudience as { scope?: string[]; countries?: string[] } | undefined;
    for (const s of audience?.scope ?? []) expect(SCOPES.has(s), `scope ${s}`).toBe(true);
    for (const c of audience?.countries ?? []) expect(c).toMatch(/^[a-z]{2}$/);
    if (doc.releaseDate !== undefined)
      expect(String(doc.releaseDate)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('describes the software in Dutch and English within the length limits', () => {
    const description = obj(doc.description, 'description');
    expect(Object.keys(description).sort()).toEqual(['en', 'nl']);
    for (const lang of ['nl', 'en']) {
      expect(lang).toMatch(BCP47);
      const d = obj(description[lang], `description.${lang}`);
      const short = String(d.shortDescription ?? '').trim();
      const long = String(d.longDescription ?? '').trim();
      expect(short.length, `description.${lang}.shortDescription`).toBeGreaterThan(0);
      expect(short.length, `description.${lang}.shortDescription (max 150)`).toBeLessThanOrEqual(
        150,
      );
      expect(short.includes('\n'), `description.${lang}.shortDescription is one line`).toBe(false);
      expect(long.length, `description.${lang}.longDescription (min 150)`).toBeGreaterThanOrEqual(
        150,
      );
      expect(long.length, `description.${lang}.longDescription (max 10000)`).toBeLessThanOrEqual(
        10000,
      );
      const features = d.features as unknown[];
      expect(Array.isArray(features) && features.length > 0, `description.${lang}.features`).toBe(
        true,
      );
      for (const f of features) expect(typeof f === 'string' && f.trim().length > 0).toBe(true);
    }
  });

  it('names the EUPL-1.2 licence, the same one as LICENSE and package.json', () => {
    const legal = obj(doc.legal, 'legal');
    expect(legal.license).toBe('EUPL-1.2');
    const root = resolve(FILE, '..');
    expect(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).license).toBe(
      'EUPL-1.2',
    );
    expect(readFileSync(resolve(root, 'LICENSE'), 'utf8')).toMatch(
      /EUPL|European Union Public Licen[cs]e/,
    );
  });

  it('states the maintenance type with contacts, and the localisation', () => {
    const maintenance = obj(doc.maintenance, 'maintenance');
    expect(['internal', 'contract', 'community', 'none']).toContain(maintenance.type);
    if (maintenance.type === 'internal' || maintenance.type === 'community') {
      const contacts = maintenance.contacts as { name?: unknown; email?: unknown }[];
      expect(Array.isArray(contacts) && contacts.length > 0, 'maintenance.contacts').toBe(true);
      for (const c of contacts) {
        expect(typeof c.name === 'string' && c.name.trim().length > 0, 'contact name').toBe(true);
        if (c.email !== undefined) expect(String(c.email)).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
      }
    }
    if (maintenance.type === 'contract') {
      for (const c of maintenance.contractors as { name: string; until: string }[])
        expect(String(c.until)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const localisation = obj(doc.localisation, 'localisation');
    expect(localisation.localisationReady).toBe(true);
    expect(localisation.availableLanguages).toEqual(['nl', 'en']);
  });
});
