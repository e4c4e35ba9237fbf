import { enFirst } from './locales/en-first.ts';
import type { FirstWords, MessageKey, Messages } from './locales/en.ts';

export type { FirstWords, MessageKey, Messages };

/**
 * A locale's words with the page's overrides: every key for a translated locale; for English,
 * the first view's keys (and any override), completed by {@link withEnglish} in the later steps.
 */
export type Words = FirstWords & Partial<Messages>;

/** Built-in locales. Each is its own chunk, fetched only when chosen. */
const LOADERS: Record<string, () => Promise<Words>> = {
  en: async () => enFirst,
  es: () => import('./locales/es.ts').then((m) => m.es),
  fr: () => import('./locales/fr.ts').then((m) => m.fr),
  de: () => import('./locales/de.ts').then((m) => m.de),
  pt: () => import('./locales/pt.ts').then((m) => m.pt),
  it: () => import('./locales/it.ts').then((m) => m.it),
  nl: () => import('./locales/nl.ts').then((m) => m.nl),
  pl: () => import('./locales/pl.ts').then((m) => m.pl),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  tr: () => import('./locales/tr.ts').then((m) => m.tr),
  ja: () => import('./locales/ja.ts').then((m) => m.ja),
  zh: () => import('./locales/zh.ts').then((m) => m.zh),
  ar: () => import('./locales/ar.ts').then((m) => m.ar),
  he: () => import('./locales/he.ts').then((m) => m.he),
};

export const LOCALES = Object.keys(LOADERS);
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * The first built-in locale that fits, in order: configuration, the page's `lang`, the
 * browser's languages; an exact match first, then the base language; English last.
 */
export function pickLocale(candidates: readonly (string | undefined | null)[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const base = candidate.toLowerCase().split('-')[0] ?? '';
    if (LOADERS[base]) return base;
  }
  return 'en';
}

export function isRtl(locale: string): boolean {
  return RTL.has(locale);
}

/** The locale's words with the page's overrides on top (a key no view reads is simply never shown). */
export async function loadMessages(locale: string, overrides: Record<string, string> = {}): Promise<Words> {
  const messages = LOADERS[locale] ? await LOADERS[locale]() : enFirst;
  return { ...messages, ...overrides };
}

/** Fills `{name}` placeholders. Values are plain text: views render it as text, never as HTML. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
