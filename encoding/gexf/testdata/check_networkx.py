#!/usr/bin/python3
"""Reads GEXF files with NetworkX's read_gexf and prints, as JSON, what it
sees of each: the NetworkX version, whether the graph is directed, its mode,
its node and edge counts, each node's "kind" and each edge's "kind", "start"
and "end".

    /usr/bin/python3 encoding/gexf/testdata/check_networkx.py a.gexf b.gexf

TestNetworkXReadsOurGEXF runs it on the GEXF of the reference datasets.
"""
import json
import sys

import networkx as nx

out = []
for path in sys.argv[1:]:
    g = nx.read_gexf(path)
    out.append({
        "networkx": nx.__version__,
        "directed": g.is_directed(),
        "mode": g.graph.get("mode"),
        "name": g.graph.get("name", ""),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "kinds": {str(n): d.get("kind") for n, d in g.nodes(data=True)},
        "links": sorted(
            [str(u), str(v), d.get("kind"), d.get("start"), d.get("end")]
            for u, v, d in g.edges(data=True)
        ),
    })
json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
print()
