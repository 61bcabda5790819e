import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { edgeStyle, nodeClassOf, nodeColours } from './labels.ts';
import type { NetworkEdge, NetworkNode } from './types.ts';

// Sigma, graphology and ForceAtlas2 load in this chunk only, when a graph is shown.

export interface GraphNode extends Pick<NetworkNode, 'id' | 'label' | 'kind' | 'sizeClass'> {
  /** What the node's size shows; null: the smallest size. */
  size: number | null;
}

export type GraphEdge = Pick<
  NetworkEdge,
  'id' | 'source' | 'target' | 'type' | 'directed' | 'weight'
>;

export interface SigmaGraphProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** Text drawn along tension and obstruction ties (their translated type). */
  edgeLabel: (edge: GraphEdge) => string;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Called when Sigma cannot draw (no WebGL context, a lost context). */
  onFailure: () => void;
}

const MIN_SIZE = 4;
const MAX_SIZE = 16;
const FADED = '#d9d9d9';

/** Sizes between MIN_SIZE and MAX_SIZE, linear in the value. */
function sizesOf(nodes: readonly GraphNode[]): Map<string, number> {
  const values = nodes.flatMap((n) => (n.size === null ? [] : [n.size]));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return new Map(
    nodes.map((n) => [
      n.id,
      n.size === null || !(hi > lo)
        ? MIN_SIZE
        : MIN_SIZE + ((n.size - lo) / (hi - lo)) * (MAX_SIZE - MIN_SIZE),
    ]),
  );
}

/**
 * The network drawn by Sigma (WebGL), laid out by ForceAtlas2 from a circle, so the same data
 * always gives the same picture. A click on a node selects it; a click elsewhere clears it.
 */
export default function SigmaGraph({
  nodes,
  edges,
  edgeLabel,
  selected,
  onSelect,
  onFailure,
}: SigmaGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const selectedRef = useRef(selected);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const graph = new Graph({ multi: true, type: 'mixed' });
    const sizes = sizesOf(nodes);
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      graph.addNode(n.id, {
        label: n.label,
        x: Math.cos(angle) * 100,
        y: Math.sin(angle) * 100,
        size: sizes.get(n.id) ?? MIN_SIZE,
        color: nodeColours[nodeClassOf(n)],
      });
    });
    for (const e of edges) {
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
      const style = edgeStyle(e.type, e.weight);
      const attributes = {
        color: style.colour,
        size: style.size,
        type: e.directed ? 'arrow' : 'line',
        ...(style.labelled ? { label: edgeLabel(e), forceLabel: true } : {}),
      };
      if (e.directed) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attributes);
      else graph.addUndirectedEdgeWithKey(e.id, e.source, e.target, attributes);
    }
    if (graph.order > 1) {
      // Barnes–Hut and fewer rounds keep large networks (thousands of actors) responsive.
      const large = graph.order > 500;
      forceAtlas2.assign(graph, {
        iterations: graph.order > 2000 ? 50 : 200,
        settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, barnesHutOptimize: large },
      });
    }
    let renderer: Sigma;
    try {
      renderer = new Sigma(graph, el, {
        renderEdgeLabels: true,
        // Small graphs (an ego network) name every node; large ones only the bigger nodes.
        labelRenderedSizeThreshold: nodes.length <= 30 ? 0 : 8,
        edgeLabelSize: 12,
        edgeLabelColor: { attribute: 'color' },
        zIndex: true,
        nodeReducer: (node, data) => {
          const chosen = selectedRef.current;
          if (!chosen) return data;
          if (node === chosen) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
          if (graph.areNeighbors(node, chosen)) return { ...data, forceLabel: true, zIndex: 1 };
          return { ...data, color: FADED, label: '', zIndex: 0 };
        },
        edgeReducer: (edge, data) => {
          const chosen = selectedRef.current;
          if (!chosen || graph.hasExtremity(edge, chosen)) return data;
          return { ...data, color: FADED, label: '' };
        },
      });
    } catch {
      onFailure();
      return;
    }
    renderer.on('clickNode', ({ node }) => select.current(node));
    renderer.on('clickStage', () => select.current(null));
    const canvas = el.querySelector('canvas');
    const lost = () => onFailure();
    canvas?.addEventListener('webglcontextlost', lost);
    sigma.current = renderer;
    return () => {
      canvas?.removeEventListener('webglcontextlost', lost);
      renderer.kill();
      sigma.current = null;
    };
  }, [nodes, edges, edgeLabel, onFailure]);

  useEffect(() => {
    selectedRef.current = selected;
    sigma.current?.refresh({ skipIndexation: true });
  }, [selected]);

  return <div ref={container} className="wd-network-graph__canvas" />;
}
