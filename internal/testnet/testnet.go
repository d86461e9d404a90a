// Package testnet holds what the tests and benchmarks of the analysis
// packages share: the reference graphs of analysis/testdata with the values
// NetworkX and sna computed on them, and the seeded networks the benchmarks
// run on. Only tests import it.
package testnet

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// Dir is analysis/testdata as seen from the packages below analysis.
var Dir = filepath.Join("..", "testdata")

// Path returns the path of a file under Dir.
func Path(elem ...string) string { return filepath.Join(append([]string{Dir}, elem...)...) }

// Graph is a network of testdata/graphs, in the format the reference script
// testdata/reference/make_reference.py writes.
type Graph struct {
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

// Values are the expected values of testdata/reference/NAME.json: per-actor
// metrics keyed by metric name then actor ID (null where the reference tool
// gives no value), and graph-level figures left raw for each test to decode.
type Values struct {
	Network string                         `json:"network"`
	Metrics map[string]map[string]*float64 `json:"metrics"`
	Graph   map[string]json.RawMessage     `json:"graph"`
	Notes   json.RawMessage                `json:"notes"`
}

// LoadRef loads testdata/graphs/NAME.json as a network (see Build) and its
// expected values from testdata/reference/NAME.json.
func LoadRef(t testing.TB, name string) (*network.Network, Values) {
	t.Helper()
	var g Graph
	ReadJSON(t, Path("graphs", name+".json"), &g)
	n := Build(t, g)
	var ref Values
	ReadJSON(t, Path("reference", name+".json"), &ref)
	return n, ref
}

// Build builds the network of a reference graph: each node an actor of kind
// organisation with attribute "group", each edge a link of weight w, of kind
// information (directed) for directed graphs and cooperation otherwise.
func Build(t testing.TB, g Graph) *network.Network {
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

// ReadJSON decodes the JSON file at path into v, failing the test on error.
func ReadJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading reference data: %v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// BenchSizes are the network sizes the analysis benchmarks run at.
var BenchSizes = []int{1000, 10000, 100000}

var (
	benchMu    sync.Mutex
	benchCache = map[int]*network.Network{}
)

// BenchNetwork returns a seeded network of n actors in groups of about 50
// (attribute "group", kinds drawn from six) with 2.5n links (mean degree
// about 5): 80% inside the group, the rest between random actors; a quarter
// directed information links, a quarter partnerships, the rest cooperation;
// weights 1..5. Networks are cached between benchmarks.
func BenchNetwork(b testing.TB, n int) *network.Network {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if nw, ok := benchCache[n]; ok {
		return nw
	}
	rng := rand.New(rand.NewPCG(uint64(n), 2027))
	kinds := []actor.Kind{actor.Municipality, actor.Employer, actor.School, actor.LabourOffice, actor.NGO, actor.Fund}
	groups := max(1, n/50)
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("a%07d", i), Kind: kinds[rng.IntN(len(kinds))],
			Attrs: map[string]string{"group": fmt.Sprintf("g%05d", i%groups)}}
	}
	ls := make([]network.Link, 0, 5*n/2)
	for len(ls) < 5*n/2 {
		u := rng.IntN(n)
		var v int
		if rng.IntN(5) < 4 {
			v = (rng.IntN(n/groups)*groups + u%groups) % n // same group
		} else {
			v = rng.IntN(n)
		}
		if u == v {
			continue
		}
		l := network.Link{From: as[u].ID, To: as[v].ID, Weight: float64(1 + rng.IntN(5))}
		switch rng.IntN(4) {
		case 0:
			l.Kind = network.Information
		case 1:
			l.Kind = network.Partnership
		}
		ls = append(ls, l)
	}
	nw, err := network.Build("bench", as, ls)
	if err != nil {
		b.Fatal(err)
	}
	benchCache[n] = nw
	return nw
}

// Bench runs f on the snapshot of BenchNetwork at every size of BenchSizes,
// skipping sizes above limit (0: none) with the given reason.
func Bench(b *testing.B, limit int, why string, f func(s *network.Snapshot)) {
	for _, n := range BenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if limit > 0 && n > limit {
				b.Skipf("%s at %d actors", why, n)
			}
			s := BenchNetwork(b, n).Snapshot()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				f(s)
			}
		})
	}
}

