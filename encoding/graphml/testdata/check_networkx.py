#!/usr/bin/python3
"""Reads labournet's GraphML of examples/jobtown2/jobtown2.json with NetworkX
and prints the nodes, edges and attributes NetworkX sees, as JSON.

Run from the repository root (needs Go and python3-networkx):

    go run ./cmd/labournet convert examples/jobtown2/jobtown2.json /tmp/jobtown2.graphml
    /usr/bin/python3 encoding/graphml/testdata/check_networkx.py /tmp/jobtown2.graphml \
        > encoding/graphml/testdata/networkx_jobtown2.json

The Go test TestNetworkXReadsOurGraphML compares the output with the dataset.
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
out = {
    "networkx": nx.__version__,
    "nodes": {n: d for n, d in g.nodes(data=True)},
    "edges": [{"source": u, "target": v, "data": d} for u, v, d in g.edges(data=True)],
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
print()
