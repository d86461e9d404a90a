#!/usr/bin/python3
"""Reference networks and expected metric values for labournet's analysis
package, computed with NetworkX.

Run from the repository root (numpy and scipy are needed, hence /usr/bin/python3):

    /usr/bin/python3 analysis/testdata/reference/make_reference.py
    /usr/bin/python3 analysis/testdata/reference/make_reference.py --check

The first form writes, for each network NAME,
  analysis/testdata/graphs/NAME.json     the network: name, directed, source,
                                         nodes [{id, group}] sorted by id,
                                         edges [{from, to, weight}] sorted
                                         (undirected edges with from < to)
  analysis/testdata/reference/NAME.json  the expected values
Running it twice gives byte-identical files (the script re-executes itself
with PYTHONHASHSEED=0, since NetworkX sums some values in set order).  "--check" writes nothing; it
compares the values with python-igraph (and R igraph's centr_degree, when
Rscript and the igraph R package are there) and prints the differences.

Generated with NetworkX 2.8.8, numpy 1.24.2, scipy 1.10.1 (Debian packages);
cross-checked with python-igraph 0.10.2 and R igraph 1.3.5.

Conventions (NetworkX defaults unless stated; "unweighted" means weight=None):
  degree, in_degree, out_degree      counts; for directed graphs degree = in + out
  *_degree_centrality                degree / (n - 1)  (directed: (in+out)/(n-1))
  strength, in_/out_strength         sums of edge weights
  betweenness                        nx.betweenness_centrality, normalized:
                                     undirected 2/((n-1)(n-2)), directed 1/((n-1)(n-2))
  betweenness_unnormalized           normalized=False (undirected: each pair once)
  betweenness_weighted               weight="dist", dist = 1/weight, normalized
  betweenness_weighted_exact         (only where it differs) the same with exact
                                     rational distances: float sums of 1/w can
                                     break or make ties between shortest paths
  closeness                          nx.closeness_centrality, wf_improved=True:
                                     (r-1)/(n-1) * (r-1)/sum(d), r = nodes that
                                     reach v (itself included); 0 if r = 1.
                                     DIRECTED: distances TO v (incoming), as NetworkX does
  closeness_weighted                 the same with distance="dist"
  harmonic                           nx.harmonic_centrality: sum over u != v of
                                     1/d(u, v), unnormalised; directed: distances TO v
  eigenvector                        nx.eigenvector_centrality_numpy (ARPACK, A^T,
                                     i.e. in-edges for directed graphs), unit
                                     Euclidean norm, sign so the sum is positive
  eigenvector_weighted               the same with weight="weight"
  pagerank                           nx.pagerank(alpha=0.85, tol=1e-12,
                                     max_iter=10000, weight=None); dangling nodes
                                     (no out-edges, isolates) spread their rank
                                     like the personalization vector (uniform)
  pagerank_weighted                  weight="weight"
  pagerank_personalized              personalization {1st id: 1, 3rd id: 1}
                                     (sorted ids), weight=None; dangling nodes
                                     spread their rank to those two nodes as well
  katz                               nx.katz_centrality_numpy(alpha, beta=1,
                                     weight=None, normalized=True): x = alpha A^T x
                                     + beta, scaled to unit Euclidean norm;
                                     alpha is graph["katz_alpha"]
  hubs, authorities                  nx.hits(max_iter=10000, tol=1e-12,
                                     normalized=True) on the unweighted graph
                                     (nx.hits would use 'weight' if present);
                                     each sums to 1.  Directed graphs only.
  core_number                        nx.core_number; directed: by in + out degree
  clustering                         nx.clustering unweighted; directed graphs:
                                     Fagiolo's directed clustering
                                     T(v) / (2 (dtot(dtot-1) - 2 drec)); 0 where
                                     degree < 2 or no triangle
  clustering_weighted                nx.clustering(weight="weight"): geometric mean
                                     of the triangle's weights, each divided by the
                                     largest weight in the graph (Onnela et al.)
  reciprocity (directed, per node)   nx.reciprocity(G, v); null for isolates
Graph level:
  density                            m / (n(n-1)/2), directed m / (n(n-1))
  average_clustering                 count_zeros=True
  transitivity                       3 triangles / connected triples; directed
                                     graphs: null, transitivity_undirected gives
                                     the value for the undirected view
  components                         each sorted, listed by their smallest id
  largest_component_*                the largest connected (directed: strongly
                                     connected) component, ties by smallest id;
                                     weighted versions use dist = 1/weight
  degree_centralization              Freeman: sum(max - d_i) / T, T = (n-1)(n-2)
                                     undirected and for total degree of directed
                                     graphs 2(n-1)(n-2); in/out: T = (n-1)^2
                                     (igraph's centr_degree, loops=FALSE, normalized)
  modularity(_weighted)              nx.community.modularity of the partition by
                                     "group" (directed: Leicht-Newman formula)
  group_assortativity                nx.attribute_assortativity_coefficient(G, "group")
  group_mixing_matrix                nx.attribute_mixing_matrix, rows/cols =
                                     sorted group names; undirected graphs count
                                     each edge in both directions (diagonal = 2 x
                                     edges inside the group)
  ei_index                           Krackhardt-Stern (E - I)/(E + I): E edges
                                     between groups, I edges inside one; per group,
                                     the edges with at least one end in the group;
                                     directed graphs count arcs; weighted version
                                     sums weights; null where E + I = 0
Where NetworkX raises or gives an ambiguous answer the value is null and
"notes" says why.
"""
import os
import sys

