package gap

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// randomLabourNet is a seeded network with every kind of actor and of
// link, regions, target groups on actors and links, bodies with themes,
// roles in several cases, parallel links, and links planned, ended, dated
// before, around and after day.
func randomLabourNet(t testing.TB, n int, seed uint64, day network.Date) *network.Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 11))
	kinds := actor.Kinds()
	linkKinds := network.LinkKinds()
	regions := []string{"", "R1", "R2", "R3"}
	groups := []string{"youth", "long-term-unemployed", "low-skilled"}
	themes := []string{"education", "social-affairs", "employment"}
	roles := []string{"", "", network.RoleLead, "LEAD", network.RoleMember, network.RolePartner}
	pick := func(s []string) []string {
		var out []string
		for _, x := range s {
			if rng.IntN(4) == 0 {
				out = append(out, x)
			}
		}
		return out
	}
	as := make([]actor.Actor, n)
	for i := range as {
		// Kinds by position, so that every kind is there in a large enough
		// network, but in random order of ID.
		as[i] = actor.Actor{ID: fmt.Sprintf("a%03d", rng.IntN(1000)*1000+i), Kind: kinds[(i*7+int(seed))%len(kinds)],
			Region: regions[rng.IntN(len(regions))], TargetGroups: pick(groups)}
		if as[i].Kind == actor.Body {
			as[i].Themes = pick(themes)
		}
	}
	var ls []network.Link
	for range 2 * n {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		l := network.Link{From: as[u].ID, To: as[v].ID, Kind: linkKinds[rng.IntN(len(linkKinds))],
			Role: roles[rng.IntN(len(roles))], TargetGroups: pick(groups)}
		switch rng.IntN(8) {
		case 0:
			l.Status = network.Planned
		case 1:
			l.Status = network.Ended
		case 2:
			l.Start = network.Date{Year: day.Year + 1}
		case 3:
			l.End = network.Date{Year: day.Year - 1}
		case 4:
			l.Start, l.End = network.Date{Year: day.Year - 1}, network.Date{Year: day.Year + 1}
		}
		ls = append(ls, l)
		if rng.IntN(10) == 0 { // a parallel link, the other way
			l.From, l.To = l.To, l.From
			ls = append(ls, l)
		}
	}
	nw, err := network.Build("random labour market", as, ls)
	require.NoError(t, err)
	return nw
}

// TestGapIndexAgreesWithReference checks the gaps and the coverage of the
// index of actor positions against the first implementation, over maps of
// IDs (gaps_ref_test.go), on random networks against the default, the
// consortium and the test models, with and without communities.
func TestGapIndexAgreesWithReference(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	models := map[string]*Model{"default": DefaultModel(), "consortium": ConsortiumModel(), "test": testModel(), "none": nil}
	for seed := range uint64(16) {
		n := randomLabourNet(t, 20+int(seed)*6, seed, day)
		comm := map[string]int{}
		k := 0
		for _, a := range n.AllActors() {
			if k%7 != 3 { // some actors in no community
				comm[a.ID] = k % (2 + int(seed)%4)
			}
			k++
		}
		for name, m := range models {
			for _, opt := range []GapOptions{{At: day}, {At: day, Communities: comm}} {
				want := newRefIndex(n, day).gaps(m, opt)
				got := Gaps(n, m, opt)
				require.NotEmpty(t, want)
				if diff := cmp.Diff(want, got, testnet.Approx(0)); diff != "" {
					t.Fatalf("seed %d, model %s, communities %v (-reference +index):\n%s", seed, name, opt.Communities != nil, diff)
				}
			}
		}
		if diff := cmp.Diff(newRefIndex(n, day).coverage(), Coverage(n, day)); diff != "" {
			t.Fatalf("seed %d: coverage (-reference +index):\n%s", seed, diff)
		}
	}
}

