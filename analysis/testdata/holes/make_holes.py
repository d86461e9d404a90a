#!/usr/bin/python3
"""Reference values for analysis/holes*.go, cutpoints*.go, robustness*.go and
connectivity*.go, computed with NetworkX.

Run from the repository root (needs NetworkX 2.8+, numpy not required):

    /usr/bin/python3 analysis/testdata/holes/make_holes.py

(It re-runs itself with PYTHONHASHSEED=0 so that the output is the same on
every run.) It writes, for each network NAME below,
  analysis/testdata/holes/graphs/NAME.json  the network: nodes (id, group) and
                                            edges (from, to, weight), directed flag
  analysis/testdata/holes/NAME.json         the expected values

Views, as labournet's Snapshot builds them:
  undirected: a tie per linked pair, its weight the sum of the weights of the
              links in either direction;
  directed:   the arcs of a directed network; for an undirected network an arc
              each way with the link's weight (G.to_directed()).
Each view is computed without weights (weight=None) and with them ("weight").

Structural holes are NetworkX's nx.effective_size, nx.constraint,
nx.local_constraint; efficiency is effective size / number of distinct
contacts; hierarchy (not in NetworkX) is Burt's
    H(v) = sum_j r_j ln r_j / (N ln N),  r_j = l(v,j) / (C(v)/N)
over v's N contacts j, l = nx.local_constraint, C = nx.constraint; None
(null) where NetworkX gives nan, and for N < 2.
Cut points, bridges and blocks use nx.articulation_points, nx.bridges and
nx.biconnected_components on the undirected view; removal effects recompute
the components of G - v for every v; group betweenness is
2 * nx.betweenness_centrality_subset(G, A, B, normalized=False) / P with P the
number of connected pairs (a, b), a != b; the group connectivity is
nx.node_connectivity between super nodes merging A and B.
"""
import json
import math
import os
import random
import sys
import tempfile

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def write_json(path, obj):
    """Write obj as JSON through a temp file and a rename."""
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def networks():
    """Yield (name, directed, source, nodes {id: group}, edges [(u, v, w)])."""
    rng = random.Random(20261122)
    groups = "abc"

    kite = nx.krackhardt_kite_graph()
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
    nodes = {names[i]: groups[i % 3] for i in kite}
    edges = [(names[u], names[v], 1.0) for u, v in kite.edges()]
    yield "kite", False, "nx.krackhardt_kite_graph(), Krackhardt (1990)", nodes, edges

    flo = nx.florentine_families_graph()
    nodes = {v: groups[i % 3] for i, v in enumerate(sorted(flo))}
    nodes["Pucci"] = "c"  # the isolated family of Padgett's data
    edges = [(u, v, 1.0) for u, v in flo.edges()]
    yield "florentine", False, "nx.florentine_families_graph() plus the isolate Pucci", nodes, edges

    g = nx.gnm_random_graph(30, 45, seed=7)
    nodes = {"r%02d" % v: rng.choice(groups) for v in g}
    edges = [("r%02d" % u, "r%02d" % v, float(rng.randint(1, 5))) for u, v in g.edges()]
    yield "random_weighted", False, "nx.gnm_random_graph(30, 45, seed=7), integer weights 1..5 (random.Random(20261122))", nodes, edges

    d = nx.gnm_random_graph(25, 70, seed=11, directed=True)
    nodes = {"d%02d" % v: rng.choice(groups) for v in d}
    edges = [("d%02d" % u, "d%02d" % v, float(rng.randint(1, 4))) for u, v in d.edges()]
    yield "random_directed", True, "nx.gnm_random_graph(25, 70, seed=11, directed=True), integer weights 1..4", nodes, edges


def views(directed, nodes, edges):
    und = nx.Graph()
    und.add_nodes_from(nodes)
    for u, v, w in edges:
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    if directed:
        dig = nx.DiGraph()
        dig.add_nodes_from(nodes)
        for u, v, w in edges:
            dig.add_edge(u, v, weight=w)
    else:
        dig = und.to_directed()
    return und, dig


def holes(G, weight):
    es = nx.effective_size(G, weight=weight)
    cons = nx.constraint(G, weight=weight)
    out = {"effective_size": {}, "efficiency": {}, "constraint": {}, "hierarchy": {}}
    for v in G:
        contacts = set(nx.all_neighbors(G, v))
        out["effective_size"][v] = num(es[v])
        out["constraint"][v] = num(cons[v])
        out["efficiency"][v] = None if math.isnan(es[v]) else es[v] / len(contacts)
        if math.isnan(cons[v]) or len(contacts) < 2:
            out["hierarchy"][v] = None
            continue
        N = len(contacts)
        loc = [nx.local_constraint(G, v, j, weight=weight) for j in contacts]
        C = sum(loc)
        out["hierarchy"][v] = sum((l / (C / N)) * math.log(l / (C / N)) for l in loc) / (N * math.log(N))
    return out


