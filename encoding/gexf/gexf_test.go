package gexf_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

// datasets are the reference datasets and the sample of every field.
var datasets = []string{
	"../testdata/rich.json",
	"../../examples/liberec/liberec.json",
	"../../examples/steelcityzen/steelcityzen.json",
	"../../examples/jobtown2/jobtown2.json",
	"../../examples/vratsa/vratsa.json",
}

type attvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type doc struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Meta    struct {
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Name            string `xml:"name,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string     `xml:"id,attr"`
			Label  string     `xml:"label,attr"`
			Values []attvalue `xml:"attvalues>attvalue"`
			Color  struct {
				R int `xml:"r,attr"`
				G int `xml:"g,attr"`
				B int `xml:"b,attr"`
			} `xml:"http://www.gexf.net/1.2draft/viz color"`
			Shape struct {
				Value string `xml:"value,attr"`
			} `xml:"http://www.gexf.net/1.2draft/viz shape"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string     `xml:"id,attr"`
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Type   string     `xml:"type,attr"`
			Kind   string     `xml:"kind,attr"`
			Weight string     `xml:"weight,attr"`
			Start  string     `xml:"start,attr"`
			End    string     `xml:"end,attr"`
			Values []attvalue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func parse(t *testing.T, b []byte) (doc, map[string]string) {
	t.Helper()
	var d doc
	require.NoError(t, xml.Unmarshal(b, &d))
	titles := map[string]string{}
	for _, as := range d.Graph.Attributes {
		for _, a := range as.Attrs {
			titles[a.ID] = a.Title
		}
	}
	return d, titles
}

func byTitle(titles map[string]string, vals []attvalue) map[string]string {
	got := map[string]string{}
	for _, v := range vals {
		got[titles[v.For]] = v.Value
	}
	return got
}

func TestWriteCarriesEverything(t *testing.T) {
	for _, path := range datasets {
		n, err := encoding.Load(path)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, gexf.Write(&b, n))
		d, titles := parse(t, b.Bytes())
		require.Equal(t, "http://www.gexf.net/1.2draft", d.XMLName.Space, path)
		require.Equal(t, "1.2", d.Version)
		require.Equal(t, n.Name, d.Graph.Name)
		require.Equal(t, n.Description, d.Meta.Description)
		require.Len(t, d.Graph.Nodes, n.NumActors())
		for i, a := range n.Actors() {
			node := d.Graph.Nodes[i]
			require.Equal(t, a.ID, node.ID)
			require.Equal(t, a.Label(), node.Label)
			got := byTitle(titles, node.Values)
			require.Equal(t, a.Kind.String(), got["kind"], a.ID)
			require.Equal(t, a.Country, got["country"], a.ID)
			for k, v := range a.Attrs {
				require.Equal(t, v, got["attr."+k], a.ID)
			}
			st := render.Style(a.Kind)
			require.Equal(t, st.Fill, colour(node.Color.R, node.Color.G, node.Color.B), a.ID)
			require.Contains(t, []string{"disc", "square", "diamond", "triangle"}, node.Shape.Value, a.ID)
		}
		require.Len(t, d.Graph.Edges, n.NumLinks())
		for i, l := range n.Links() {
			e := d.Graph.Edges[i]
			got := byTitle(titles, e.Values)
			if got["labournet.swapped"] == "true" {
				require.Equal(t, "mutual", e.Type)
				e.Source, e.Target = e.Target, e.Source
			}
			require.Equal(t, [2]string{l.From, l.To}, [2]string{e.Source, e.Target})
			if l.ID != "" {
				require.Equal(t, l.ID, e.ID)
			}
			require.Equal(t, l.Kind.String(), got["kind"])
			require.Equal(t, l.Direction.String(), got["direction"])
			require.Empty(t, e.Kind, "1.2draft has no edge kind")
			if l.Weight != 0 {
				require.Equal(t, l.EffectiveWeight(), mustFloat(t, e.Weight))
			} else {
				require.Empty(t, e.Weight, "GEXF's default weight is 1, as EffectiveWeight")
			}
			require.Equal(t, l.Evidence, got["evidence"])
			if l.Money != nil {
				require.Equal(t, l.Money.Currency, got["money.currency"])
			}
		}
	}
}