// TestRecommendEffectsAreMeasured checks that every recommendation's
// Effect is the comparison of the network before and after applying it
// (Recommendation.Apply, then Measure), on random networks with planned
// links (with IDs, some beside ended links between the same actors):
// Recommend measures changes on views of the network rather than on
// applied copies.
func TestRecommendEffectsAreMeasured(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	m := DefaultModel()
	checked := map[Action]int{}
	for seed := range uint64(10) {
		base := randomLabourNet(t, 30+int(seed)*5, seed, day)
		// Give every other link an ID, and add ended twins of some
		// planned links.
		var ls []network.Link
		for i, l := range base.AllLinks() {
			if i%2 == 0 {
				l.ID = fmt.Sprintf("l%d", i)
			}
			ls = append(ls, l)
			if l.PhaseOn(day) == network.NotYet && i%3 == 0 {
				twin := l
				twin.ID, twin.Status, twin.Start, twin.End = "", network.Ended, network.Date{}, network.Date{}
				ls = append(ls, twin)
			}
		}
		n, err := network.Build("random", base.Actors(), ls)
		require.NoError(t, err)
		before := Measure(n, m, day)
		recs, err := Recommend(context.Background(), n, m, RecommendOptions{At: day})
		require.NoError(t, err)
		for _, r := range recs {
			after, err := r.Apply(n)
			require.NoError(t, err)
			ids := []string{}
			for _, l := range r.Links {
				ids = append(ids, l.From, l.To)
			}
			want := Compare(before, Measure(after, m, day))
			got := r.Effect
			got.Constraint = nil
			if r.NewActor != nil {
				continue // NewlyConnected leaves the newcomer's pairs out
			}
			if diff := cmp.Diff(want, got, testnet.Approx(0)); diff != "" {
				t.Fatalf("seed %d: %s (-applied +recommended):\n%s", seed, r.Explanation, diff)
			}
			checked[r.Action]++
		}
	}
	require.Positive(t, checked[ActivateLink], "planned links made to work were checked")
	require.Positive(t, checked[AddLink]+checked[FillRole], "added links were checked")
}

// TestRecommendMaxAnswered checks that MaxAnswered answers only the first
// findings of the rules Recommend answers, in the order of the gaps: the
// recommendations are those of the unbounded run that address them.
func TestRecommendMaxAnswered(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	m := DefaultModel()
	n := randomLabourNet(t, 120, 3, day)
	st := Measure(n, m, day)
	var answerable []Key
	for _, f := range st.Gaps {
		if Answers(f.Rule) {
			answerable = append(answerable, f.Key())
		}
	}
	require.Greater(t, len(answerable), 4, "enough findings to bound")
	all, err := Recommend(context.Background(), n, m, RecommendOptions{At: day})
	require.NoError(t, err)
	for _, k := range []int{1, 3, len(answerable)} {
		got, err := Recommend(context.Background(), n, m, RecommendOptions{At: day, MaxAnswered: k, Base: st})
		require.NoError(t, err)
		var want []Recommendation
		for _, r := range all {
			for _, a := range r.Addresses {
				if idx := indexOf(answerable, a); idx >= 0 && idx < k {
					want = append(want, r)
					break
				}
			}
		}
		if diff := cmp.Diff(want, got, testnet.Approx(0)); diff != "" {
			t.Fatalf("MaxAnswered %d (-unbounded, filtered +bounded):\n%s", k, diff)
		}
	}
}

func indexOf(keys []Key, k Key) int {
	for i, x := range keys {
		if x == k {
			return i
		}
	}
	return -1
}