# NetworkX sums some values (weighted clustering, assortativity) in set
# iteration order, which depends on the string hash seed: fix it.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import json
import math
import random
import shutil
import subprocess
import tempfile
from fractions import Fraction

import warnings

import networkx as nx
import numpy as np

warnings.simplefilter("ignore", FutureWarning)  # NetworkX 2.8's adjacency_matrix notice

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)
GRAPHS = os.path.join(TESTDATA, "graphs")

PR_KW = dict(alpha=0.85, tol=1e-12, max_iter=10000)
KATZ_ALPHA = 0.1


# ---------------------------------------------------------------- networks


def net(name, directed, source, nodes, edges):
    """nodes: {id: group}; edges: {(from, to): weight}."""
    if not directed:
        edges = {tuple(sorted(k)): w for k, w in edges.items()}
    return {
        "name": name,
        "directed": directed,
        "source": source,
        "nodes": [(i, nodes[i]) for i in sorted(nodes)],
        "edges": [(u, v, edges[(u, v)]) for (u, v) in sorted(edges)],
    }


def karate():
    G = nx.karate_club_graph()
    ids = {v: "n%02d" % v for v in G}
    return net(
        "karate", False,
        "nx.karate_club_graph() (NetworkX 2.8.8): node i is n%02d, weight the "
        "shipped 'weight' edge attribute, group the 'club' attribute",
        {ids[v]: G.nodes[v]["club"] for v in G},
        {(ids[u], ids[v]): int(d["weight"]) for u, v, d in G.edges(data=True)})


def florentine():
    G = nx.florentine_families_graph()
    names = sorted(G)
    half = len(names) // 2
    return net(
        "florentine", False,
        "nx.florentine_families_graph() (15 families, no Pucci), weight 1; "
        "group 'A' for the first %d family names in sorted order "
        "(Acciaiuoli..%s), 'B' for the other %d" % (half, names[half - 1], len(names) - half),
        {f: ("A" if i < half else "B") for i, f in enumerate(names)},
        {(u, v): 1 for u, v in G.edges()})


KITE = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]