func colour(r, g, b int) string {
	const hex = "0123456789ABCDEF"
	out := []byte{'#'}
	for _, c := range []int{r, g, b} {
		out = append(out, hex[c>>4], hex[c&15])
	}
	return string(out)
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var v float64
	require.NoError(t, json.Unmarshal([]byte(s), &v), s)
	return v
}

// TestEdgeTypes: the edges' types follow the graph's default edge type, as
// NetworkX requires: a mixed network is a directed graph whose undirected
// links are mutual; an undirected one has no edge types.
func TestEdgeTypes(t *testing.T) {
	as := []actor.Actor{{ID: "a", Kind: actor.School}, {ID: "b", Kind: actor.Employer}}
	mixed, err := network.Build("m", as, []network.Link{
		{From: "a", To: "b", Kind: network.Cooperation},
		{From: "a", To: "b", Kind: network.Funding},
		{From: "b", To: "a", Kind: network.Funding, Direction: network.Undirected},
	})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, gexf.Write(&b, mixed))
	d, _ := parse(t, b.Bytes())
	require.Equal(t, "directed", d.Graph.DefaultEdgeType)
	var types []string
	for _, e := range d.Graph.Edges {
		types = append(types, e.Type)
	}
	require.Equal(t, []string{"mutual", "directed", "mutual"}, types)
	require.NotContains(t, b.String(), `type="undirected"`)

	// A mutual edge whose reverse is already an edge is written the other
	// way round, so that NetworkX keeps both as a multigraph; it reads back
	// as it was.
	swap, err := network.Build("s", as, []network.Link{
		{From: "b", To: "a", Kind: network.Funding},
		{From: "a", To: "b", Kind: network.Partnership},
	})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, gexf.Write(&b, swap))
	d, titles := parse(t, b.Bytes())
	require.Equal(t, [2]string{"b", "a"}, [2]string{d.Graph.Edges[1].Source, d.Graph.Edges[1].Target})
	require.Equal(t, "true", byTitle(titles, d.Graph.Edges[1].Values)["labournet.swapped"])
	back, err := gexf.Read(&b, "s.gexf")
	require.NoError(t, err)
	requireSame(t, swap, back, "swapped")

	undirected, err := network.Build("u", as, []network.Link{{From: "a", To: "b", Kind: network.Partnership}})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, gexf.Write(&b, undirected))
	d, _ = parse(t, b.Bytes())
	require.Equal(t, "undirected", d.Graph.DefaultEdgeType)
	require.Empty(t, d.Graph.Edges[0].Type)
	require.Equal(t, "static", d.Graph.Mode)
}

// TestDynamic: dated links make a dynamic graph whose edges span their
// dates' first and last days.
func TestDynamic(t *testing.T) {
	as := []actor.Actor{{ID: "a", Kind: actor.School}, {ID: "b", Kind: actor.Employer}}
	n, err := network.Build("d", as, []network.Link{
		{From: "a", To: "b", Start: network.MustParseDate("2012-09"), End: network.MustParseDate("2024-02")},
		{From: "a", To: "b", End: network.MustParseDate("2014")},
		{From: "b", To: "a"},
	})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, gexf.Write(&b, n))
	d, titles := parse(t, b.Bytes())
	require.Equal(t, "dynamic", d.Graph.Mode)
	require.Equal(t, "date", d.Graph.TimeFormat)
	e := d.Graph.Edges
	require.Equal(t, [2]string{"2012-09-01", "2024-02-29"}, [2]string{e[0].Start, e[0].End})
	require.Equal(t, [2]string{"", "2014-12-31"}, [2]string{e[1].Start, e[1].End})
	require.Equal(t, [2]string{"", ""}, [2]string{e[2].Start, e[2].End})
	require.Equal(t, "2012-09", byTitle(titles, e[0].Values)["start"], "the date as given")
	back, err := gexf.Read(&b, "d.gexf")
	require.NoError(t, err)
	requireSame(t, n, back, "dynamic")
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
	require.Equal(t, want.Name, got.Name, what)
	require.Equal(t, want.Description, got.Description, what)
	require.Equal(t, want.AsOf, got.AsOf, what)
	if diff := cmp.Diff(want.Attrs, got.Attrs, opts); diff != "" {
		t.Fatalf("%s: attrs (-want +got):\n%s", what, diff)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, v := range gexf.Versions {
		for _, path := range datasets {
			n, err := encoding.Load(path)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, gexf.WriteWith(&b, n, gexf.Options{Version: v}))
			back, err := gexf.Read(&b, "x.gexf")
			require.NoError(t, err, path)
			requireSame(t, n, back, string(v)+" "+path)
		}
	}
}

