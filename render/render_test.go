package render

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// tricky is a six-actor network whose names hold quotes, backslashes, a
// line break, markup characters and Bulgarian Cyrillic.
func tricky(t *testing.T) *network.Network {
	t.Helper()
	n, err := network.Build("Tricky \"names\"", []actor.Actor{
		{ID: "lod", Name: "Дирекция „Бюро по труда“ – Враца", Kind: actor.LabourOffice},
		{ID: "lib", Name: `Library "Hristo Botev"`, Kind: actor.Library},
		{ID: "fund", Name: `Fund \ with backslash`, Kind: actor.Fund},
		{ID: "firm", Name: "Firm <A> & Sons\nLtd", Kind: actor.Employer},
		{ID: "partners", Name: "Partner municipalities", Kind: actor.Municipality, Count: 8},
		{ID: "wg", Name: "Working group #1", Kind: actor.Body},
	}, []network.Link{
		{From: "fund", To: "lod", Kind: network.Funding, Money: &network.Money{Amount: 800000, Currency: "PLN", Ceiling: true}},
		{From: "lod", To: "lib", Kind: network.Service, Label: "e-employment"},
		{From: "lod", To: "firm", Kind: network.Cooperation, Status: network.Planned},
		{From: "partners", To: "wg", Kind: network.Membership},
		{From: "lib", To: "wg", Kind: network.Membership, Status: network.Ended},
	})
	require.NoError(t, err)
	return n
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./render -update to create the golden files")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); rerun with -update if intended:\n%s", name, diff)
	}
}

func draw(t *testing.T, f func(io.Writer, *network.Network, Options) error, n *network.Network, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, f(&b, n, opt))
	// Deterministic: the same input gives the same bytes.
	var again bytes.Buffer
	require.NoError(t, f(&again, n, opt))
	require.Equal(t, b.String(), again.String())
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	n := tricky(t)
	hl := Highlight{Central: map[string]float64{"lod": 0.8, "lib": 0.2}, CutPoints: []string{"lod"}, Bridges: [][2]string{{"lod", "fund"}}}
	golden(t, "tricky.dot", draw(t, DOT, n, Options{Highlight: hl}))
	golden(t, "tricky-level.dot", draw(t, DOT, n, Options{Cluster: ByLevel}))
	golden(t, "tricky-body.dot", draw(t, DOT, n, Options{Cluster: ByBody}))
	golden(t, "tricky.mmd", draw(t, Mermaid, n, Options{Highlight: hl}))
	golden(t, "tricky.svg", draw(t, SVG, n, Options{Seed: 7, Highlight: hl}))
}

func TestEscaping(t *testing.T) {
	require.Equal(t, `"a\"b\\c\nd"`, dotQuote("a\"b\\c\nd"))
	require.Equal(t, `"Дирекция „Бюро по труда“"`, dotQuote("Дирекция „Бюро по труда“"))
	require.Equal(t, "#quot;x#quot; #lt;b#gt; #35;1<br/>y", mermaidText("\"x\" <b> #1\ny"))
	require.Equal(t, "a &amp; &lt;b&gt; &quot;c&quot; d", xmlText("a & <b> \"c\"\nd"))
	require.Equal(t, "ok", xmlText("o\x00k"), "characters XML cannot hold are dropped")
}

// svgTexts parses an SVG and returns its text and title contents.
func svgTexts(t *testing.T, svg []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var texts strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
		switch x := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			texts.Write(x)
			texts.WriteByte('\n')
		}
	}
	require.Equal(t, 0, depth)
	return texts.String()
}

func TestSVGHoldsEveryActor(t *testing.T) {
	for _, path := range []string{"../examples/liberec/liberec.json", "../examples/vratsa/vratsa.json"} {
		n, err := encoding.Load(path)
		require.NoError(t, err)
		svg := draw(t, SVG, n, Options{Seed: 1})
		texts := svgTexts(t, svg)
		for _, a := range n.Actors() {
			require.Contains(t, texts, label(a)+" ("+a.Kind.String()+")", "%s: %s", path, a.ID)
		}
		require.Less(t, len(svg), 200_000, "small enough to commit")
	}
}