def kite():
    G = nx.krackhardt_kite_graph()
    return net(
        "kite", False,
        "nx.krackhardt_kite_graph(), node i named KITE[i] = Andre, Beverly, "
        "Carol, Diane, Ed, Fernando, Garth, Heather, Ike, Jane; weight 1; "
        "group 'left' for Andre..Ed, 'right' for Fernando..Jane",
        {KITE[v]: ("left" if v < 5 else "right") for v in G},
        {(KITE[u], KITE[v]): 1 for u, v in G.edges()})


def random_net(name, prefix, n, p, seed, directed):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    ids = {v: "%s%02d" % (prefix, v) for v in G}
    rg = random.Random(seed + 1000)
    groups = {ids[v]: rg.choice("abc") for v in sorted(G)}
    rw = random.Random(seed + 2000)
    edges = sorted((ids[u], ids[v]) if directed else tuple(sorted((ids[u], ids[v]))) for u, v in G.edges())
    weights = {e: rw.randint(1, 5) for e in edges}
    return net(
        name, directed,
        "nx.gnp_random_graph(%d, %s, seed=%d, directed=%s), node i is %s%%02d; "
        "group random.Random(%d).choice('abc') per node in id order; weight "
        "random.Random(%d).randint(1, 5) per edge in sorted (from, to) order"
        % (n, p, seed, directed, prefix, seed + 1000, seed + 2000),
        groups, weights)


def random_undirected():
    # seed 7 gives a connected graph; 4 is the first seed with >= 3
    # non-trivial components and >= 3 isolates
    return random_net("random_undirected", "r", 60, 0.04, 4, False)


def random_directed():
    # no seed < 3000 gives >= 2 isolates, >= 2 non-trivial weak and strong
    # components and >= 2 reciprocal pairs at p = 0.05; 151 does at p = 0.04
    return random_net("random_directed", "d", 50, 0.04, 151, True)


def small_directed():
    arcs = {("A", "B"): 2, ("B", "C"): 1, ("C", "A"): 3, ("A", "C"): 1,
            ("C", "D"): 2, ("D", "E"): 1, ("E", "D"): 4, ("B", "F"): 5,
            ("G", "A"): 1, ("G", "F"): 2}
    return net(
        "small_directed", True,
        "hand-made (not a published network): strongly connected A,B,C (cycle "
        "A>B>C>A plus A>C), C>D, reciprocal pair D<>E, sink F, source G, isolate "
        "H; groups x = A,B,C,H, y = D,E,F,G",
        {"A": "x", "B": "x", "C": "x", "D": "y", "E": "y", "F": "y", "G": "y", "H": "x"},
        arcs)


NETWORKS = [karate, florentine, kite, random_undirected, random_directed, small_directed]


# ---------------------------------------------------------------- helpers


def nxgraph(d, weighted=True):
    G = nx.DiGraph() if d["directed"] else nx.Graph()
    for i, g in d["nodes"]:
        G.add_node(i, group=g)
    for u, v, w in d["edges"]:
        if weighted:
            G.add_edge(u, v, weight=w, dist=1.0 / w, xdist=Fraction(1, w))
        else:
            G.add_edge(u, v)
    return G


