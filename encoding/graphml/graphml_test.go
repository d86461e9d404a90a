package graphml_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
)

var datasets = []string{
	"../testdata/rich.json",
	"../../examples/liberec/liberec.json",
	"../../examples/steelcityzen/steelcityzen.json",
	"../../examples/jobtown2/jobtown2.json",
	"../../examples/vratsa/vratsa.json",
}

func requireSame(t *testing.T, want, got *network.Network, what string) {
	t.Helper()
	opts := cmpopts.EquateEmpty()
	if diff := cmp.Diff(want.Actors(), got.Actors(), opts); diff != "" {
		t.Fatalf("%s: actors (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Links(), got.Links(), opts); diff != "" {
		t.Fatalf("%s: links (-want +got):\n%s", what, diff)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, path := range datasets {
		n, err := encoding.Load(path)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, graphml.Write(&b, n))
		back, err := graphml.Read(&b, "x.graphml")
		require.NoError(t, err, path)
		requireSame(t, n, back, path)
		require.Equal(t, n.Name, back.Name)
	}
}

func TestReadRejects(t *testing.T) {
	head := `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="kind"/><graph edgedefault="undirected">`
	tests := []struct {
		reason, in, want string
	}{
		{"a DTD with an entity", `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml>&x;</graphml>`, "DTDs"},
		{"bad XML", head + `<node id="a"></graph>`, "malformed"},
		{"deep nesting", `<graphml>` + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + `</graphml>`, "nested deeper"},
		{"unknown kind", head + `<node id="a"><data key="k">bakery</data></node></graph></graphml>`, `unknown kind "bakery"`},
		{"undeclared key", head + `<node id="a"><data key="zz">x</data></node></graph></graphml>`, "no declared"},
		{"edge to unknown node", head + `<node id="a"/><edge source="a" target="b"/></graph></graphml>`, "unknown actor"},
		{"not GraphML", `<svg/>`, "no <graphml>"},
	}
	for _, tt := range tests {
		n, err := graphml.Read(strings.NewReader(tt.in), "bad.graphml")
		require.Nil(t, n, tt.reason)
		require.ErrorContains(t, err, tt.want, tt.reason)
		require.ErrorContains(t, err, "bad.graphml:", tt.reason)
	}
}

func TestReadForeignGraphML(t *testing.T) {
	// As NetworkX or yEd write it: no labournet keys, a directed graph,
	// graphics inside <data>.
	in := `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="graphics"/>
  <graph edgedefault="directed">
    <node id="x"><data key="d0">X</data><data key="d1"><y:ShapeNode xmlns:y="y"><y:Fill color="#fff"/></y:ShapeNode></data></node>
    <node id="y"/>
    <edge source="x" target="y"/>
  </graph>
</graphml>`
	n, err := graphml.Read(strings.NewReader(in), "foreign.graphml")
	require.NoError(t, err)
	require.Equal(t, 2, n.NumActors())
	a, _ := n.Actor("x")
	require.Equal(t, "X", a.Name, "a label is a name")
	require.Equal(t, map[string]string(nil), a.Attrs, "the label is the name, the graphics are skipped")
	l := n.Links()[0]
	require.Equal(t, network.Cooperation, l.Kind)
	require.True(t, l.IsDirected(), "the graph's edgedefault is kept")
}

// TestNetworkXReadsOurGraphML compares what NetworkX read from our GraphML
// of jobtown2 (testdata/networkx_jobtown2.json, made by
// testdata/check_networkx.py) with the network itself.
func TestNetworkXReadsOurGraphML(t *testing.T) {
	b, err := os.ReadFile("testdata/networkx_jobtown2.json")
	require.NoError(t, err)
	var nx struct {
		Nodes map[string]map[string]any `json:"nodes"`
		Edges []struct {
			Source, Target string
			Data           map[string]any
		} `json:"edges"`
	}
	require.NoError(t, json.Unmarshal(b, &nx))
	n, err := encoding.Load("../../examples/jobtown2/jobtown2.json")
	require.NoError(t, err)
	require.Len(t, nx.Nodes, n.NumActors())
	for _, a := range n.Actors() {
		got := nx.Nodes[a.ID]
		require.NotNil(t, got, a.ID)
		require.Equal(t, a.Kind.String(), got["kind"], a.ID)
		require.Equal(t, a.Name, got["name"], a.ID)
		for k, v := range a.Attrs {
			require.Equal(t, v, got["attr."+k], a.ID)
		}
	}
	require.Len(t, nx.Edges, n.NumLinks())
	// NetworkX lists edges by adjacency, undirected ones either way round:
	// compare them as sets of (ends, kind).
	type edge struct{ a, b, kind string }
	norm := func(u, v, kind string) edge { return edge{min(u, v), max(u, v), kind} }
	want := map[edge]int{}
	for _, l := range n.Links() {
		want[norm(l.From, l.To, l.Kind.String())]++
		if l.Money != nil {
			for _, e := range nx.Edges {
				if norm(e.Source, e.Target, "") == norm(l.From, l.To, "") && e.Data["kind"] == "funding" {
					require.Equal(t, l.Money.Amount, e.Data["money.amount"], "a double for NetworkX")
				}
			}
		}
	}
	got := map[edge]int{}
	for _, e := range nx.Edges {
		kind, _ := e.Data["kind"].(string)
		got[norm(e.Source, e.Target, kind)]++
	}
	require.Equal(t, want, got)
}

func FuzzRead(f *testing.F) {
	for _, path := range datasets[:2] {
		n, err := encoding.Load(path)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := graphml.Write(&b, n); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte(`<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := graphml.Read(bytes.NewReader(data), "fuzz.graphml")
		if (n == nil) == (err == nil) {
			t.Fatalf("want a network or an error, got %v and %v", n, err)
		}
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := graphml.Write(&b, n); err != nil {
			return // a list value holding ";" cannot be written; that is reported
		}
		back, err := graphml.Read(&b, "back.graphml")
		if err != nil {
			t.Fatalf("our own GraphML must read back: %v\n%s", err, b.String())
		}
		requireSame(t, n, back, "fuzz round trip")
	})
}