// TestMeasureChangeAgreesWithMeasure checks that measuring a network with
// links (and an actor) added from the state before it, reusing its gap
// index, gives what measuring the changed network afresh gives: the state
// and the index itself.
func TestMeasureChangeAgreesWithMeasure(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	m := DefaultModel()
	linkKinds := network.LinkKinds()
	for seed := range uint64(12) {
		n := randomLabourNet(t, 30+int(seed)*5, seed, day)
		base := Measure(n, m, day)
		rng := rand.New(rand.NewPCG(seed, 5))
		ids := n.Actors()
		var actors []actor.Actor
		if seed%3 == 0 {
			actors = append(actors, actor.Actor{ID: "newcomer", Kind: actor.Kinds()[int(seed)%len(actor.Kinds())],
				Region: "R9", TargetGroups: []string{"youth"}})
			ids = append(ids, actors[0])
		}
		var links []network.Link
		for i := range 1 + int(seed)%4 {
			a, b := ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))]
			if i == 0 && len(actors) > 0 {
				a = actors[0]
			}
			if a.ID == b.ID {
				continue
			}
			l := network.Link{From: a.ID, To: b.ID, Kind: linkKinds[rng.IntN(len(linkKinds))], Role: []string{"", "lead", "new-role"}[rng.IntN(3)]}
			switch rng.IntN(5) {
			case 0:
				l.Status = network.Planned
			case 1:
				l.Status = network.Ended
			case 2:
				l.TargetGroups = []string{"youth", "refugees"}
			}
			links = append(links, l)
		}
		// And always a funding link in force, from a funder to whatever.
		funder := n.Actors()[int(seed)%n.NumActors()]
		links = append(links, network.Link{From: funder.ID, To: ids[len(ids)-1].ID, Kind: network.Funding})
		changed := n.View(network.Filter{})
		for _, a := range actors {
			require.NoError(t, changed.AddActor(a))
		}
		for _, l := range links {
			require.NoError(t, changed.AddLink(l))
		}
		want := Measure(changed, m, day)
		got, err := measureChange(base, actors, links)
		require.NoError(t, err)
		if diff := cmp.Diff(brief(want), got, testnet.Approx(0), cmpopts.IgnoreUnexported(State{}), cmpopts.IgnoreFields(Finding{}, "Title", "Explanation"), cmpopts.IgnoreFields(bottleneck.CutPoint{}, "Pieces")); diff != "" {
			t.Fatalf("seed %d: state (-measured +changed):\n%s", seed, diff)
		}
		// The constraints of the actors linked, and the separation
		// structure, are those of the changed network too.
		var ends []string
		for _, l := range links {
			ends = append(ends, l.From, l.To)
		}
		if diff := cmp.Diff(Compare(base, want, ends...), Compare(base, got, ends...), testnet.Approx(0)); diff != "" {
			t.Fatalf("seed %d: effect (-measured +changed):\n%s", seed, diff)
		}
		ws, gs := want.separation(), got.separation()
		for x := range want.snap.N() {
			require.Equal(t, ws.Outside(x), gs.Outside(x), "seed %d", seed)
		}
		// A link that changed would refuse is refused.
		_, err = measureChange(base, nil, []network.Link{{From: ids[0].ID, To: ids[0].ID}})
		require.Error(t, err, "seed %d: a link of an actor with itself", seed)
		_, err = measureChange(base, nil, []network.Link{{From: ids[0].ID, To: "nobody"}})
		require.Error(t, err, "seed %d: a link to no actor", seed)
		wg, gg := want.g, got.g
		require.Equal(t, wg.ids, gg.ids, "seed %d", seed)
		require.Equal(t, wg.kind, gg.kind, "seed %d", seed)
		for k := range wg.byKind {
			require.Equal(t, len(wg.byKind[k]) > 0, len(gg.byKind[k]) > 0, "seed %d", seed)
			if len(wg.byKind[k]) > 0 {
				require.Equal(t, wg.byKind[k], gg.byKind[k], "seed %d", seed)
			}
		}
		require.Equal(t, wg.off, gg.off, "seed %d", seed)
		require.Equal(t, wg.nbr, gg.nbr, "seed %d", seed)
		require.Equal(t, wg.mask, gg.mask, "seed %d", seed)
		require.Equal(t, wg.mult, gg.mult, "seed %d", seed)
		require.Equal(t, wg.hasAny, gg.hasAny, "seed %d", seed)
		require.Equal(t, wg.waits, gg.waits, "seed %d", seed)
		require.ElementsMatch(t, wg.notYet, gg.notYet, "seed %d", seed)
		require.Equal(t, len(wg.funders), len(gg.funders), "seed %d", seed)
		if len(wg.funders) > 0 {
			require.Equal(t, wg.funders, gg.funders, "seed %d", seed)
		}
		require.Equal(t, wg.roles, gg.roles, "seed %d", seed)
		require.Equal(t, wg.cov, gg.cov, "seed %d", seed)
	}
}

// TestStateGapsAndCoverage checks that a state's coverage and gaps with
// options are those of Coverage and Gaps on its network, and that a state
// measured without a model has none.
func TestStateGapsAndCoverage(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	m := DefaultModel()
	for seed := range uint64(6) {
		n := randomLabourNet(t, 40+int(seed)*5, seed, day)
		comm := map[string]int{}
		k := 0
		for _, a := range n.AllActors() {
			comm[a.ID] = k % 3
			k++
		}
		st := Measure(n, m, day)
		require.Equal(t, Coverage(n, day), st.Coverage(), "seed %d", seed)
		for _, opt := range []GapOptions{{}, {Communities: comm}} {
			want := Gaps(n, m, GapOptions{At: day, Communities: opt.Communities})
			if diff := cmp.Diff(want, st.GapsWith(opt), testnet.Approx(0)); diff != "" {
				t.Fatalf("seed %d (-Gaps +GapsWith):\n%s", seed, diff)
			}
		}
		bare := Measure(n, nil, day)
		require.Nil(t, bare.GapsWith(GapOptions{}))
		require.Empty(t, bare.Coverage().Served)
	}
}

// brief returns a copy of st as measureChange gives it, but for the words
// of the gaps and the pieces of the cut points, which the comparison
// ignores: the gaps without the actors of a missing relation.
func brief(st *State) *State {
	b := *st
	b.Gaps = slices.Clone(st.Gaps)
	for i, f := range b.Gaps {
		if f.Rule == MissingRelation {
			f.Actors = []string{}
		}
		b.Gaps[i] = f
	}
	return &b
}