def fnum(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def fdict(dct):
    return {k: fnum(v) for k, v in sorted(dct.items())}


def idict(dct):
    return {k: int(v) for k, v in sorted(dct.items())}


def write_json(path, text):
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def graph_text(d):
    q = json.dumps
    lines = ["{",
             ' "name": %s,' % q(d["name"]),
             ' "directed": %s,' % q(d["directed"]),
             ' "source": %s,' % q(d["source"]),
             ' "nodes": [']
    lines += ['  {"id": %s, "group": %s}%s' % (q(i), q(g), "," if k < len(d["nodes"]) - 1 else "")
              for k, (i, g) in enumerate(d["nodes"])]
    lines += [" ],", ' "edges": [']
    lines += ['  {"from": %s, "to": %s, "weight": %s}%s' % (q(u), q(v), q(w), "," if k < len(d["edges"]) - 1 else "")
              for k, (u, v, w) in enumerate(d["edges"])]
    lines += [" ]", "}"]
    return "\n".join(lines) + "\n"


def canon_components(comps):
    return sorted((sorted(c) for c in comps), key=lambda c: c[0])


def largest(comps):
    return min(comps, key=lambda c: (-len(c), c[0]))


def adjacency(G, weight=None):
    return nx.to_numpy_array(G, nodelist=list(G), weight=weight)


def leading_gap(G, weight=None):
    """Largest real part of an eigenvalue of A and the gap to the next one."""
    ev = np.sort(np.linalg.eigvals(adjacency(G, weight)).real)[::-1]
    return ev[0], ev[0] - ev[1]


def freeman(values, T):
    values = list(values)
    m = max(values)
    return float(sum(m - x for x in values)) / T


def ei(G, weighted):
    groups = sorted({g for _, g in G.nodes(data="group")})
    grp = dict(G.nodes(data="group"))
    E = I = 0
    Eg = {g: 0 for g in groups}
    Ig = {g: 0 for g in groups}
    for u, v, w in G.edges(data="weight"):
        c = w if weighted else 1
        if grp[u] == grp[v]:
            I += c
            Ig[grp[u]] += c
        else:
            E += c
            Eg[grp[u]] += c
            Eg[grp[v]] += c

    def idx(e, i):
        return None if e + i == 0 else (e - i) / (e + i)

    return {"E": E, "I": I, "index": idx(E, I),
            "per_group": {g: {"E": Eg[g], "I": Ig[g], "index": idx(Eg[g], Ig[g])} for g in groups}}


# ---------------------------------------------------------------- metrics


def compute(d):
    G = nxgraph(d)
    U = nxgraph(d, weighted=False)  # no attributes: nothing can pick up weights
    directed = d["directed"]
    n = G.number_of_nodes()
    ids = [i for i, _ in d["nodes"]]
    M, Gr, notes = {}, {}, {}

    M["degree"] = idict(dict(G.degree()))
    M["degree_centrality"] = fdict(nx.degree_centrality(G))
    M["strength"] = fdict(dict(G.degree(weight="weight")))
    if directed:
        M["in_degree"] = idict(dict(G.in_degree()))
        M["out_degree"] = idict(dict(G.out_degree()))
        M["in_degree_centrality"] = fdict(nx.in_degree_centrality(G))
        M["out_degree_centrality"] = fdict(nx.out_degree_centrality(G))
        M["in_strength"] = fdict(dict(G.in_degree(weight="weight")))
        M["out_strength"] = fdict(dict(G.out_degree(weight="weight")))

    M["betweenness"] = fdict(nx.betweenness_centrality(G, normalized=True, weight=None))
    M["betweenness_unnormalized"] = fdict(nx.betweenness_centrality(G, normalized=False, weight=None))
    bw = fdict(nx.betweenness_centrality(G, normalized=True, weight="dist"))
    M["betweenness_weighted"] = bw
    bx = fdict(nx.betweenness_centrality(G, normalized=True, weight="xdist"))
    diff = max(abs(bw[k] - bx[k]) for k in bw)
    if diff > 1e-12:
        M["betweenness_weighted_exact"] = bx
        notes["betweenness_weighted"] = (
            "float sums of 1/weight make NetworkX see some shortest-path ties "
            "differently from exact arithmetic (max difference %.3g); "
            "betweenness_weighted_exact uses exact rational distances" % diff)

    M["closeness"] = fdict(nx.closeness_centrality(G))
    M["closeness_weighted"] = fdict(nx.closeness_centrality(G, distance="dist"))
    M["harmonic"] = fdict(nx.harmonic_centrality(G))
    if directed:
        notes["closeness"] = ("NetworkX uses incoming distances for directed graphs: "
                              "closeness of v from d(u, v), the nodes u that reach v")
        notes["harmonic"] = "directed: sum of 1/d(u, v) over the nodes u that reach v (incoming)"

    for key, weight in (("eigenvector", None), ("eigenvector_weighted", "weight")):
        lam, gap = leading_gap(G, weight)
        if gap < 1e-9 * max(1.0, abs(lam)):
            M[key] = None
            notes[key] = ("ambiguous: the leading eigenvalue %.6g of A (largest real "
                          "part) is not simple, so NetworkX's answer is an arbitrary "
                          "vector of its eigenspace (depends on ARPACK's start)" % lam)
            continue
        try:
            M[key] = fdict(nx.eigenvector_centrality_numpy(G, weight=weight, max_iter=100000))
        except Exception as e:  # noqa: BLE001
            M[key] = None
            notes[key] = "NetworkX raised %s: %s" % (type(e).__name__, e)
            continue
        zeros = [v for v, x in M[key].items() if abs(x) < 1e-12]
        if zeros:
            notes[key] = ("graph not %sconnected: NetworkX 2.8.8 does not raise; it returns "
                          "the eigenvector of the leading eigenvalue %.17g of A; %d nodes "
                          "get numerical zeros (|x| < 1e-12, largest %.3g, either sign) from "
                          "ARPACK, i.e. 0: %s" % ("strongly " if directed else "", lam, len(zeros),
                                                 max(abs(M[key][v]) for v in zeros), ", ".join(zeros)))

    M["pagerank"] = fdict(nx.pagerank(G, weight=None, **PR_KW))
    M["pagerank_weighted"] = fdict(nx.pagerank(G, weight="weight", **PR_KW))
    pers = {ids[0]: 1, ids[2]: 1}
    M["pagerank_personalized"] = fdict(nx.pagerank(G, weight=None, personalization=pers, **PR_KW))
    Gr["pagerank_personalization"] = pers

    lam, _ = leading_gap(G)
    rho = float(max(abs(np.linalg.eigvals(adjacency(G)))))
    alpha = KATZ_ALPHA if KATZ_ALPHA * rho < 1 else round(0.5 / rho, 4)
    Gr["katz_alpha"] = alpha
    Gr["katz_beta"] = 1.0
    Gr["spectral_radius"] = rho
    M["katz"] = fdict(nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, weight=None))

    if directed:
        A = adjacency(G)
        s = np.linalg.svd(A, compute_uv=False)
        if s[0] - s[1] < 1e-9 * max(1.0, s[0]):
            M["hubs"] = M["authorities"] = None
            notes["hits"] = ("ambiguous: the largest singular value %.6g of A is not "
                             "simple, so nx.hits returns an arbitrary vector" % s[0])
        else:
            np.random.seed(12345)  # scipy's svds draws its start vector from np.random
            try:
                h, a = nx.hits(U, max_iter=10000, tol=1e-12, normalized=True)
                M["hubs"], M["authorities"] = fdict(h), fdict(a)
                z = sorted(v for k in ("hubs", "authorities") for v, x in M[k].items() if 0 < abs(x) < 1e-12)
                if z:
                    notes["hits"] = ("values with |x| < 1e-12 (either sign) are numerical zeros "
                                     "of the SVD, i.e. 0 (at %s)" % ", ".join(sorted(set(z))))
            except Exception as e:  # noqa: BLE001
                M["hubs"] = M["authorities"] = None
                notes["hits"] = "NetworkX raised %s: %s" % (type(e).__name__, e)

    M["core_number"] = idict(nx.core_number(G))
    if directed:
        notes["core_number"] = "NetworkX's k-core of a directed graph uses degree = in + out"
    M["clustering"] = fdict(nx.clustering(G))
    M["clustering_weighted"] = fdict(nx.clustering(G, weight="weight"))
    if directed:
        notes["clustering"] = ("directed: Fagiolo (2007), T(v) / (2 (dtot(dtot-1) - 2 drec)); "
                               "weighted uses the geometric mean of max-normalised weights")
        rec = {}
        for v in G:
            try:
                rec[v] = nx.reciprocity(G, v)
            except nx.NetworkXError:
                rec[v] = None
        M["reciprocity"] = fdict(rec)

    # graph level
    Gr["nodes"] = n
    Gr["edges"] = G.number_of_edges()
    Gr["density"] = nx.density(G)
    Gr["average_clustering"] = nx.average_clustering(G, count_zeros=True)
    Gr["average_clustering_weighted"] = nx.average_clustering(G, weight="weight", count_zeros=True)
    if directed:
        Gr["transitivity"] = None
        notes["transitivity"] = ("NetworkX 2.8.8 defines transitivity for undirected graphs "
                                 "only; transitivity_undirected is that of the undirected view")
        Gr["transitivity_undirected"] = nx.transitivity(G.to_undirected())
        Gr["reciprocity"] = nx.overall_reciprocity(G)
        weak = canon_components(nx.weakly_connected_components(G))
        strong = canon_components(nx.strongly_connected_components(G))
        Gr["number_weakly_connected_components"] = len(weak)
        Gr["weakly_connected_components"] = weak
        Gr["number_strongly_connected_components"] = len(strong)
        Gr["strongly_connected_components"] = strong
        lcc = largest(strong)
        Gr["largest_component_kind"] = "strongly connected, directed distances"
    else:
        cc = canon_components(nx.connected_components(G))
        Gr["number_connected_components"] = len(cc)
        Gr["connected_components"] = cc
        lcc = largest(cc)
        Gr["transitivity"] = nx.transitivity(G)
        Gr["largest_component_kind"] = "connected"
    Gr["isolates"] = sorted(nx.isolates(G))
    H = G.subgraph(lcc)
    Gr["largest_component"] = lcc
    Gr["largest_component_diameter"] = nx.diameter(H)
    Gr["largest_component_average_shortest_path_length"] = nx.average_shortest_path_length(H)
    dd = [x for _, row in nx.all_pairs_dijkstra_path_length(H, weight="dist") for x in row.values()]
    Gr["largest_component_diameter_weighted"] = max(dd)
    Gr["largest_component_average_shortest_path_length_weighted"] = \
        nx.average_shortest_path_length(H, weight="dist")

    deg = dict(G.degree())
    if directed:
        Gr["degree_centralization"] = freeman(deg.values(), 2 * (n - 1) * (n - 2))
        Gr["in_degree_centralization"] = freeman(dict(G.in_degree()).values(), (n - 1) ** 2)
        Gr["out_degree_centralization"] = freeman(dict(G.out_degree()).values(), (n - 1) ** 2)
    else:
        Gr["degree_centralization"] = freeman(deg.values(), (n - 1) * (n - 2))
    Gr["degree_centralization_method"] = (
        "Freeman sum(max - d_i) / T by formula, T as igraph's centr_degree_tmax with "
        "loops=FALSE: undirected (n-1)(n-2), directed total degree 2(n-1)(n-2), "
        "in/out (n-1)^2; equals R igraph 1.3.5 centr_degree(normalized=TRUE, loops=FALSE)")

    groups = sorted({g for _, g in d["nodes"]})
    parts = [{i for i, g in d["nodes"] if g == k} for k in groups]
    Gr["modularity"] = nx.community.modularity(G, parts, weight=None)
    Gr["modularity_weighted"] = nx.community.modularity(G, parts, weight="weight")
    Gr["group_assortativity"] = fnum(nx.attribute_assortativity_coefficient(G, "group"))
    mapping = {g: k for k, g in enumerate(groups)}
    Gr["group_mixing_matrix"] = {
        "groups": groups,
        "mapping": mapping,
        "counts": nx.attribute_mixing_matrix(G, "group", mapping=mapping, normalized=False).tolist(),
        "normalized": nx.attribute_mixing_matrix(G, "group", mapping=mapping, normalized=True).tolist(),
    }
    Gr["ei_index"] = ei(G, False)
    Gr["ei_index_weighted"] = ei(G, True)

    return {
        "network": d["name"],
        "directed": directed,
        "networkx_version": nx.__version__,
        "numpy_version": np.__version__,
        "metrics": M,
        "graph": Gr,
        "notes": notes,
    }


