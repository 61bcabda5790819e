import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../api/types.ts';
import { enCatalogue, nlCatalogue } from './catalogue.ts';

const STORAGE_KEY = 'wijkdragers.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** The language chosen on this device, if any. */
export function rememberedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
}

/** Switches the interface language and remembers it on this device. */
export function applyLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  if (language !== currentLanguage()) void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nlCatalogue }, en: { translation: enCatalogue } },
  lng: rememberedLanguage() ?? 'nl',
  fallbackLng: 'nl',
  supportedLngs: languages,
  initAsync: false,
  interpolation: { escapeValue: false },
});

export { i18n };