// Spec builds a network from compact specs: actors "id:kind" (optionally
// "id:kind:region:group1+group2:theme1+theme2") and links "from>to:kind"
// (suffix "!" for planned; "|g1+g2" for target groups).
func Spec(t *testing.T, actors []string, links []string) *network.Network {
	t.Helper()
	var as []actor.Actor
	for _, s := range actors {
		f := strings.Split(s, ":")
		k, err := actor.ParseKind(f[1])
		require.NoError(t, err)
		a := actor.Actor{ID: f[0], Kind: k}
		if len(f) > 2 {
			a.Region = f[2]
		}
		if len(f) > 3 && f[3] != "" {
			a.TargetGroups = strings.Split(f[3], "+")
		}
		if len(f) > 4 && f[4] != "" {
			a.Themes = strings.Split(f[4], "+")
		}
		as = append(as, a)
	}
	var ls []network.Link
	for _, s := range links {
		var groups []string
		if i := strings.Index(s, "|"); i >= 0 {
			groups = strings.Split(s[i+1:], "+")
			s = s[:i]
		}
		planned := strings.HasSuffix(s, "!")
		s = strings.TrimSuffix(s, "!")
		ends, kind, _ := strings.Cut(s, ":")
		from, to, _ := strings.Cut(ends, ">")
		k, err := network.ParseLinkKind(kind)
		require.NoError(t, err)
		l := network.Link{From: from, To: to, Kind: k, TargetGroups: groups}
		if planned {
			l.Status = network.Planned
		}
		ls = append(ls, l)
	}
	n, err := network.Build("test", as, ls)
	require.NoError(t, err)
	return n
}

// Approx compares numbers, analysis.Float included, within an absolute
// margin, and NaN equal to NaN: the options the reference tests pass to
// cmp.Diff.
func Approx(margin float64) cmp.Options {
	return cmp.Options{
		cmp.Transformer("float64", func(f analysis.Float) float64 { return float64(f) }),
		cmpopts.EquateApprox(0, margin), cmpopts.EquateNaNs(),
	}
}

// CheckCancel runs a long analysis on a context that it cancels as soon as
// the analysis reports progress (so while it works, past its preparation),
// and checks that the analysis had not finished by then, that it returns an
// error wrapping context.Canceled, and that it returns within 100 ms of the
// cancellation (1 s under the race detector, which slows code about
// tenfold). The latency is the best of up to three attempts, so that a
// machine busy with other tests does not make the check fail: it measures
// how often the analysis looks at its context, not the scheduler.
func CheckCancel(t *testing.T, run func(ctx context.Context, progress analysis.Progress) error) {
	t.Helper()
	const limit = raceSlowdown * 100 * time.Millisecond
	var best time.Duration
	for attempt := range 3 {
		took := cancelOnce(t, run)
		if attempt == 0 || took < best {
			best = took
		}
		if best < limit {
			return
		}
	}
	t.Errorf("the analysis returned %v after its context was cancelled, at best of 3; want under %v", best, limit)
}

// cancelOnce is one attempt of CheckCancel; it returns the time from the
// cancellation to the analysis's return.
func cancelOnce(t *testing.T, run func(ctx context.Context, progress analysis.Progress) error) time.Duration {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	var once sync.Once
	progress := func(done, total int) { once.Do(func() { close(started) }) }
	errc := make(chan error, 1)
	go func() { errc <- run(ctx, progress) }()
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatal("the analysis reported no progress in a minute")
	case err := <-errc:
		t.Fatalf("the analysis finished (err %v) before it could be cancelled: give it more work", err)
	}
	at := time.Now()
	cancel()
	select {
	case err := <-errc:
		took := time.Since(at)
		require.ErrorIs(t, err, context.Canceled)
		return took
	case <-time.After(10 * time.Second):
		t.Fatal("the analysis went on 10 s after its context was cancelled")
	}
	return 0
}

// CheckProgress runs an analysis to its end and checks what it reported:
// at least one call, done never decreasing, never above total, and done
// equal to total at the last call.
func CheckProgress(t *testing.T, run func(progress analysis.Progress) error) {
	t.Helper()
	var calls, last, lastTotal int
	err := run(func(done, total int) {
		calls++
		require.GreaterOrEqual(t, done, last, "done decreased")
		require.LessOrEqual(t, done, total, "done beyond total")
		last, lastTotal = done, total
	})
	require.NoError(t, err)
	require.Positive(t, calls, "no progress reported")
	require.Equal(t, lastTotal, last, "the last call must report all steps done")
}
