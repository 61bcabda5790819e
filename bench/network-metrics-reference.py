#!/usr/bin/python3
"""Reference timings for bench/network-metrics.ts (run by it; not on its own).

usage: network-metrics-reference.py igraph|networkx <edge-list> <n> <pivot-file> <out.json>

Wall and CPU (process_time) seconds are both recorded: on a shared machine CPU time is the
steadier of the two. Reads a whitespace edge list of integer node ids 0..n-1 (undirected) and writes timings and raw
values as JSON. Graph construction is outside every timed region, as it is for the TypeScript
side.
- igraph: Graph.betweenness(directed=False) (pair counts, unnormalised), once; and
  Graph.community_multilevel(), three times.
- networkx: Brandes' single-source passes of nx.betweenness_centrality (its own private
  _single_source_shortest_path_basic + _accumulate_basic) from the pivots listed in
  <pivot-file>, timed; the TypeScript side extrapolates the time to all n sources and compares
  the partial sums. And nx.community.louvain_communities(G, seed=1), once.
"""
import json
import sys
import time


def read_edges(path):
    with open(path) as f:
        return [tuple(map(int, line.split())) for line in f if line.strip()]


def main():
    tool, edge_path, n, pivot_path, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    edges = read_edges(edge_path)
    result = {"tool": tool}
    if tool == "igraph":
        import igraph as ig

        result["version"] = ig.__version__
        g = ig.Graph(n=n, edges=edges, directed=False)
        t, c = time.perf_counter(), time.process_time()
        values = g.betweenness(directed=False)
        result["betweennessSeconds"] = time.perf_counter() - t
        result["betweennessCpuSeconds"] = time.process_time() - c
        result["betweenness"] = values
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            clusters = g.community_multilevel()
            runs.append((time.perf_counter() - t, clusters.modularity, len(clusters)))
        result["louvain"] = [{"seconds": s, "modularity": q, "communities": c} for s, q, c in runs]
    else:
        import networkx as nx
        from networkx.algorithms.centrality.betweenness import (
            _accumulate_basic,
            _single_source_shortest_path_basic,
        )

        result["version"] = nx.__version__
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
        with open(pivot_path) as f:
            pivots = [int(x) for x in f.read().split()]
        bc = dict.fromkeys(G, 0.0)
        t, c = time.perf_counter(), time.process_time()
        for s in pivots:
            S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
            bc, _ = _accumulate_basic(bc, S, P, sigma, s)
        result["pivotSeconds"] = time.perf_counter() - t
        result["pivotCpuSeconds"] = time.process_time() - c
        result["pivots"] = len(pivots)
        result["partialSums"] = [bc[v] for v in range(n)]
        t = time.perf_counter()
        parts = nx.community.louvain_communities(G, seed=1)
        result["louvain"] = [
            {"seconds": time.perf_counter() - t, "modularity": nx.community.modularity(G, parts), "communities": len(parts)}
        ]
    with open(out_path, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