func TestWrite13(t *testing.T) {
	n, err := encoding.Load("../testdata/rich.json")
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, gexf.WriteWith(&b, n, gexf.Options{Version: "1.3"}))
	require.Contains(t, b.String(), `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"`)
	require.Contains(t, b.String(), `version="1.3"`)
	require.Contains(t, b.String(), `kind="funding"`)
	err = gexf.WriteWith(&b, n, gexf.Options{Version: "2.0"})
	require.ErrorIs(t, err, gexf.ErrVersion)
}

func TestWriteRejectsSeparatorInList(t *testing.T) {
	n, err := network.Build("x", []actor.Actor{{ID: "a", Kind: actor.School, Skills: []string{"reading; writing"}}}, nil)
	require.NoError(t, err)
	var b strings.Builder
	err = gexf.Write(&b, n)
	require.ErrorIs(t, err, actor.ErrInvalidText)
	require.ErrorContains(t, err, `gexf: actor "a": skills: `)
}

func TestLoadSave(t *testing.T) {
	n, err := encoding.Load("../../examples/vratsa/vratsa.json")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "vratsa.GEXF")
	require.NoError(t, encoding.Save(path, n))
	back, err := encoding.Load(path)
	require.NoError(t, err)
	requireSame(t, n, back, path)
}

