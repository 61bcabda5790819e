import { Component, lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import type { GraphEdge, GraphNode } from './sigma-graph.tsx';
import { tieTypeLabel } from './labels.ts';
import { hasWebGl } from './webgl.ts';
import '../../styles/network.css';

// Sigma and graphology load only when a graph is shown, not with the first page.
const SigmaGraph = lazy(() => import('./sigma-graph.tsx'));

/** A failed chunk or a throwing renderer shows the "cannot draw" message, not an error page. */
class GraphBoundary extends Component<{ fallback: ReactNode; children: ReactNode }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

interface GraphFrameProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** The image's name: what it shows and that the tables hold the same. */
  summary: string;
  selected: string | null;
  onSelect: (id: string | null) => void;
  small?: boolean;
}

/**
 * The frame of a Sigma graph: one image for screen readers (the tables carry the same data),
 * or, where the browser has no WebGL, a message that says the tables still work.
 */
export function GraphFrame({ nodes, edges, summary, selected, onSelect, small }: GraphFrameProps) {
  const { t } = useTranslation();
  const [drawable, setDrawable] = useState(hasWebGl);
  const onFailure = useCallback(() => setDrawable(false), []);
  const edgeLabel = useCallback((e: GraphEdge) => tieTypeLabel(e.type, t), [t]);
  const unavailable = (
    <Alert type="info">
      <p className="utrecht-paragraph">{t('network.graph.noWebGl')}</p>
    </Alert>
  );
  if (!drawable) return <div className="wd-network-graph--unavailable">{unavailable}</div>;
  return (
    <div
      className={`wd-network-graph${small ? ' wd-network-graph--small' : ''}`}
      role="img"
      aria-label={summary}
    >
      <GraphBoundary fallback={unavailable}>
        <Suspense fallback={<p className="utrecht-paragraph">{t('network.graph.loading')}</p>}>
          <SigmaGraph
            nodes={nodes}
            edges={edges}
            edgeLabel={edgeLabel}
            selected={selected}
            onSelect={onSelect}
            onFailure={onFailure}
          />
        </Suspense>
      </GraphBoundary>
    </div>
  );
}
