package render

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

// randomNetwork returns a seeded random network of n actors of mixed kinds,
// about 2.5 links per actor (a random tree for connectedness, then random
// pairs, some planned or ended), every fifth actor with a long name of 60 to
// 120 characters.
func randomNetwork(t testing.TB, n int, seed uint64) *network.Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 42))
	kinds := actor.Kinds()
	lkinds := network.LinkKinds()
	words := strings.Fields("regional labour office employment pact agency chamber of commerce municipality university school training centre programme fund association development partnership council working group directorate library district")
	var as []actor.Actor
	for i := range n {
		name := fmt.Sprintf("Actor %d", i)
		if i%5 == 0 {
			target := 60 + rng.IntN(61)
			var b strings.Builder
			for b.Len() < target {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(words[rng.IntN(len(words))])
			}
			name = b.String()[:target]
		} else if i%3 == 0 {
			name = fmt.Sprintf("%s %s %d", words[rng.IntN(len(words))], words[rng.IntN(len(words))], i)
		}
		as = append(as, actor.Actor{ID: fmt.Sprintf("a%03d", i), Name: name, Kind: kinds[rng.IntN(len(kinds))], Count: map[bool]int{true: 4}[i%11 == 0]})
	}
	var ls []network.Link
	link := func(i, j int) {
		l := network.Link{From: as[i].ID, To: as[j].ID, Kind: lkinds[rng.IntN(len(lkinds))]}
		switch rng.IntN(10) {
		case 0:
			l.Status = network.Planned
		case 1:
			l.Status = network.Ended
		}
		if l.Kind == network.Funding && rng.IntN(2) == 0 {
			l.Money = &network.Money{Amount: float64(1000 * (1 + rng.IntN(900))), Currency: "EUR"}
		}
		ls = append(ls, l)
	}
	for i := 1; i < n; i++ {
		link(i, rng.IntN(i))
	}
	for range n * 3 / 2 {
		i, j := rng.IntN(n), rng.IntN(n)
		if i != j {
			link(i, j)
		}
	}
	nw, err := network.Build(fmt.Sprintf("random %d", n), as, ls)
	require.NoError(t, err)
	return nw
}

// checkGeometry asserts what every diagram promises: every actor labelled
// (up to MaxLabels), no label box overlapping another label box, a node, or
// a placed link label; labels beside their node; everything on the canvas;
// nodes not overlapping; the legend listing exactly the kinds drawn.
func checkGeometry(t *testing.T, name string, n *network.Network, opt Options) *diagram {
	t.Helper()
	d := plan(n, opt)
	s := d.s
	N := s.N()
	canvas := box{0, 0, d.width, d.height}
	inside := func(b box) bool {
		return b.x0 >= canvas.x0-0.01 && b.y0 >= canvas.y0-0.01 && b.x1 <= canvas.x1+0.01 && b.y1 <= canvas.y1+0.01
	}
	obstacles := make([]box, N)
	for i, g := range d.nodes {
		obstacles[i] = g.obstacle(s.Actor(i).IsAggregate())
		require.True(t, inside(obstacles[i]), "%s: node %s off the canvas", name, s.ID(i))
	}
	for i := range N {
		for j := i + 1; j < N; j++ {
			require.False(t, obstacles[i].overlaps(obstacles[j]), "%s: nodes %s and %s overlap", name, s.ID(i), s.ID(j))
		}
	}
	want := min(N, cmp0(opt.MaxLabels, defaultMaxLabels))
	var boxes []box
	for i, l := range d.labels {
		if l.lines == nil {
			continue
		}
		require.NotEmpty(t, l.lines[0], name)
		require.LessOrEqual(t, len(l.lines), labelMaxLines+1, name)
		require.True(t, inside(l.box), "%s: label of %s off the canvas", name, s.ID(i))
		require.LessOrEqual(t, l.box.distance(obstacles[i]), svgLabelReach, "%s: label of %s away from its node", name, s.ID(i))
		for j, o := range obstacles {
			require.False(t, l.box.overlaps(o), "%s: label of %s over node %s", name, s.ID(i), s.ID(j))
		}
		for _, b := range boxes {
			require.False(t, l.box.overlaps(b), "%s: label of %s over another label", name, s.ID(i))
		}
		// The box holds the text, by the same conservative estimate.
		for _, line := range l.lines {
			require.LessOrEqual(t, textWidth(line, svgFont)+2*svgPadX, l.box.x1-l.box.x0+1e-9, name)
		}
		boxes = append(boxes, l.box)
	}
	require.Len(t, boxes, want, "%s: every actor labelled", name)
	for _, el := range d.edgeLabels {
		require.True(t, inside(el.box), name)
		for _, b := range boxes {
			require.False(t, el.box.overlaps(b), "%s: link label %q over an actor label", name, el.text)
		}
		for _, o := range obstacles {
			require.False(t, el.box.overlaps(o), "%s: link label %q over a node", name, el.text)
		}
		boxes = append(boxes, el.box)
	}
	require.True(t, inside(d.legend.box), name)
	require.False(t, d.legend.box.overlaps(d.plot), "%s: the legend is beside or below the drawing", name)
	// The legend lists the kinds drawn and nothing else.
	var got, wantKeys []string
	for _, it := range d.legend.items {
		if strings.HasPrefix(it.key, "actor:") || strings.HasPrefix(it.key, "link:") {
			got = append(got, it.key)
		}
	}
	for _, k := range kindsDrawn(s) {
		wantKeys = append(wantKeys, "actor:"+k.String())
	}
	for _, k := range usedLinkKinds(n.Links()) {
		wantKeys = append(wantKeys, "link:"+k.String())
	}
	require.Equal(t, wantKeys, got, name)
	// Proportions a page can hold.
	aspect := d.width / d.height
	require.True(t, aspect > 0.5 && aspect < 2.2, "%s: canvas %.0f×%.0f", name, d.width, d.height)
	return d
}

