package analysis

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// refGraph is a network of testdata/graphs, in the format the reference
// script testdata/reference/make_reference.py writes.
type refGraph struct {
	Name     string `json:"name"`
	Directed bool   `json:"directed"`
	Source   string `json:"source"`
	Nodes    []struct {
		ID    string `json:"id"`
		Group string `json:"group"`
	} `json:"nodes"`
	Edges []struct {
		From   string  `json:"from"`
		To     string  `json:"to"`
		Weight float64 `json:"weight"`
	} `json:"edges"`
}

// refValues are the expected values of testdata/reference/NAME.json: per-actor
// metrics keyed by metric name then actor ID (null where the reference tool
// gives no value), and graph-level figures left raw for each test to decode.
type refValues struct {
	Network string                         `json:"network"`
	Metrics map[string]map[string]*float64 `json:"metrics"`
	Graph   map[string]json.RawMessage     `json:"graph"`
	Notes   json.RawMessage                `json:"notes"`
}

// loadRef loads testdata/graphs/NAME.json as a network and its expected
// values from testdata/reference/NAME.json. Each node becomes an actor of kind
// organisation with attribute "group"; each edge a link of weight w, of kind
// information (directed) for directed graphs and cooperation otherwise.
func loadRef(t testing.TB, name string) (*network.Network, refValues) {
	t.Helper()
	var g refGraph
	readJSONFile(t, filepath.Join("testdata", "graphs", name+".json"), &g)
	n := buildRefGraph(t, g)
	var ref refValues
	readJSONFile(t, filepath.Join("testdata", "reference", name+".json"), &ref)
	return n, ref
}

// buildRefGraph builds the network of a reference graph: each node an actor
// of kind organisation with attribute "group", each edge a link of weight w,
// of kind information (directed) for directed graphs and cooperation
// otherwise.
func buildRefGraph(t testing.TB, g refGraph) *network.Network {
	t.Helper()
	var actors []actor.Actor
	for _, nd := range g.Nodes {
		actors = append(actors, actor.Actor{ID: nd.ID, Kind: actor.Organisation, Attrs: map[string]string{"group": nd.Group}})
	}
	kind := network.Cooperation
	if g.Directed {
		kind = network.Information
	}
	var links []network.Link
	for _, e := range g.Edges {
		links = append(links, network.Link{From: e.From, To: e.To, Kind: kind, Weight: e.Weight})
	}
	n, err := network.Build(g.Name, actors, links)
	if err != nil {
		t.Fatalf("building %s: %v", g.Name, err)
	}
	return n
}

func readJSONFile(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading reference data: %v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