// TestReadForeign reads GEXF as NetworkX and Gephi write it: no labournet
// attributes, numeric attribute ids shared by both classes, defaults,
// spells, the 1.3 edge kind, hierarchies and viz data.
func TestReadForeign(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator><description>Made in Gephi</description></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="datetime" name="foreign">
    <attributes class="node">
      <attribute id="0" title="Modularity Class" type="integer"/>
      <attribute id="1" title="kind" type="string"><default>school</default></attribute>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="strength" type="double"/>
    </attributes>
    <nodes>
      <node id="x" label="X school"><attvalues><attvalue for="0" value="3"/></attvalues><viz:color r="1" g="2" b="3"/><viz:position x="1" y="2"/>
        <nodes><node id="x1" label="x1"/></nodes>
      </node>
      <node id="y" label="Y"><attvalues><attvalue for="1" value="employer"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="x" target="y" weight="2" label="hires"><attvalues><attvalue for="0" value="0.5"/></attvalues></edge>
      <edge id="1" source="y" target="x" type="undirected" kind="funding"/>
      <edge id="2" source="x" target="y" start="2012-09-01T00:00:00"><spells><spell start="2013-01-01" end="2014-06-30"/><spell start="2015-01-01" end="2016-12-31"/></spells></edge>
    </edges>
  </graph>
</gexf>`
	n, err := gexf.Read(strings.NewReader(in), "foreign.gexf")
	require.NoError(t, err)
	require.Equal(t, "foreign", n.Name)
	require.Equal(t, "Made in Gephi", n.Description)
	x, _ := n.Actor("x")
	require.Equal(t, actor.Actor{ID: "x", Name: "X school", Kind: actor.School, Attrs: map[string]string{"Modularity Class": "3"}}, x)
	x1, _ := n.Actor("x1")
	require.Equal(t, actor.Actor{ID: "x1", Kind: actor.School}, x1, "the label equal to the id is no name")
	y, _ := n.Actor("y")
	require.Equal(t, actor.Employer, y.Kind)
	ls := n.Links()
	require.Len(t, ls, 3)
	require.Equal(t, network.Link{From: "x", To: "y", Kind: network.Cooperation, Direction: network.Directed, Label: "hires", Weight: 2,
		Attrs: map[string]string{"strength": "0.5"}}, ls[0])
	require.Equal(t, network.Link{From: "y", To: "x", Kind: network.Funding, Direction: network.Undirected}, ls[1])
	require.Equal(t, network.MustParseDate("2013-01-01"), ls[2].Start, "spells win")
	require.Equal(t, network.MustParseDate("2016-12-31"), ls[2].End)

	// NetworkX's own GEXF: an undirected graph, version 1.2draft.
	nx := `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><meta><creator>NetworkX 2.8.8</creator></meta>
<graph defaultedgetype="undirected" mode="static" name=""><nodes><node id="0" label="0"/><node id="1" label="1"/></nodes>
<edges><edge source="0" target="1" id="0"/></edges></graph></gexf>`
	n, err = gexf.Read(strings.NewReader(nx), "nx.gexf")
	require.NoError(t, err)
	require.Equal(t, 2, n.NumActors())
	require.Equal(t, network.Link{From: "0", To: "1"}, n.Links()[0])
}

func TestReadRejects(t *testing.T) {
	head := `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>
<attributes class="edge"><attribute id="w" title="money.amount" type="double"/><attribute id="c" title="money.currency" type="string"/></attributes>
<nodes>`
	tests := []struct {
		reason, in, want string
	}{
		{"a DTD with an entity", `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><gexf>&x;</gexf>`, "bad.gexf:1: malformed file: DTDs"},
		{"billion laughs", `<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><gexf>&b;</gexf>`, "DTDs"},
		{"an undefined entity", `<gexf>&x;</gexf>`, "malformed"},
		{"bad XML", head + `<node id="a"></graph>`, "bad.gexf:5: malformed"},
		{"deep nesting", `<gexf>` + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + `</gexf>`, "nested deeper"},
		{"unknown kind", head + "\n" + `<node id="a"><attvalues><attvalue for="k" value="bakery"/></attvalues></node></nodes></graph></gexf>`, `bad.gexf:6: node "a": kind: unknown kind "bakery"`},
		{"undeclared attribute", head + `<node id="a"><attvalues><attvalue for="zz" value="x"/></attvalues></node></nodes></graph></gexf>`, "no declared"},
		{"edge to unknown node", head + `<node id="a"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`, "unknown actor"},
		{"bad weight", head + `<node id="a"/></nodes><edges><edge source="a" target="a" weight="heavy"/></edges></graph></gexf>`, "edge a -> a: weight"},
		{"bad date", head + `<node id="a"/></nodes><edges><edge source="a" target="a" start="yesterday"/></edges></graph></gexf>`, "edge a -> a: start"},
		{"money without amount", head + `<node id="a"/></nodes><edges><edge source="a" target="a"><attvalues><attvalue for="c" value="EUR"/></attvalues></edge></edges></graph></gexf>`, "money.amount"},
		{"not GEXF", `<svg/>`, "no <gexf>"},
		{"no graph", `<gexf version="1.2"/>`, "no <graph>"},
		{"empty", ``, "no <gexf>"},
	}
	for _, tt := range tests {
		n, err := gexf.Read(strings.NewReader(tt.in), "bad.gexf")
		require.Nil(t, n, tt.reason)
		require.ErrorContains(t, err, tt.want, tt.reason)
		var pe *encoding.ParseError
		require.True(t, errors.As(err, &pe), tt.reason)
		require.Equal(t, "bad.gexf", pe.File, tt.reason)
	}
}

// TestNetworkXReadsOurGEXF reads the GEXF of each dataset with NetworkX's
// read_gexf (testdata/check_networkx.py) and compares what it sees with
// the network. It is skipped when python3 with networkx is not installed.
func TestNetworkXReadsOurGEXF(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no " + python)
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 has no networkx")
	}
	dir := t.TempDir()
	var files []string
	var nets []*network.Network
	for _, path := range datasets {
		n, err := encoding.Load(path)
		require.NoError(t, err)
		file := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".json")+".gexf")
		require.NoError(t, encoding.Save(file, n))
		files = append(files, file)
		nets = append(nets, n)
	}
	out, err := exec.Command(python, append([]string{"testdata/check_networkx.py"}, files...)...).Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("NetworkX: %v\n%s", err, ee.Stderr)
	}
	require.NoError(t, err)
	var got []struct {
		Directed bool
		Mode     string
		Name     string
		Nodes    int
		Edges    int
		Kinds    map[string]string
		Links    [][]*string
	}
	require.NoError(t, json.Unmarshal(out, &got))
	require.Len(t, got, len(nets))
	for i, n := range nets {
		g := got[i]
		what := datasets[i]
		require.Equal(t, n.Name, g.Name, what)
		require.Equal(t, n.NumActors(), g.Nodes, what)
		directed, dated, edges := false, false, n.NumLinks()
		for _, l := range n.Links() {
			directed = directed || l.IsDirected()
			dated = dated || !l.Start.IsZero() || !l.End.IsZero()
		}
		if directed {
			// Undirected links are mutual edges: NetworkX adds one each way.
			for _, l := range n.Links() {
				if !l.IsDirected() && l.From != l.To {
					edges++
				}
			}
		}
		require.Equal(t, directed, g.Directed, what)
		require.Equal(t, edges, g.Edges, what)
		require.Equal(t, map[bool]string{true: "dynamic", false: "static"}[dated], g.Mode, what)
		for _, a := range n.Actors() {
			require.Equal(t, a.Kind.String(), g.Kinds[a.ID], what)
		}
		// Every link is an edge of its kind with its dates' first and last days.
		seen := map[string]int{}
		for _, e := range g.Links {
			seen[strings.Join(deref(e), "|")]++
		}
		for _, l := range n.Links() {
			key := strings.Join([]string{l.From, l.To, l.Kind.String(), l.Start.First().String(), l.End.Last().String()}, "|")
			require.Positive(t, seen[key], "%s: %s", what, key)
		}
	}
}

func deref(ps []*string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if p != nil {
			out[i] = *p
		}
	}
	return out
}

func FuzzRead(f *testing.F) {
	for _, path := range []string{"../testdata/rich.json", "../../examples/jobtown2/jobtown1.json"} {
		n, err := encoding.Load(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, v := range gexf.Versions {
			var b bytes.Buffer
			if err := gexf.WriteWith(&b, n, gexf.Options{Version: v}); err != nil {
				f.Fatal(err)
			}
			f.Add(b.Bytes())
		}
	}
	f.Add([]byte(`<gexf><graph defaultedgetype="directed"><nodes><node id="a"/></nodes><edges><edge source="a" target="a" type="mutual"/></edges></graph></gexf>`))
	f.Add([]byte(`<gexf><graph><attributes class="node"><attribute id="0" title="kind"><default>fund</default></attribute></attributes><nodes><node id="a"><nodes><node id="b"/></nodes></node></nodes></graph></gexf>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := gexf.Read(bytes.NewReader(data), "fuzz.gexf")
		if (n == nil) == (err == nil) {
			t.Fatalf("network %v and error %v", n != nil, err)
		}
		if err != nil {
			for _, e := range unjoin(err) {
				var pe *encoding.ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("%T is no ParseError: %v", e, e)
				}
			}
			return
		}
		// What reads must write and read back the same.
		var b bytes.Buffer
		if err := gexf.Write(&b, n); err != nil {
			return // a list value holding ";", which Write refuses
		}
		back, err := gexf.Read(&b, "back.gexf")
		if err != nil {
			t.Fatalf("reading back: %v\n%s", err, b.String())
		}
		// As the package comment says: a Count above 1 reads back as an
		// aggregate, a name equal to the ID as no name.
		as := n.Actors()
		for i := range as {
			as[i].Aggregate = as[i].IsAggregate()
			if as[i].Name == as[i].ID {
				as[i].Name = ""
			}
		}
		opts := cmpopts.EquateEmpty()
		if diff := cmp.Diff(as, back.Actors(), opts); diff != "" {
			t.Fatalf("actors changed:\n%s", diff)
		}
		if diff := cmp.Diff(n.Links(), back.Links(), opts); diff != "" {
			t.Fatalf("links changed:\n%s", diff)
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