func TestSVGLargeNetworkLabelsTopActors(t *testing.T) {
	var as []actor.Actor
	var ls []network.Link
	for i := range 250 {
		as = append(as, actor.Actor{ID: string(rune('A'+i%26)) + strings.Repeat("x", i/26) + "-" + string(rune('a'+i%7)), Kind: actor.Employer})
	}
	for i := 1; i < 250; i++ {
		ls = append(ls, network.Link{From: as[i].ID, To: as[(i*7)%i].ID, Kind: network.Cooperation})
	}
	n, err := network.Build("big", as, ls)
	require.NoError(t, err)
	svg := draw(t, SVG, n, Options{Seed: 3, MaxLabels: 20})
	require.Equal(t, 20, strings.Count(string(svg), "<text data-id="), "MaxLabels actor labels")
	svgTexts(t, svg)
}

func TestLayoutDependsOnSeedOnly(t *testing.T) {
	n := tricky(t)
	a, b := layout(n.Snapshot(), 1), layout(n.Snapshot(), 1)
	require.Equal(t, a, b)
	c := layout(n.Snapshot(), 2)
	require.NotEqual(t, a, c)
	for _, p := range a {
		require.True(t, p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1, "positions in the unit square: %v", p)
	}
}

// TestDOTWithGraphviz renders our DOT with each Graphviz engine when
// Graphviz is installed: the tricky network under every clustering and the
// four reference cases, whose legend must stay one node (a table).
func TestDOTWithGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz is not installed")
	}
	type input struct {
		name string
		n    *network.Network
		opt  Options
	}
	var inputs []input
	for _, opt := range []Options{{}, {Cluster: ByLevel}, {Cluster: ByBody}, {Cluster: ByRegion}, {Cluster: ByCommunity, EdgeLabels: EdgeText}} {
		inputs = append(inputs, input{"tricky", tricky(t), opt})
	}
	files, err := filepath.Glob("../examples/*/*.json")
	require.NoError(t, err)
	for _, f := range files {
		n, err := encoding.Load(f)
		require.NoError(t, err)
		inputs = append(inputs, input{f, n, Options{Highlight: Highlight{CutPoints: []string{n.Actors()[0].ID}}}})
	}
	for _, engine := range []string{"dot", "neato", "sfdp", "fdp"} {
		bin, err := exec.LookPath(engine)
		if err != nil {
			continue
		}
		for _, in := range inputs {
			src := draw(t, DOT, in.n, in.opt)
			require.Equal(t, 1, strings.Count(string(src), `"legend" [`), "one legend node")
			require.NotContains(t, string(src), "cluster_legend")
			cmd := exec.Command(bin, "-Tsvg")
			cmd.Stdin = bytes.NewReader(src)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s rejected our output for %s: %s", engine, in.name, out)
			require.NotContains(t, string(out), "Warning", "%s on %s", engine, in.name)
			if in.name == "tricky" {
				require.Contains(t, string(out), "Дирекция")
			}
		}
	}
}

// TestDOTShapesDoNotSwell checks that non-box shapes are of fixed size with
// the name beside them, and that names are wrapped.
func TestDOTShapesDoNotSwell(t *testing.T) {
	n, err := network.Build("long", []actor.Actor{
		{ID: "e", Name: strings.Repeat("Very long employer name ", 5), Kind: actor.Employer},
		{ID: "b", Name: strings.Repeat("Very long body name ", 5), Kind: actor.Body},
	}, []network.Link{{From: "e", To: "b", Kind: network.Membership}})
	require.NoError(t, err)
	src := string(draw(t, DOT, n, Options{}))
	require.Contains(t, src, `"e" [label="", xlabel="Very long employer name\nVery long employer name\n`)
	require.Contains(t, src, "fixedsize=true")
	require.Contains(t, src, `"b" [label="Very long body name Very\nlong body name Very long\n`)
}
