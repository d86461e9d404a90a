#!/usr/bin/python3
"""Time one measure of python-igraph, graph-tool or NetworkX on an edge list.

    peers.py TOOL MEASURE EDGES MODE

TOOL is igraph, graph-tool or networkx; MEASURE one of betweenness,
closeness, harmonic, pagerank, core, components, articulation, degree (as
bench/labournet-time names them); EDGES an edge list written by
bench/labournet-time ("ID ID", each distinct pair of linked actors once,
the undirected simple graph labournet's measures compute on), with beside it
EDGES minus ".edges" plus ".nodes", every actor ID one a line, so that the
isolated actors an edge list cannot hold are added after reading it.

MODE is
  full     read the file and compute, print nothing: time the whole process
           from outside for "load + compute";
  time     read the file, then time the measure call alone
           (time.perf_counter), and print one JSON line with load_s,
           compute_s and a check summary that bench/compare.sh compares
           with labournet's (the same format as bench/labournet-time).

Each tool is called through its documented API with its defaults, on the
undirected graph, with 2 threads where it can use them (graph-tool's
OpenMP: openmp_set_num_threads; igraph and NetworkX are single-threaded).
The check summaries are computed after the timed call and are not part of
compute_s. bench/compare.sh times "load + compute" from outside the process
running MODE time: the summary is O(N log N), negligible next to the loads.
"""

import hashlib
import json
import math
import os
import sys
import time
import warnings

MEASURES = ["betweenness", "closeness", "harmonic", "pagerank", "core",
            "components", "articulation", "degree"]
THREADS = int(os.environ.get("BENCH_THREADS", "2"))


def nodes_path(edges):
    base = edges[:-len(".edges")] if edges.endswith(".edges") else edges
    return base + ".nodes"


def read_ids(path):
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


# --- igraph -----------------------------------------------------------------

def igraph_load(edges):
    import igraph
    g = igraph.Graph.Read_Ncol(edges, names=True, weights=False, directed=False)
    have = set(g.vs["name"])
    missing = [v for v in read_ids(nodes_path(edges)) if v not in have]
    if missing:
        g.add_vertices(missing)
    return g


def igraph_compute(g, measure):
    if measure == "betweenness":
        return g.betweenness(directed=False)
    if measure == "closeness":
        return g.closeness()
    if measure == "harmonic":
        return g.harmonic_centrality()
    if measure == "pagerank":
        return g.pagerank()
    if measure == "core":
        return g.coreness()
    if measure == "components":
        return g.connected_components()
    if measure == "articulation":
        return g.articulation_points()
    if measure == "degree":
        return g.degree()
    raise ValueError(measure)


def igraph_check(g, measure, r):
    names = g.vs["name"]
    if measure in ("betweenness", "harmonic", "pagerank"):
        return top5(dict(zip(names, r)))
    if measure == "closeness":
        # igraph normalises by the actor's own component (r-1)/Σd; labournet
        # and NetworkX apply the Wasserman-Faust factor (r-1)/(N-1) on top.
        comp = g.connected_components().membership
        size = {}
        for c in comp:
            size[c] = size.get(c, 0) + 1
        n = g.vcount()
        return top5({names[i]: (0 if v is None or math.isnan(v) else v) * (size[comp[i]] - 1) / (n - 1)
                     for i, v in enumerate(r)})
    if measure in ("core", "degree"):
        return per_actor_digest(dict(zip(names, r)))
    if measure == "components":
        return sizes_digest(r.sizes())
    if measure == "articulation":
        return ids_digest([names[i] for i in r])
    raise ValueError(measure)


# --- graph-tool -------------------------------------------------------------

def gt_load(edges):
    import graph_tool
    graph_tool.openmp_set_num_threads(THREADS)
    g = graph_tool.load_graph_from_csv(edges, directed=False, hashed=True,
                                       csv_options={"delimiter": " ", "quotechar": '"'})
    name = g.vp["name"]
    have = set(name[v] for v in g.vertices())
    missing = [v for v in read_ids(nodes_path(edges)) if v not in have]
    if missing:
        first = g.num_vertices()
        g.add_vertex(len(missing))
        for k, v in enumerate(missing):
            name[g.vertex(first + k)] = v
    return g


def gt_compute(g, measure):
    from graph_tool import centrality, topology
    if measure == "betweenness":
        return centrality.betweenness(g)[0]
    if measure == "closeness":
        return centrality.closeness(g)
    if measure == "harmonic":
        return centrality.closeness(g, harmonic=True)
    if measure == "pagerank":
        return centrality.pagerank(g)
    if measure == "core":
        return topology.kcore_decomposition(g)
    if measure == "components":
        return topology.label_components(g)
    if measure == "articulation":
        return topology.label_biconnected_components(g)
    if measure == "degree":
        return g.degree_property_map("total")
    raise ValueError(measure)


