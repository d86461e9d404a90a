#!/usr/bin/python3
"""Extra NetworkX reference values for the cohesion and community measures.

Writes extra_cohesion.json next to this script. Run with /usr/bin/python3
(NetworkX 2.8.8 from Debian):

    /usr/bin/python3 analysis/testdata/reference/make_cohesion_extra.py

It holds two larger seeded random networks (their nodes and edges included,
in the format of testdata/graphs) with the measures that the small reference
networks of make_reference.py exercise less (hubs, many triangles, many
components, reciprocated weighted arcs), modularity at several resolutions,
and the modularity NetworkX's louvain_communities reaches on karate over a
hundred seeds, against which analysis.Louvain is judged.

Conventions are those of make_reference.py: weights are the 'weight' edge
attribute, weighted distances 1/weight, components sorted by smallest id,
the largest component (strong for directed graphs) chosen by size then
smallest id.
"""
import json
import os
import random

import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(os.path.dirname(HERE), "graphs")


def make_net(name, prefix, n, m, seed, directed, groups):
    rng = random.Random(seed)
    G0 = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    nodes = [("%s%03d" % (prefix, i), rng.choice(groups)) for i in range(n)]
    # a hub: node 0 linked to every fifth node (both ways when directed, to
    # make reciprocated arcs and a large strong component)
    edges = {}
    for u, v in G0.edges():
        edges[(u, v)] = rng.randint(1, 5)
    for v in range(5, n, 5):
        if not directed and (v, 0) in edges:
            continue
        edges[(0, v)] = rng.randint(1, 5)
        if directed:
            edges[(v, 0)] = rng.randint(1, 5)
    return {
        "name": name,
        "directed": directed,
        "source": "nx.gnm_random_graph(%d, %d, seed=%d, directed=%s) plus arcs between "
                  "node 0 and every fifth node; weights and groups from random.Random(%d)"
                  % (n, m, seed, directed, seed),
        "nodes": [{"id": i, "group": g} for i, g in nodes],
        "edges": [{"from": nodes[u][0], "to": nodes[v][0], "weight": w}
                  for (u, v), w in sorted(edges.items())],
    }


def nxgraph(d):
    G = nx.DiGraph() if d["directed"] else nx.Graph()
    for nd in d["nodes"]:
        G.add_node(nd["id"], group=nd["group"])
    for e in d["edges"]:
        G.add_edge(e["from"], e["to"], weight=e["weight"], dist=1.0 / e["weight"])
    return G


def canon(comps):
    return sorted((sorted(c) for c in comps), key=lambda c: c[0])


def largest(comps):
    return min(comps, key=lambda c: (-len(c), c[0]))


def freeman(values, T):
    values = list(values)
    return float(sum(max(values) - x for x in values)) / T


def measures(d):
    G = nxgraph(d)
    directed = d["directed"]
    n = G.number_of_nodes()
    out = {
        "core_number": {k: int(v) for k, v in sorted(nx.core_number(G).items())},
        "clustering": dict(sorted(nx.clustering(G).items())),
        "clustering_weighted": dict(sorted(nx.clustering(G, weight="weight").items())),
        "average_clustering": nx.average_clustering(G),
        "density": nx.density(G),
    }
    U = G.to_undirected() if directed else G
    out["transitivity_undirected"] = nx.transitivity(U)
    out["clustering_undirected"] = dict(sorted(nx.clustering(U).items()))
    if directed:
        out["reciprocity"] = nx.overall_reciprocity(G)
        out["weak_components"] = canon(nx.weakly_connected_components(G))
        out["strong_components"] = canon(nx.strongly_connected_components(G))
        lcc = largest(out["strong_components"])
        out["degree_centralization_total"] = freeman(dict(G.degree()).values(), 2 * (n - 1) * (n - 2))
        out["degree_centralization_in"] = freeman(dict(G.in_degree()).values(), (n - 1) ** 2)
        out["degree_centralization_out"] = freeman(dict(G.out_degree()).values(), (n - 1) ** 2)
    else:
        out["weak_components"] = canon(nx.connected_components(G))
        lcc = largest(out["weak_components"])
        out["degree_centralization"] = freeman(dict(G.degree()).values(), (n - 1) * (n - 2))
    H = G.subgraph(lcc)
    out["largest_component_size"] = len(lcc)
    out["diameter"] = nx.diameter(H)
    out["average_shortest_path_length"] = nx.average_shortest_path_length(H)
    out["average_shortest_path_length_weighted"] = nx.average_shortest_path_length(H, weight="dist")
    out["diameter_weighted"] = max(x for _, row in nx.all_pairs_dijkstra_path_length(H, weight="dist")
                                   for x in row.values())
    # undirected view of the largest weak component, for directed graphs
    if directed:
        W = U.subgraph(largest(out["weak_components"]))
        out["weak_diameter_undirected"] = nx.diameter(W)
        out["weak_average_shortest_path_length_undirected"] = nx.average_shortest_path_length(W)
    groups = sorted({nd["group"] for nd in d["nodes"]})
    parts = [{nd["id"] for nd in d["nodes"] if nd["group"] == g} for g in groups]
    out["modularity"] = {}
    for res in (0.5, 1.0, 2.0):
        for w in (None, "weight"):
            key = "%s_%g" % ("weighted" if w else "unweighted", res)
            out["modularity"][key] = nx.community.modularity(G, parts, weight=w, resolution=res)
    out["group_assortativity"] = nx.attribute_assortativity_coefficient(G, "group")
    mapping = {g: k for k, g in enumerate(groups)}
    out["group_mixing_counts"] = nx.attribute_mixing_matrix(G, "group", mapping=mapping, normalized=False).tolist()
    return out


SEEDS = 100


def karate_louvain():
    G = nx.karate_club_graph()
    res = {}
    for w in (None, "weight"):
        qs = []
        for seed in range(SEEDS):
            parts = nx.community.louvain_communities(G, weight=w, resolution=1, seed=seed)
            qs.append(nx.community.modularity(G, parts, weight=w))
        key = "weighted" if w else "unweighted"
        res[key] = {"seeds": list(range(SEEDS)), "modularity": qs, "min": min(qs), "max": max(qs), "mean": float(np.mean(qs))}
    return res


def main():
    nets = [make_net("extra_undirected", "u", 300, 1200, 7, False, ["a", "b", "c", "d"]),
            make_net("extra_directed", "v", 200, 700, 11, True, ["x", "y", "z"])]
    doc = {
        "networkx_version": nx.__version__,
        "networks": [{"graph": d, "values": measures(d)} for d in nets],
        "karate_louvain": karate_louvain(),
    }
    path = os.path.join(HERE, "extra_cohesion.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