func cmp0(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func TestGeometryReferenceCases(t *testing.T) {
	files, err := filepath.Glob("../examples/*/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	for _, f := range files {
		n, err := encoding.Load(f)
		require.NoError(t, err)
		for _, opt := range []Options{
			{Seed: 1},
			{Seed: 2, Cluster: ByLevel, EdgeLabels: EdgeRole},
			{Seed: 1, Cluster: ByCommunity, Size: SizeBetweenness, EdgeLabels: EdgeMoney},
		} {
			d := checkGeometry(t, fmt.Sprintf("%s %+v", f, opt), n, opt)
			// No more than a page's worth of canvas for a few dozen actors.
			require.Less(t, d.width*d.height, 2500.0*1800, f)
		}
	}
}

func TestGeometryRandomNetworks(t *testing.T) {
	for _, size := range []int{50, 100, 150} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			n := randomNetwork(t, size, uint64(size))
			checkGeometry(t, n.Name, n, Options{Seed: 1})
			checkGeometry(t, n.Name+" grouped", n, Options{Seed: 3, Cluster: ByCommunity, EdgeLabels: EdgeMoney})
		})
	}
}

func TestSVGDeterministic(t *testing.T) {
	n := randomNetwork(t, 60, 9)
	for _, opt := range []Options{{Seed: 5}, {Seed: 5, Cluster: ByRegion, Size: SizeNone, EdgeLabels: EdgeMoney}} {
		var a, b bytes.Buffer
		require.NoError(t, SVG(&a, n, opt))
		require.NoError(t, SVG(&b, n, opt))
		require.Equal(t, a.String(), b.String())
	}
}

func TestLegendOnlyWhatIsDrawn(t *testing.T) {
	n, err := network.Build("two", []actor.Actor{
		{ID: "a", Name: "Alpha", Kind: actor.Employer},
		{ID: "b", Name: "Beta", Kind: actor.School},
	}, []network.Link{{From: "a", To: "b", Kind: network.Cooperation}})
	require.NoError(t, err)
	d := plan(n, Options{Size: SizeNone})
	var keys []string
	for _, it := range d.legend.items {
		keys = append(keys, it.key)
	}
	require.Equal(t, []string{"header:actors", "actor:employer", "actor:school", "header:links", "link:cooperation"}, keys,
		"no planned, ended, bridge, cut point, aggregate or size entries when none is drawn")
	d = plan(n, Options{Highlight: Highlight{CutPoints: []string{"a"}, Bridges: [][2]string{{"b", "a"}}}})
	for _, k := range []string{"cutpoint", "bridge", "size"} {
		require.True(t, slices.ContainsFunc(d.legend.items, func(it legendItem) bool { return it.key == k }), k)
	}
}

func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		in     string
		want   []string
		reason string
	}{
		{"Chief methodologist", []string{"Chief methodologist"}, "short names stay on one line"},
		{"Labour Office of the Czech Republic, regional branch", []string{"Labour Office of the Czech", "Republic, regional branch"}, "broken at spaces"},
		{strings.Repeat("word ", 40), []string{"word word word word word", "word word word word word", "word word word word word", "word word word word word", "word word word word word", "word word word word word…"}, "beyond six lines, shortened"},
		{"Supercalifragilisticexpialidocious-and-more", []string{"Supercalifragilisticexpial", "idocious-and-more"}, "a long word is cut"},
		{"", nil, "nothing to wrap"},
	} {
		require.Equal(t, c.want, wrapText(c.in, labelWrap, labelMaxLines), c.reason)
	}
}

func TestTextWidthConservative(t *testing.T) {
	// Arial's "Labour Office" at 11 px is about 66 px wide; the estimate
	// must not be narrower.
	require.GreaterOrEqual(t, textWidth("Labour Office", 11), 66.0)
	require.Greater(t, textWidth("Дирекция", 11), textWidth("Direkcia", 11)*0.95)
	require.InDelta(t, 2*textWidth("ab", 10), textWidth("abab", 10), 1e-9)
	require.False(t, math.IsNaN(textWidth("", 11)))
}

func TestCrossesSegment(t *testing.T) {
	b := box{0, 0, 10, 10}
	require.True(t, b.crossesSegment(point{-5, 5}, point{15, 5}))
	require.True(t, b.crossesSegment(point{5, 5}, point{50, 50}), "starts inside")
	require.False(t, b.crossesSegment(point{-5, -5}, point{-5, 15}))
	require.False(t, b.crossesSegment(point{11, -5}, point{20, 5}))
}

func BenchmarkSVG(b *testing.B) {
	for _, size := range []int{50, 150, 500} {
		n := randomNetwork(b, size, uint64(size))
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var w bytes.Buffer
				_ = SVG(&w, n, Options{Seed: 1})
			}
		})
	}
}