def gt_check(g, measure, r):
    from graph_tool import topology
    name = g.vp["name"]
    names = [name[v] for v in g.vertices()]
    if measure in ("betweenness", "harmonic", "pagerank"):
        return top5(dict(zip(names, r.a)))
    if measure == "closeness":
        # graph-tool normalises by the actor's own component, as igraph does
        # (isolated actors: nan); apply the Wasserman-Faust factor.
        comp, hist = topology.label_components(g)
        n = g.num_vertices()
        out = {}
        for i, v in enumerate(r.a):
            v = 0 if math.isnan(v) else v
            out[names[i]] = v * (hist[comp.a[i]] - 1) / (n - 1)
        return top5(out)
    if measure in ("core", "degree"):
        return per_actor_digest(dict(zip(names, r.a)))
    if measure == "components":
        return sizes_digest(list(r[1]))
    if measure == "articulation":
        art = r[1].a
        return ids_digest([names[i] for i in range(len(names)) if art[i]])
    raise ValueError(measure)


# --- NetworkX ---------------------------------------------------------------

def nx_load(edges):
    import networkx as nx
    g = nx.read_edgelist(edges, nodetype=str, data=False)
    g.add_nodes_from(read_ids(nodes_path(edges)))
    return g


def nx_compute(g, measure):
    import networkx as nx
    if measure == "betweenness":
        return nx.betweenness_centrality(g)
    if measure == "closeness":
        return nx.closeness_centrality(g)
    if measure == "harmonic":
        return nx.harmonic_centrality(g)
    if measure == "pagerank":
        return nx.pagerank(g)
    if measure == "core":
        return nx.core_number(g)
    if measure == "components":
        return list(nx.connected_components(g))
    if measure == "articulation":
        return list(nx.articulation_points(g))
    if measure == "degree":
        return dict(g.degree())
    raise ValueError(measure)


def nx_check(g, measure, r):
    if measure in ("betweenness", "closeness", "harmonic", "pagerank"):
        return top5(r)
    if measure in ("core", "degree"):
        return per_actor_digest(r)
    if measure == "components":
        return sizes_digest([len(c) for c in r])
    if measure == "articulation":
        return ids_digest(list(r))
    raise ValueError(measure)


# --- summaries: must match bench/labournet-time character for character ----

def round9(v):
    return float("%.9g" % v)


def top5(values):
    items = []
    for k, v in values.items():
        v = float(v)
        if math.isnan(v):
            v = 0.0
        items.append((-round9(v), k))
    items.sort()
    return "top5:" + ",".join(k for _, k in items[:5])


def digest(lines):
    h = hashlib.sha1()
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()[:12]


def per_actor_digest(values):
    lines = sorted("%s %d" % (k, int(round(float(v)))) for k, v in values.items())
    mx = max(int(round(float(v))) for v in values.values())
    return "max=%d sha1=%s" % (mx, digest(lines))


def sizes_digest(sizes):
    sizes = sorted((int(z) for z in sizes), reverse=True)
    return "count=%d largest=%d sha1=%s" % (len(sizes), sizes[0], digest(str(z) for z in sizes))


def ids_digest(ids):
    ids = sorted(ids)
    return "count=%d sha1=%s" % (len(ids), digest(ids))


TOOLS = {
    "igraph": (igraph_load, igraph_compute, igraph_check),
    "graph-tool": (gt_load, gt_compute, gt_check),
    "networkx": (nx_load, nx_compute, nx_check),
}


def version(tool):
    if tool == "igraph":
        import igraph
        return igraph.__version__
    if tool == "graph-tool":
        import graph_tool
        return graph_tool.__version__.split()[0]
    import networkx
    return networkx.__version__


def main(argv):
    if len(argv) == 2 and argv[1] == "versions":
        out = {}
        for t in TOOLS:
            try:
                out[t] = version(t)
            except ImportError:
                out[t] = None
        print(json.dumps(out))
        return 0
    if len(argv) != 5 or argv[1] not in TOOLS or argv[2] not in MEASURES or argv[4] not in ("full", "time"):
        sys.stderr.write(__doc__)
        return 2
    tool, measure, edges, mode = argv[1:]
    load, compute, check = TOOLS[tool]
    warnings.simplefilter("ignore")
    t0 = time.perf_counter()
    g = load(edges)
    t1 = time.perf_counter()
    r = compute(g, measure)
    t2 = time.perf_counter()
    if mode == "full":
        return 0
    if tool == "igraph":
        n, m = g.vcount(), g.ecount()
    elif tool == "graph-tool":
        n, m = g.num_vertices(), g.num_edges()
    else:
        n, m = g.number_of_nodes(), g.number_of_edges()
    print(json.dumps({"tool": tool, "measure": measure, "n": n, "m": m,
                      "load_s": t1 - t0, "compute_s": t2 - t1,
                      "check": check(g, measure, r)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
