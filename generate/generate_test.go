package generate_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/generate"
	"github.com/labournet/labournet/network"
)

func write(t testing.TB, opt generate.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, generate.Write(&b, opt))
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	opt := generate.Options{Actors: 2000, Seed: 42}
	a, b := write(t, opt), write(t, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("two Writes with the same options differ")
	}
	n1, err := generate.Network(opt)
	require.NoError(t, err)
	n2, err := generate.Network(opt)
	require.NoError(t, err)
	if diff := cmp.Diff(n1.Links(), n2.Links()); diff != "" {
		t.Fatalf("two Networks with the same options differ (-first +second):\n%s", diff)
	}
	if bytes.Equal(a, write(t, generate.Options{Actors: 2000, Seed: 43})) {
		t.Error("seeds 42 and 43 give the same network")
	}
}

// TestWriteReadsBack checks that Write streams exactly what WriteJSON writes
// of Network's network, and that encoding.ReadJSON reads it back into an
// equal network.
func TestWriteReadsBack(t *testing.T) {
	for _, opt := range []generate.Options{
		{Actors: 100},
		{Actors: 3000, Seed: 9, Countries: 3, RegionsPerCountry: 4, Name: "Three countries & more"},
	} {
		t.Run(fmt.Sprint(opt.Actors), func(t *testing.T) {
			got := write(t, opt)
			n, err := generate.Network(opt)
			require.NoError(t, err)
			var want bytes.Buffer
			require.NoError(t, encoding.WriteJSON(&want, n))
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("Write differs from WriteJSON(Network()):\n%s", cmp.Diff(want.String(), string(got)))
			}
			back, err := encoding.ReadJSON(bytes.NewReader(got), "generated.json")
			require.NoError(t, err)
			if back.NumActors() != n.NumActors() || back.NumLinks() != n.NumLinks() {
				t.Fatalf("read back %d actors, %d links; want %d, %d", back.NumActors(), back.NumLinks(), n.NumActors(), n.NumLinks())
			}
			as, bs := n.Actors(), back.Actors()
			ls, lb := n.Links(), back.Links()
			for _, i := range []int{0, len(as) / 3, len(as) / 2, len(as) - 1} {
				if diff := cmp.Diff(as[i], bs[i]); diff != "" {
					t.Errorf("actor %d (-generated +read back):\n%s", i, diff)
				}
			}
			for _, i := range []int{0, len(ls) / 7, len(ls) / 2, len(ls) - 1} {
				if diff := cmp.Diff(ls[i], lb[i]); diff != "" {
					t.Errorf("link %d (-generated +read back):\n%s", i, diff)
				}
			}
			if back.Name != n.Name || back.AsOf != n.AsOf || !cmp.Equal(back.Attrs, n.Attrs) {
				t.Errorf("header read back as %q %v %v; want %q %v %v", back.Name, back.AsOf, back.Attrs, n.Name, n.AsOf, n.Attrs)
			}
		})
	}
}

// stats are the figures the tests check of a network.
type stats struct {
	kinds      map[actor.Kind]int
	linkKinds  map[network.LinkKind]int
	statuses   map[network.Status]int
	consortia  map[string]int // project ID → partners
	sameRegion int            // cooperation links within a region
}

func measure(t *testing.T, n *network.Network) stats {
	t.Helper()
	s := stats{kinds: map[actor.Kind]int{}, linkKinds: map[network.LinkKind]int{},
		statuses: map[network.Status]int{}, consortia: map[string]int{}}
	region := map[string]string{}
	for _, a := range n.Actors() {
		s.kinds[a.Kind]++
		region[a.ID] = a.Region
		if a.Country == "" || a.Level == actor.LevelUnknown {
			t.Errorf("actor %s has no country or level", a.ID)
		}
		if a.Region == "" && a.Country != "EU" {
			t.Errorf("actor %s of %s has no region", a.ID, a.Country)
		}
	}
	for _, l := range n.Links() {
		if l.From == l.To {
			t.Errorf("self link %s", l.From)
		}
		s.linkKinds[l.Kind]++
		switch l.Kind {
		case network.Partnership:
			s.consortia[l.To]++
			s.statuses[l.Status]++
		case network.Cooperation:
			if region[l.From] == region[l.To] {
				s.sameRegion++
			}
		}
	}
	return s
}

