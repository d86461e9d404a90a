#!/usr/bin/python3
"""Reference values for cohesion.Leiden (leiden_test.go), from python-igraph.

Writes, next to this script:
  planted.json   a seeded planted-partition network (8 groups of 30 nodes,
                 p_in = 0.3, p_out = 0.005; node group = planted group)
  sparse.json    a seeded sparse random network (400 nodes, 600 edges: mean
                 degree 3, many poor local optima)
  reference.json for karate (analysis/testdata/graphs/karate.json, unweighted
                 and weighted) and the two networks above: the modularity of
                 igraph's community_leiden(objective_function="modularity",
                 n_iterations=-1, beta=0.01, resolution=1) over SEEDS seeds
                 (min, mean, best, and the community count of the best), and
                 the modularity of the planted partition.

Networks use the format of analysis/testdata/graphs. Modularity is igraph's
Graph.modularity, which agrees with NetworkX and cohesion.Modularity.
Regenerate from the repository root (byte-identical on rerun):

    /usr/bin/python3 analysis/cohesion/testdata/leiden/reference.py
"""
import json
import os
import random

import igraph

HERE = os.path.dirname(os.path.abspath(__file__))
KARATE = os.path.join(HERE, "..", "..", "..", "testdata", "graphs", "karate.json")
SEEDS = 200


def planted(seed=2019, groups=8, size=30, p_in=0.3, p_out=0.005):
    rng = random.Random(seed)
    n = groups * size
    nodes = [{"id": "p%03d" % i, "group": "g%d" % (i // size)} for i in range(n)]
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            p = p_in if i // size == j // size else p_out
            if rng.random() < p:
                edges.append({"from": nodes[i]["id"], "to": nodes[j]["id"], "weight": 1})
    return {"name": "planted", "directed": False,
            "source": "reference.py planted(seed=%d): %d groups of %d, p_in %g, p_out %g; group the planted group"
            % (seed, groups, size, p_in, p_out),
            "nodes": nodes, "edges": edges}


def sparse(seed=5233, n=400, m=600):
    rng = random.Random(seed)
    nodes = [{"id": "s%03d" % i, "group": ""} for i in range(n)]
    seen = set()
    edges = []
    while len(edges) < m:
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j or (min(i, j), max(i, j)) in seen:
            continue
        seen.add((min(i, j), max(i, j)))
        edges.append({"from": nodes[i]["id"], "to": nodes[j]["id"], "weight": 1})
    return {"name": "sparse", "directed": False,
            "source": "reference.py sparse(seed=%d): %d nodes, %d distinct random edges" % (seed, n, m),
            "nodes": nodes, "edges": edges}


def to_igraph(net):
    index = {nd["id"]: i for i, nd in enumerate(net["nodes"])}
    g = igraph.Graph(n=len(net["nodes"]), edges=[(index[e["from"]], index[e["to"]]) for e in net["edges"]])
    g.es["weight"] = [float(e["weight"]) for e in net["edges"]]
    g = g.simplify(combine_edges="sum")  # parallel links summed, as in a snapshot
    return g


def leiden_stats(g, weighted):
    w = "weight" if weighted else None
    qs, best, best_k = [], None, 0
    for seed in range(SEEDS):
        random.seed(seed)  # python-igraph draws from Python's random module
        c = g.community_leiden(objective_function="modularity", weights=w, resolution_parameter=1,
                               beta=0.01, n_iterations=-1)
        q = g.modularity(c.membership, weights=w)
        qs.append(q)
        if best is None or q > best:
            best, best_k = q, len(c)
    return {"min": round(min(qs), 12), "mean": round(sum(qs) / len(qs), 12),
            "best": round(best, 12), "best_communities": best_k, "seeds": SEEDS}


def main():
    nets = {"planted": planted(), "sparse": sparse()}
    for name, net in nets.items():
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(net, f, indent=1)
            f.write("\n")
    with open(KARATE) as f:
        nets["karate"] = json.load(f)
    out = {"igraph": igraph.__version__,
           "call": "community_leiden(objective_function='modularity', weights=W, resolution_parameter=1, beta=0.01, n_iterations=-1)",
           "graphs": {}}
    for name in ["karate", "planted", "sparse"]:
        g = to_igraph(nets[name])
        for weighted in ([False, True] if name == "karate" else [False]):
            key = name + ("_weighted" if weighted else "")
            r = leiden_stats(g, weighted)
            if name == "planted":
                groups = sorted({nd["group"] for nd in nets[name]["nodes"]})
                member = [groups.index(nd["group"]) for nd in nets[name]["nodes"]]
                r["planted_modularity"] = round(g.modularity(member), 12)
            out["graphs"][key] = r
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
