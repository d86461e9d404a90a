package graphml_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
)

const python = "/usr/bin/python3"

// tools are the graph libraries TestToolRoundTrip sends our GraphML
// through, as testdata/roundtrip.py names them.
var tools = []string{"networkx", "igraph", "graph-tool"}

// runTool runs testdata/roundtrip.py with args, skipping the test when
// python3 or the library is absent (CI has only Go).
func runTool(t *testing.T, args ...string) {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skipf("%s is absent", python)
	}
	cmd := exec.Command(python, append([]string{"testdata/roundtrip.py"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) && ee.ExitCode() == 3 {
		t.Skipf("%s is not installed: %s", args[0], strings.TrimSpace(stderr.String()))
	}
	require.NoError(t, err, "roundtrip.py %s: %s", strings.Join(args, " "), stderr.String())
}

// linkKey orders links for comparison: NetworkX and graph-tool write edges
// grouped by their source node, not in the order they were read.
func linkKey(l network.Link) string {
	b, err := json.Marshal(l)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// requireSameNetwork compares two networks field by field: the network's
// own fields, the actors in order, and the links in any order.
func requireSameNetwork(t *testing.T, want, got *network.Network) {
	t.Helper()
	opts := cmpopts.EquateEmpty()
	require.Equal(t, want.Name, got.Name, "name")
	require.Equal(t, want.Description, got.Description, "description")
	require.Equal(t, want.AsOf, got.AsOf, "asOf")
	if diff := cmp.Diff(want.Attrs, got.Attrs, opts); diff != "" {
		t.Fatalf("network attrs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Actors(), got.Actors(), opts); diff != "" {
		t.Fatalf("actors (-want +got):\n%s", diff)
	}
	sorted := cmpopts.SortSlices(func(a, b network.Link) bool { return linkKey(a) < linkKey(b) })
	if diff := cmp.Diff(want.Links(), got.Links(), opts, sorted); diff != "" {
		t.Fatalf("links (-want +got):\n%s", diff)
	}
}

// TestToolRoundTrip writes each dataset as GraphML, has NetworkX, igraph
// and graph-tool read it and write it back, reads their file and compares
// every field with the original: no tool loses or changes any field of
// the reference cases. Only the order of the links may differ (NetworkX and
// graph-tool list edges by source node).
func TestToolRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, tool := range tools {
		t.Run(tool, func(t *testing.T) {
			for _, path := range datasets {
				name := strings.TrimSuffix(filepath.Base(path), ".json")
				t.Run(name, func(t *testing.T) {
					n, err := encoding.Load(path)
					require.NoError(t, err)
					in := filepath.Join(dir, name+".graphml")
					out := filepath.Join(dir, name+"."+tool+".graphml")
					var b bytes.Buffer
					require.NoError(t, graphml.Write(&b, n))
					require.NoError(t, os.WriteFile(in, b.Bytes(), 0o644))
					runTool(t, tool, in, out)
					f, err := os.Open(out)
					require.NoError(t, err)
					defer f.Close()
					back, notes, err := graphml.ReadWithNotes(f, out)
					require.NoError(t, err)
					require.Empty(t, notes, "our own attributes come back as fields")
					requireSameNetwork(t, n, back)
				})
			}
		})
	}
}

// TestReadKarateClub: NetworkX's karate club graph, as NetworkX writes it,
// converts with its node attribute "club" kept in each actor's attrs and
// named in a note, and its edge weights read as weights.
func TestReadKarateClub(t *testing.T) {
	out := filepath.Join(t.TempDir(), "karate.graphml")
	runTool(t, "karate", out)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	n, notes, err := graphml.ReadWithNotes(f, "karate.graphml")
	require.NoError(t, err)
	require.Equal(t, 34, n.NumActors())
	require.Equal(t, 78, n.NumLinks())
	a, ok := n.Actor("0")
	require.True(t, ok, "NetworkX's node ids are the actor IDs")
	require.Equal(t, "Mr. Hi", a.Attrs["club"])
	require.True(t, slices.ContainsFunc(notes, func(s string) bool {
		return strings.Contains(s, "kept as actor attrs: club")
	}), "notes: %q", notes)
	require.True(t, slices.ContainsFunc(n.Links(), func(l network.Link) bool { return l.Weight > 1 }), "karate's weights are read")
	for _, l := range n.Links() {
		require.Equal(t, network.Cooperation, l.Kind)
		require.False(t, l.IsDirected(), "an undirected graph")
	}
}

// undirectedNetwork has only undirected links, so that it is written as an
// undirected graph, with ends in the opposite order of the nodes (which
// igraph and graph-tool then swap) and an undirected funding link; lastWeight
// is the weight of its last link.
func undirectedNetwork(t *testing.T, lastWeight float64) *network.Network {
	t.Helper()
	n, err := network.Build("Undirected", []actor.Actor{
		{ID: "office", Kind: actor.LabourOffice},
		{ID: "school", Kind: actor.School},
		{ID: "fund", Kind: actor.Fund},
	}, []network.Link{
		{From: "school", To: "office", Kind: network.Cooperation, Weight: 3},
		{From: "fund", To: "office", Kind: network.Funding, Direction: network.Undirected,
			Money: &network.Money{Amount: 1000, Currency: "EUR"}},
		{From: "fund", To: "school", Kind: network.Cooperation, Weight: lastWeight},
	})
	require.NoError(t, err)
	return n
}

// TestToolRoundTripUndirected: a network of undirected links is written as
// an undirected graph; the libraries may swap an edge's ends, but the
// "from" and "to" data bring them back. An explicit weight of 1 reads as no
// weight, which counts as 1.
func TestToolRoundTripUndirected(t *testing.T) {
	n := undirectedNetwork(t, 1)
	var b bytes.Buffer
	require.NoError(t, graphml.Write(&b, n))
	require.Contains(t, b.String(), `edgedefault="undirected"`)
	want := undirectedNetwork(t, 0)
	back, err := graphml.Read(bytes.NewReader(b.Bytes()), "u.graphml")
	require.NoError(t, err)
	requireSameNetwork(t, want, back)
	in := filepath.Join(t.TempDir(), "u.graphml")
	require.NoError(t, os.WriteFile(in, b.Bytes(), 0o644))
	for _, tool := range tools {
		t.Run(tool, func(t *testing.T) {
			out := in + "." + tool
			runTool(t, tool, in, out)
			f, err := os.Open(out)
			require.NoError(t, err)
			defer f.Close()
			back, notes, err := graphml.ReadWithNotes(f, out)
			require.NoError(t, err)
			require.Empty(t, notes)
			requireSameNetwork(t, want, back)
		})
	}
}
