import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { GraphFrame } from './graph-frame.tsx';
import {
  countMetrics,
  nodeClassOf,
  nodeColumns,
  sizeMetrics,
  useMetricFormat,
  type SizeMetric,
} from './labels.ts';
import { GraphLegend } from './legend.tsx';
import { NetworkMetricsList } from './network-metrics.tsx';
import { NodeTable } from './node-table.tsx';
import { TieTable } from './tie-table.tsx';
import type { Network, NetworkNode } from './types.ts';

/** The selected node's details beside the graph: what it is, its metrics, a link to its page. */
function NodeDetails({
  slug,
  node,
  onClose,
}: {
  slug: string;
  node: NetworkNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useMetricFormat();
  return (
    <section className="wd-network-details" aria-labelledby="network-details" tabIndex={-1}>
      <h3 className="utrecht-heading-3" id="network-details">
        {node.label}
      </h3>
      <p className="utrecht-paragraph">{t(`network.nodeClass.${nodeClassOf(node)}`)}</p>
      <dl className="wd-network-metrics wd-network-metrics--compact">
        {nodeColumns.map((key) => (
          <div key={key} className="wd-network-metrics__item">
            <dt>{t(`network.nodeMetric.${key}`)}</dt>
            <dd>{countMetrics.has(key) ? String(node[key]) : format.value(node[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: node.id }}>
          {t('network.details.open', { name: node.label })}
        </TextLink>
      </p>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action-button"
        onClick={onClose}
      >
        {t('network.details.close')}
      </button>
    </section>
  );
}

/**
 * The network of a day: a Sigma graph (sized by a chosen metric, a node selected by a click or
 * from the table), the network's metrics, and the tables of nodes and ties with the same data.
 */
export function NetworkView({ slug, network }: { slug: string; network: Network }) {
  const { t } = useTranslation();
  const [sizeBy, setSizeBy] = useState<SizeMetric>('degree');
  const [selected, setSelected] = useState<string | null>(null);
  const details = useRef<HTMLDivElement>(null);
  // Trust and value come from survey rounds; without ratings there is nothing to size by.
  const available = sizeMetrics.filter(
    (m) => (m !== 'trust' && m !== 'value') || network.nodes.some((n) => n[m] !== null),
  );
  const graphNodes = useMemo(
    () => network.nodes.map((n) => ({ ...n, size: n[sizeBy] })),
    [network.nodes, sizeBy],
  );
  const names = useMemo(() => new Map(network.nodes.map((n) => [n.id, n.label])), [network.nodes]);
  const node = network.nodes.find((n) => n.id === selected) ?? null;
  const fromGraph = useCallback((id: string | null) => setSelected(id), []);
  const fromTable = (id: string) => {
    setSelected(id);
    // Keyboard users land on the details the button opened.
    requestAnimationFrame(() =>
      details.current?.querySelector<HTMLElement>('.wd-network-details')?.focus(),
    );
  };
  // Closing the details returns focus to the node's button in the table.
  const close = () => {
    const id = selected;
    setSelected(null);
    if (id)
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`.wd-network-show[data-node="${CSS.escape(id)}"]`)
          ?.focus(),
      );
  };
  const sizeLabel = t(`network.nodeMetric.${sizeBy}`);
  return (
    <>
      <section className="wd-section" aria-labelledby="network-graph">
        <h2 className="utrecht-heading-2" id="network-graph">
          {t('network.graph.title')}
        </h2>
        <SelectField
          spec={{ id: 'network-size', label: t('network.graph.sizeBy') }}
          value={sizeBy}
          onChange={(e) => setSizeBy(e.target.value as SizeMetric)}
          options={available.map((m) => ({ value: m, label: t(`network.nodeMetric.${m}`) }))}
        />
        {network.nodes.length === 0 ? (
          <p className="utrecht-paragraph">{t('network.graph.empty')}</p>
        ) : (
          <div className="wd-network-layout">
            <GraphFrame
              nodes={graphNodes}
              edges={network.edges}
              summary={t('network.graph.summary', {
                nodes: network.nodes.length,
                ties: network.edges.length,
                metric: sizeLabel,
              })}
              selected={selected}
              onSelect={fromGraph}
            />
            <div className="wd-network-side" ref={details}>
              {node ? (
                <NodeDetails slug={slug} node={node} onClose={close} />
              ) : (
                <p className="utrecht-paragraph">{t('network.details.hint')}</p>
              )}
              <GraphLegend sizeLabel={sizeLabel} />
            </div>
          </div>
        )}
      </section>
      <NetworkMetricsList metrics={network.network} />
      <NodeTable slug={slug} nodes={network.nodes} selected={selected} onSelect={fromTable} />
      <TieTable slug={slug} edges={network.edges} names={names} />
    </>
  );
}