def local_samples(G, weight, rng):
    nodes = sorted(G)
    pairs = []
    for u in nodes[:6]:
        nbrs = sorted(set(nx.all_neighbors(G, u)))
        if nbrs:
            pairs.append((u, nbrs[0]))
        pairs.append((u, nodes[-1] if u != nodes[-1] else nodes[0]))
    return [{"u": u, "v": v, "value": nx.local_constraint(G, u, v, weight=weight)} for u, v in pairs]


def pairs_reachable(G):
    return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(G))


def fragmentation(n, pairs):
    return None if n < 2 else 1 - pairs / (n * (n - 1) / 2)


def cuts(und, nodes):
    out = {}
    out["articulation_points"] = sorted(nx.articulation_points(und))
    out["bridges"] = sorted(sorted(e) for e in nx.bridges(und))
    out["blocks"] = sorted((sorted(b) for b in nx.biconnected_components(und)), key=lambda b: (-len(b), b))
    comp = {}
    for c in nx.connected_components(und):
        for v in c:
            comp[v] = c
    pieces = {}
    for v in out["articulation_points"]:
        H = und.subgraph(comp[v] - {v})
        pieces[v] = sorted((len(c) for c in nx.connected_components(H)), reverse=True)
    out["pieces"] = pieces
    removal = {}
    for v in und:
        H = und.subgraph(set(und) - {v})
        largest = max((len(c) for c in nx.connected_components(H)), default=0)
        p = pairs_reachable(H)
        removal[v] = {"largest": largest, "reachable": p, "fragmentation": fragmentation(len(H), p)}
    out["removal"] = removal
    out["fragmentation"] = fragmentation(len(und), pairs_reachable(und))
    return out


def groups_between(und, nodes):
    A = sorted(v for v, g in nodes.items() if g == "a")
    B = sorted(v for v, g in nodes.items() if g == "b")
    bc = nx.betweenness_centrality_subset(und, A, B, normalized=False)
    P = 0
    for a in A:
        reach = nx.node_connected_component(und, a)
        P += sum(1 for b in B if b != a and b in reach)
    gb = {v: (2 * x / P if P else None) for v, x in bc.items()}
    # Group connectivity: merge A into S and B into T.
    sep = not any(und.has_edge(a, b) for a in A for b in B) and not set(A) & set(B)
    kappa = connectivity(und, A, B) if sep else None
    res = {"A": A, "B": B, "betweenness": gb, "pairs": P, "separable": sep, "connectivity": kappa}
    # Separable cases: around the first actor with ties (A) against the
    # actors at distance 3 or more in its component (B).
    u = min(v for v in und if und.degree(v) > 0)
    dist = nx.single_source_shortest_path_length(und, u)
    far = sorted(v for v, d in dist.items() if d >= 3)
    cases = []
    for A in ([u], sorted(v for v, d in dist.items() if d <= 1)):
        if far:
            cases.append({"A": A, "B": far, "connectivity": connectivity(und, A, far)})
    res["cuts"] = cases
    return res


def connectivity(und, A, B):
    """Minimum number of non-members separating A from B (A, B not adjacent)."""
    H = nx.Graph()
    m = {v: ("S" if v in A else "T" if v in B else v) for v in und}
    H.add_nodes_from(set(m.values()))
    for u, v in und.edges():
        if m[u] != m[v]:
            H.add_edge(m[u], m[v])
    return nx.node_connectivity(H, "S", "T") if nx.has_path(H, "S", "T") else 0


def main():
    # NetworkX sums over sets of nodes, whose order follows string hashing;
    # fix the hash seed so that the last digits are the same on every run.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    rng = random.Random(1)
    for name, directed, source, nodes, edges in networks():
        write_json(os.path.join(HERE, "graphs", name + ".json"), {
            "name": name, "directed": directed, "source": source,
            "nodes": [{"id": v, "group": g} for v, g in sorted(nodes.items())],
            "edges": [{"from": u, "to": v, "weight": w} for u, v, w in edges],
        })
        und, dig = views(directed, nodes, edges)
        ref = {"network": name, "networkx": nx.__version__, "views": {}, "local_constraint": {}}
        for vname, G, weight in [("undirected", und, None), ("undirected_weighted", und, "weight"),
                                 ("directed", dig, None), ("directed_weighted", dig, "weight")]:
            ref["views"][vname] = holes(G, weight)
            ref["local_constraint"][vname] = local_samples(G, weight, rng)
        ref["cuts"] = cuts(und, nodes)
        ref["groups"] = groups_between(und, nodes)
        write_json(os.path.join(HERE, name + ".json"), ref)
        print("wrote", name)


if __name__ == "__main__":
    main()