func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		actors int
		reason string
	}{
		{100, "the smallest network: one country of two regions"},
		{100_000, "five countries of nine regions"},
	} {
		t.Run(fmt.Sprint(tc.actors), func(t *testing.T) {
			if tc.actors > 10_000 && testing.Short() {
				t.Skip("large network in -short mode")
			}
			n, err := generate.Network(generate.Options{Actors: tc.actors, Seed: 1})
			require.NoError(t, err, tc.reason) // network.Build validated every actor and link
			require.Equal(t, tc.actors, n.NumActors(), tc.reason)
			if got := float64(n.NumLinks()) / float64(n.NumActors()); math.Abs(got-generate.DefaultLinksPerActor) > 0.01 {
				t.Errorf("%s: %.3f links per actor, want %d", tc.reason, got, generate.DefaultLinksPerActor)
			}
			s := measure(t, n)
			if got := s.kinds[actor.Project]; got != tc.actors/10 {
				t.Errorf("%s: %d projects, want %d", tc.reason, got, tc.actors/10)
			}
			for _, st := range []network.Status{network.Planned, network.Active, network.Ended} {
				if s.statuses[st] == 0 {
					t.Errorf("%s: no %s partnership", tc.reason, st)
				}
			}
			for _, k := range []network.LinkKind{network.Partnership, network.Funding, network.Membership,
				network.Cooperation, network.Service, network.Governance, network.Reporting} {
				if s.linkKinds[k] == 0 {
					t.Errorf("%s: no %s link", tc.reason, k)
				}
			}
		})
	}
}

func TestProportions(t *testing.T) {
	const actors = 10_000
	n, err := generate.Network(generate.Options{Actors: actors, Seed: 3})
	require.NoError(t, err)
	s := measure(t, n)
	// Structural actors of 1 country of 9 regions (the defaults at 10^4).
	for kind, want := range map[actor.Kind]int{
		actor.NationalAuthority: 1, actor.RegionalAuthority: 9, actor.LabourOffice: 9,
		actor.Body: 18, actor.Fund: 2, actor.Programme: 3, actor.Project: 1000,
	} {
		if s.kinds[kind] != want {
			t.Errorf("%d %s actors, want %d", s.kinds[kind], kind, want)
		}
	}
	orgs := actors - 1 - 9 - 9 - 18 - 2 - 3 - 1000
	for _, sh := range generate.Shares() {
		got := float64(s.kinds[sh.Kind]) / float64(orgs)
		if math.Abs(got-sh.Share) > 0.002 {
			t.Errorf("%s: share %.4f, want %.4f", sh.Kind, got, sh.Share)
		}
	}
	if s.kinds[actor.Employer] <= actors/2 {
		t.Errorf("%d employers: want the majority of %d actors", s.kinds[actor.Employer], actors)
	}
	if got := float64(s.sameRegion) / float64(s.linkKinds[network.Cooperation]); got < 0.7 {
		t.Errorf("%.2f of cooperation links within a region, want at least 0.7 (regions as communities)", got)
	}
}

func TestConsortia(t *testing.T) {
	n, err := generate.Network(generate.Options{Actors: 10_000, Seed: 5})
	require.NoError(t, err)
	s := measure(t, n)
	sum, most := 0, 0
	for id, c := range s.consortia {
		if c < 2 {
			t.Errorf("project %s has %d partners, want at least 2", id, c)
		}
		sum += c
		most = max(most, c)
	}
	mean := float64(sum) / float64(len(s.consortia))
	if mean < 4 || mean > 6 {
		t.Errorf("mean consortium %.2f, want 4 to 6", mean)
	}
	if float64(most) < 6*mean || most > 60 {
		t.Errorf("largest consortium %d with mean %.2f: want a heavy tail (at least 6 times the mean) capped at 60", most, mean)
	}
	t.Logf("consortia: %d projects, mean %.2f, max %d", len(s.consortia), mean, most)
}

func TestOptionErrors(t *testing.T) {
	for _, tc := range []struct {
		opt    generate.Options
		reason string
	}{
		{generate.Options{Actors: 99}, "below MinActors"},
		{generate.Options{Actors: -1}, "negative"},
		{generate.Options{Countries: 41}, "more countries than Countries() has"},
		{generate.Options{Actors: 100, Countries: 27}, "too few actors for the structural actors of 27 countries"},
		{generate.Options{RegionsPerCountry: 1000}, "regions beyond three characters"},
		{generate.Options{ProjectShare: 0.9}, "project share above one half"},
		{generate.Options{ProjectShare: math.NaN()}, "NaN share"},
		{generate.Options{LinksPerActor: 0.5}, "fewer than one link per actor"},
		{generate.Options{AsOf: network.Date{Year: 2025}}, "an as-of day known only to the year"},
		{generate.Options{Name: "two\x00parts"}, "a name with a control character"},
	} {
		_, err := generate.Network(tc.opt)
		if !errors.Is(err, generate.ErrOptions) {
			t.Errorf("%s: Network error %v, want ErrOptions", tc.reason, err)
		}
		if err := generate.Write(io.Discard, tc.opt); !errors.Is(err, generate.ErrOptions) {
			t.Errorf("%s: Write error %v, want ErrOptions", tc.reason, err)
		}
	}
}

type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errFull
	}
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	err := generate.Write(&failWriter{n: 1 << 20}, generate.Options{Actors: 10_000})
	require.ErrorIs(t, err, errFull)
}
