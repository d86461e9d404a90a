#!/usr/bin/python3
"""Reads a GraphML file with one graph library and writes it back, as a user
of that library would: the round trip TestToolRoundTrip runs.

    roundtrip.py networkx|igraph|graph-tool IN OUT
    roundtrip.py karate OUT    (NetworkX's karate club graph, as NetworkX writes it)

Exit status 3 means the library is not installed (the test then skips).
"""
import sys


def main():
    tool = sys.argv[1]
    try:
        if tool in ("networkx", "karate"):
            import networkx as nx
        elif tool == "igraph":
            import igraph
        elif tool == "graph-tool":
            import graph_tool
        else:
            sys.exit("unknown tool " + tool)
    except ImportError as e:
        print(e, file=sys.stderr)
        sys.exit(3)
    if tool == "karate":
        nx.write_graphml(nx.karate_club_graph(), sys.argv[2])
    elif tool == "networkx":
        nx.write_graphml(nx.read_graphml(sys.argv[2]), sys.argv[3])
    elif tool == "igraph":
        igraph.Graph.Read_GraphML(sys.argv[2]).write_graphml(sys.argv[3])
    else:
        graph_tool.load_graph(sys.argv[2], fmt="graphml").save(sys.argv[3], fmt="graphml")


if __name__ == "__main__":
    main()