# ---------------------------------------------------------------- igraph check


def check(d, ref):
    import igraph as ig

    ids = [i for i, _ in d["nodes"]]
    pos = {v: k for k, v in enumerate(ids)}
    g = ig.Graph(n=len(ids), edges=[(pos[u], pos[v]) for u, v, _ in d["edges"]], directed=d["directed"])
    g.es["weight"] = [w for _, _, w in d["edges"]]
    g.es["dist"] = [1.0 / w for _, _, w in d["edges"]]
    M = ref["metrics"]
    n = len(ids)
    out = []

    def cmp(name, vals, scale=1.0):
        if M.get(name) is None:
            out.append("%-26s reference null" % name)
            return
        diff = max(abs(M[name][i] - vals[k] * scale) for k, i in enumerate(ids) if M[name][i] is not None)
        out.append("%-26s max|diff| %.3g" % (name, diff))

    mode_in = "in" if d["directed"] else "all"
    A0 = np.zeros((n, n))
    for u, v, _ in d["edges"]:
        A0[pos[u], pos[v]] = 1
        if not d["directed"]:
            A0[pos[v], pos[u]] = 1
    cmp("degree", g.degree())
    cmp("strength", g.strength(weights="weight"))
    bscale = (1.0 if d["directed"] else 2.0) / ((n - 1) * (n - 2))
    cmp("betweenness", g.betweenness(), bscale)
    cmp("betweenness_weighted", g.betweenness(weights="dist"), bscale)
    if "betweenness_weighted_exact" in M:
        cmp("betweenness_weighted_exact", g.betweenness(weights="dist"), bscale)
    # igraph's closeness counts only reachable nodes: wf_improved factor (r-1)/(n-1)
    for name, w in (("closeness", None), ("closeness_weighted", "dist")):
        c = g.closeness(mode=mode_in, weights=w)
        r = [len(g.subcomponent(k, mode=mode_in)) for k in range(n)]
        cmp(name, [0.0 if (x != x or r[k] == 1) else x * (r[k] - 1) / (n - 1) for k, x in enumerate(c)])
    cmp("harmonic", g.harmonic_centrality(mode=mode_in, normalized=False))
    cmp("pagerank", g.pagerank(damping=0.85))
    cmp("pagerank_weighted", g.pagerank(damping=0.85, weights="weight"))
    cmp("core_number", g.coreness())
    if not d["directed"]:
        cmp("clustering", [0.0 if x != x else x for x in g.transitivity_local_undirected()])
        out.append("%-26s max|diff| %.3g" % ("transitivity", abs(g.transitivity_undirected() - ref["graph"]["transitivity"])))
    if ref["metrics"].get("eigenvector") is not None and g.is_connected(mode="strong"):
        e = np.array(g.eigenvector_centrality(scale=False))
        cmp("eigenvector", e / np.linalg.norm(e))
    if ref["metrics"].get("eigenvector") is not None:
        w, V = np.linalg.eig(A0.T)
        x = V[:, np.argmax(w.real)].real
        x = x / (np.sign(x.sum()) * np.linalg.norm(x))
        cmp("eigenvector", list(x))
        out[-1] = out[-1].replace("eigenvector       ", "eigenvector(dense)")
    if d["directed"] and M.get("hubs") is not None:
        h, a = np.array(g.hub_score()), np.array(g.authority_score())
        cmp("hubs", h / h.sum())
        cmp("authorities", a / a.sum())
    # clustering by matrix formulas: undirected (W^[1/3])^3_ii / (k(k-1)); directed
    # (Fagiolo) ((W + W^T)^3)_ii / (2 (dtot(dtot-1) - 2 (A^2)_ii)), W = A or (w/max w)^(1/3)
    Wt = np.zeros((n, n))
    for u, v, w in d["edges"]:
        Wt[pos[u], pos[v]] = w
        if not d["directed"]:
            Wt[pos[v], pos[u]] = w
    for name, W in (("clustering", A0), ("clustering_weighted", np.cbrt(Wt / Wt.max()))):
        if d["directed"]:
            S = W + W.T
            num = np.diag(S @ S @ S)
            dt = A0.sum(axis=0) + A0.sum(axis=1)
            den = 2 * (dt * (dt - 1) - 2 * np.diag(A0 @ A0))
        else:
            num = np.diag(W @ W @ W)
            k = A0.sum(axis=1)
            den = k * (k - 1)
        cmp(name, [0.0 if den[i] == 0 or num[i] == 0 else num[i] / den[i] for i in range(n)])
        out[-1] = out[-1].replace(name + "        ", name + "(matrix)")
    grp = [g_ for _, g_ in d["nodes"]]
    gi = sorted(set(grp))
    memb = [gi.index(x) for x in grp]
    out.append("%-26s max|diff| %.3g" % ("modularity", abs(g.modularity(memb) - ref["graph"]["modularity"])))
    out.append("%-26s max|diff| %.3g" % ("modularity_weighted", abs(g.modularity(memb, weights="weight") - ref["graph"]["modularity_weighted"])))
    out.append("%-26s max|diff| %.3g" % ("group_assortativity", abs(g.assortativity_nominal(memb, directed=d["directed"]) - ref["graph"]["group_assortativity"])))
    # exact PageRank by a linear solve
    A = np.zeros((n, n))
    for u, v, _ in d["edges"]:
        A[pos[u], pos[v]] = 1
        if not d["directed"]:
            A[pos[v], pos[u]] = 1
    outd = A.sum(axis=1)
    P = np.where(outd[:, None] > 0, A / np.where(outd > 0, outd, 1)[:, None], 1.0 / n)
    x = np.linalg.solve(np.eye(n) - 0.85 * P.T, np.full(n, 0.15 / n))
    cmp("pagerank", list(x / x.sum()))
    out[-1] = out[-1].replace("pagerank       ", "pagerank(solve)")
    # Freeman degree centralization through R igraph
    if shutil.which("Rscript"):
        el = " ".join("%d %d" % (pos[u] + 1, pos[v] + 1) for u, v, _ in d["edges"])
        modes = ["all", "in", "out"] if d["directed"] else ["all"]
        script = ("suppressMessages(library(igraph)); g <- make_graph(c(%s), n=%d, directed=%s); "
                  "for (m in c(%s)) cat(sprintf('%%.17g\\n', centr_degree(g, mode=m, loops=FALSE, normalized=TRUE)$centralization))"
                  % (el.replace(" ", ","), n, "TRUE" if d["directed"] else "FALSE", ",".join("'%s'" % m for m in modes)))
        try:
            r = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, check=True).stdout.split()
            keys = ["degree_centralization", "in_degree_centralization", "out_degree_centralization"]
            for k, val in zip(keys, r):
                out.append("%-26s max|diff| %.3g (R igraph)" % (k, abs(float(val) - ref["graph"][k])))
        except (subprocess.CalledProcessError, OSError) as e:
            out.append("R igraph check failed: %s" % e)
    print("== %s (python-igraph %s)" % (d["name"], ig.__version__))
    for line in out:
        print("  " + line)


def main():
    do_check = "--check" in sys.argv[1:]
    for f in NETWORKS:
        d = f()
        ref = compute(d)
        if do_check:
            check(d, ref)
            continue
        write_json(os.path.join(GRAPHS, d["name"] + ".json"), graph_text(d))
        write_json(os.path.join(HERE, d["name"] + ".json"),
                   json.dumps(ref, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
