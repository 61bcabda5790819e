import { formatCsv, type Delimiter } from '../exchange/csv.ts';
import { EDGE_COLUMNS, NODE_COLUMNS, nodeRows, type Column } from './columns.ts';
import type { Network } from './schema.ts';

// The network as files: GEXF 1.3 (Gephi; validates against gexf.xsd), GraphML (networkx,
// igraph) and CSV (nodes, edges and a codebook). Pure functions: a network in, text out.

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xml(value: string | number | boolean): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface ExportMeta {
  /** true: persons carry pseudonyms (the node column `pseudonymised` says which). */
  pseudonymised: boolean;
  description: string;
}

const attvalues = <R>(columns: Column<R>[], row: R, indent: string): string => {
  const values = columns
    .map((c, i) => [i, c.value(row)] as const)
    .filter(([, v]) => v !== null)
    .map(([i, v]) => `${indent}  <attvalue for="${i}" value="${xml(v!)}"/>`);
  return values.length ? `\n${indent}<attvalues>\n${values.join('\n')}\n${indent}</attvalues>` : '';
};

const gexfAttributes = <R>(cls: 'node' | 'edge', columns: Column<R>[]) =>
  [
    `    <attributes class="${cls}">`,
    ...columns.map(
      (c, i) => `      <attribute id="${i}" title="${xml(c.name)}" type="${c.type}"/>`,
    ),
    '    </attributes>',
  ].join('\n');

/**
 * GEXF 1.3, static, directed by default: a mutual tie is one edge of type "mutual", the tie type
 * is the edge's `kind`, its intensity level the `weight`. Every column of the codebook is an
 * attribute (the node label and the edge ends are GEXF's own); empty values are left out.
 */
export function toGexf(network: Network, meta: ExportMeta): string {
  const nodeCols = NODE_COLUMNS.filter((c) => c.name !== 'id' && c.name !== 'label');
  const edgeCols = EDGE_COLUMNS.filter((c) => !['id', 'source', 'target'].includes(c.name));
  const rows = nodeRows(network.nodes, meta.pseudonymised);
  const nodes = rows.map(
    (n) =>
      `      <node id="${xml(n.id)}" label="${xml(n.label)}">${attvalues(nodeCols, n, '        ')}\n      </node>`,
  );
  const edges = network.edges.map(
    (e) =>
      `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" type="${
        e.directed ? 'directed' : 'mutual'
      }" kind="${e.type}" weight="${e.weight}">${attvalues(edgeCols, e, '        ')}\n      </edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${network.asOf}">`,
    '    <creator>Wijkdragers</creator>',
    `    <description>${xml(meta.description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    gexfAttributes('node', nodeCols),
    gexfAttributes('edge', edgeCols),
    `    <nodes count="${rows.length}">`,
    ...nodes,
    '    </nodes>',
    `    <edges count="${network.edges.length}">`,
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

const graphmlType = (t: Column<unknown>['type']) => (t === 'integer' ? 'long' : t);

const graphmlData = <R>(prefix: string, columns: Column<R>[], row: R) =>
  columns
    .map((c) => [c.name, c.value(row)] as const)
    .filter(([, v]) => v !== null)
    .map(([name, v]) => `\n      <data key="${prefix}_${name}">${xml(v!)}</data>`)
    .join('');

/**
 * GraphML, directed: one edge per tie, `directed=false` ties carried as the data key `directed`
 * (networkx refuses undirected edges in a directed graph). Several ties between the same pair
 * make networkx read a MultiDiGraph, keyed by the tie id.
 */
export function toGraphml(network: Network, meta: ExportMeta): string {
  const nodeCols = NODE_COLUMNS.filter((c) => c.name !== 'id');
  const edgeCols = EDGE_COLUMNS.filter((c) => !['id', 'source', 'target'].includes(c.name));
  const keys = [
    ...nodeCols.map(
      (c) =>
        `  <key id="n_${c.name}" for="node" attr.name="${c.name}" attr.type="${graphmlType(c.type)}"/>`,
    ),
    ...edgeCols.map(
      (c) =>
        `  <key id="e_${c.name}" for="edge" attr.name="${c.name}" attr.type="${graphmlType(c.type)}"/>`,
    ),
  ];
  const nodes = nodeRows(network.nodes, meta.pseudonymised).map(
    (n) => `    <node id="${xml(n.id)}">${graphmlData('n', nodeCols, n)}\n    </node>`,
  );
  const edges = network.edges.map(
    (e) =>
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${graphmlData('e', edgeCols, e)}\n    </edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- ${xml(meta.description).replace(/--/g, '- -')} -->`,
    ...keys,
    '  <graph id="network" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

const csvOf = <R>(columns: Column<R>[], rows: readonly R[], delimiter: Delimiter) =>
  formatCsv(
    columns.map((c) => c.name),
    rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return typeof v === 'boolean' ? String(v) : v;
      }),
    ),
    delimiter,
  );

export const nodesCsv = (network: Network, meta: ExportMeta, delimiter: Delimiter) =>
  csvOf(NODE_COLUMNS, nodeRows(network.nodes, meta.pseudonymised), delimiter);

export const edgesCsv = (network: Network, delimiter: Delimiter) =>
  csvOf(EDGE_COLUMNS, network.edges, delimiter);

/** One row per column of network-nodes.csv and network-edges.csv. */
export function codebookCsv(delimiter: Delimiter): string {
  const rows = [
    ...NODE_COLUMNS.map((c) => ['network-nodes.csv', c.name, c.type, c.description]),
    ...EDGE_COLUMNS.map((c) => ['network-edges.csv', c.name, c.type, c.description]),
  ];
  return formatCsv(['file', 'column', 'type', 'description'], rows, delimiter);
}
