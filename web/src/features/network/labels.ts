import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkEdge, NetworkMetrics, NetworkNode, TieType } from './types.ts';

// Vocabularies of the network view: node classes and their colours, tie styles, metric names.

/** What a node is drawn as: a carrier (person), a small or large organisation, or one of unknown size. */
export const nodeClasses = ['carrier', 'small', 'large', 'organisation'] as const;
export type NodeClass = (typeof nodeClasses)[number];

export const nodeClassOf = (n: Pick<NetworkNode, 'kind' | 'sizeClass'>): NodeClass =>
  n.kind === 'person' ? 'carrier' : (n.sizeClass ?? 'organisation');

/**
 * Okabe–Ito colours (colour-blind safe), for the WebGL canvas, which cannot read CSS variables.
 * The legend uses the same values through CSS classes in network.css.
 */
export const nodeColours: Record<NodeClass, string> = {
  carrier: '#e69f00',
  small: '#56b4e9',
  large: '#0072b2',
  organisation: '#999999',
};

/**
 * Tie styles: tension and obstruction differ from the other ties in colour, thickness and a
 * label drawn along the edge, so colour is never the only cue.
 */
export interface EdgeStyle {
  colour: string;
  size: number;
  /** Drawn along the edge (tension and obstruction only). */
  labelled: boolean;
}

export function edgeStyle(type: TieType, weight: number): EdgeStyle {
  if (type === 'tension') return { colour: '#d55e00', size: 4, labelled: true };
  if (type === 'obstruction') return { colour: '#8b1a1a', size: 6, labelled: true };
  // awareness 1 … integrated 4: from 0.75 to 2, always thinner than the two above.
  return { colour: '#6b6b6b', size: 0.5 + weight * 0.375, labelled: false };
}

/** Node metrics the graph can size its nodes by (what the API returns per node). */
export const sizeMetrics = [
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'pageRank',
  'brokerage',
  'trust',
  'value',
] as const;
export type SizeMetric = (typeof sizeMetrics)[number];

export const isSizeMetric = (v: unknown): v is SizeMetric =>
  typeof v === 'string' && (sizeMetrics as readonly string[]).includes(v);

/** The node table's metric columns, in order. */
export const nodeColumns = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'betweenness',
  'closeness',
  'pageRank',
  'clustering',
  'brokerage',
  'trust',
  'value',
  'raters',
  'community',
] as const satisfies readonly (keyof NetworkNode)[];
export type NodeColumn = (typeof nodeColumns)[number];

/** Network-level metrics in the definition list, in order. */
export const networkTerms = [
  'nodes',
  'ties',
  'density',
  'degreeCentralisation',
  'inDegreeCentralisation',
  'outDegreeCentralisation',
  'reciprocity',
  'averageClustering',
  'components',
  'isolates',
  'largestComponentShare',
  'communities',
  'modularity',
  'trust',
  'value',
] as const satisfies readonly (keyof NetworkMetrics)[];

/** Whole numbers (counts and labels) are shown without decimals. */
export const countMetrics: ReadonlySet<string> = new Set([
  'nodes',
  'ties',
  'components',
  'isolates',
  'communities',
  'degree',
  'inDegree',
  'outDegree',
  'brokerage',
  'raters',
  'community',
]);

export const tieTypeLabel = (type: TieType, t: TFunction) => t(`network.tieType.${type}`);

/** "→" for a directed tie seen from its source, "←" from its target, "↔" for a mutual one. */
export function directionOf(
  edge: Pick<NetworkEdge, 'directed' | 'source'>,
  from: string,
): 'out' | 'in' | 'mutual' {
  if (!edge.directed) return 'mutual';
  return edge.source === from ? 'out' : 'in';
}

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/** Metric values: up to three decimals; an empty value says "geen waarde". */
export function useMetricFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? locales.en : locales.nl;
  return useMemo(() => {
    const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    const signed = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 3,
      signDisplay: 'exceptZero',
    });
    const percent = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    return {
      value: (v: number | null | undefined) =>
        v === null || v === undefined ? t('network.noValue') : decimals.format(v),
      delta: (v: number | null | undefined) =>
        v === null || v === undefined ? t('network.noValue') : signed.format(v),
      percent: (v: number) => percent.format(v),
    };
  }, [locale, t]);
}
