package report

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// LinkKey identifies a link across two networks: its ID when it has one,
// otherwise its ends and kind.
type LinkKey struct {
	ID   string `json:"id,omitempty"`
	From string `json:"from"`
	To   string `json:"to"`
	Kind string `json:"kind"`
}

func keyOf(l network.Link) LinkKey {
	return LinkKey{ID: l.ID, From: l.From, To: l.To, Kind: l.Kind.String()}
}

// Change is a field of an actor or link whose value differs.
type Change struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// ActorChange lists what changed in one actor.
type ActorChange struct {
	ID      string   `json:"id"`
	Changes []Change `json:"changes"`
}

// LinkChange lists what changed in one link.
type LinkChange struct {
	Link    LinkKey  `json:"link"`
	Changes []Change `json:"changes"`
}

// Move is the change of one actor's value of a measure between two
// networks. Before or After is NaN when the actor is absent from that
// network, which counts as 0 for Delta.
type Move struct {
	ID     string         `json:"id"`
	Metric string         `json:"metric"`
	Before analysis.Float `json:"before"`
	After  analysis.Float `json:"after"`
	Delta  float64        `json:"delta"`
}

// NetworkDiff is what changed between two networks: actors and links that
// came, went or changed, how the bottlenecks and gaps changed, and the
// actors whose measures moved most.
type NetworkDiff struct {
	AddedActors   []string      `json:"addedActors"`
	RemovedActors []string      `json:"removedActors"`
	ChangedActors []ActorChange `json:"changedActors"`
	AddedLinks    []LinkKey     `json:"addedLinks"`
	RemovedLinks  []LinkKey     `json:"removedLinks"`
	ChangedLinks  []LinkChange  `json:"changedLinks"`
	// Findings compares the bottlenecks and, when DiffOptions.Model is
	// given, the gaps of the two networks (see gap.Compare).
	Findings gap.Effect `json:"findings"`
	// Moves are the largest changes of each measure, by descending
	// absolute Delta, then metric and actor ID.
	Moves []Move `json:"moves"`
}

// Metric is a named per-actor measure used to compare networks.
type Metric struct {
	Name string
	Fn   func(context.Context, *network.Snapshot) (analysis.Ranking, error)
}

// DiffOptions configures Diff. The zero value compares degree centrality
// and betweenness and keeps the 10 largest moves of each.
type DiffOptions struct {
	// Metrics are the measures to compare; nil means DefaultDiffMetrics().
	Metrics []Metric
	// Top is how many moves to keep per metric; 0 means 10, negative all.
	Top int
	// Model, when not nil, adds the gaps against it to Findings.
	Model *gap.Model
	// BeforeAt and AfterAt are the days on which Findings measures each
	// network (see gap.Measure); the zero Date means each network's Day.
	BeforeAt, AfterAt network.Date
}

// DefaultDiffMetrics returns the measures Diff compares by default: degree
// centrality and betweenness, both normalised as NetworkX does, on the
// undirected view.
func DefaultDiffMetrics() []Metric {
	return []Metric{
		{"degree", func(_ context.Context, s *network.Snapshot) (analysis.Ranking, error) {
			return centrality.Degree(s, centrality.DegreeOptions{Normalized: true}), nil
		}},
		{"betweenness", func(ctx context.Context, s *network.Snapshot) (analysis.Ranking, error) {
			return centrality.Betweenness(ctx, s, centrality.BetweennessOptions{})
		}},
	}
}

// Diff compares two networks, such as two editions of a network or one
// network at two dates (see DiffAt). Actors match by ID; links match by ID
// when they have one, otherwise by ends and kind (parallel links of the same
// kind match in order). All lists are sorted.
//
// It takes O(N + L) time plus the cost of the measures on both networks; a
// cancelled ctx stops the measures with ctx.Err().
func Diff(ctx context.Context, before, after *network.Network, opt DiffOptions) (NetworkDiff, error) {
	d := NetworkDiff{AddedActors: []string{}, RemovedActors: []string{}, ChangedActors: []ActorChange{},
		AddedLinks: []LinkKey{}, RemovedLinks: []LinkKey{}, ChangedLinks: []LinkChange{}, Moves: []Move{}}
	oldActors := map[string]int{}
	oa := before.Actors()
	for i, a := range oa {
		oldActors[a.ID] = i
	}
	newIDs := map[string]bool{}
	for _, a := range after.Actors() {
		newIDs[a.ID] = true
		i, ok := oldActors[a.ID]
		if !ok {
			d.AddedActors = append(d.AddedActors, a.ID)
			continue
		}
		if ch := fieldChanges(oa[i], a, nil); len(ch) > 0 {
			d.ChangedActors = append(d.ChangedActors, ActorChange{ID: a.ID, Changes: ch})
		}
	}
	for _, a := range oa {
		if !newIDs[a.ID] {
			d.RemovedActors = append(d.RemovedActors, a.ID)
		}
	}
	// Links: match by key, in order for parallel links.
	pending := map[LinkKey][]network.Link{}
	for _, l := range before.AllLinks() {
		k := keyOf(l)
		pending[k] = append(pending[k], l)
	}
	for _, l := range after.AllLinks() {
		k := keyOf(l)
		if olds := pending[k]; len(olds) > 0 {
			if ch := fieldChanges(olds[0], l, nil); len(ch) > 0 {
				d.ChangedLinks = append(d.ChangedLinks, LinkChange{Link: k, Changes: ch})
			}
			pending[k] = olds[1:]
			continue
		}
		d.AddedLinks = append(d.AddedLinks, k)
	}
	for k, ls := range pending {
		for range ls {
			d.RemovedLinks = append(d.RemovedLinks, k)
		}
	}
	slices.Sort(d.AddedActors)
	slices.Sort(d.RemovedActors)
	slices.SortFunc(d.ChangedActors, func(a, b ActorChange) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(d.AddedLinks, compareKeys)
	slices.SortFunc(d.RemovedLinks, compareKeys)
	slices.SortFunc(d.ChangedLinks, func(a, b LinkChange) int { return compareKeys(a.Link, b.Link) })
	d.Findings = gap.Compare(gap.Measure(before, opt.Model, opt.BeforeAt), gap.Measure(after, opt.Model, opt.AfterAt))
	var err error
	if d.Moves, err = moves(ctx, before, after, opt); err != nil {
		return NetworkDiff{}, err
	}
	return d, nil
}

// DiffAt compares n as it was on two days (the links in force on each, see network.Link.PhaseOn).
func DiffAt(ctx context.Context, n *network.Network, day1, day2 network.Date, opt DiffOptions) (NetworkDiff, error) {
	opt.BeforeAt, opt.AfterAt = day1, day2
	return Diff(ctx, n.InForce(day1), n.InForce(day2), opt)
}

func compareKeys(a, b LinkKey) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
}

// fieldChanges compares two structs field by field through their JSON names.
func fieldChanges(a, b any, _ []string) []Change {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	t := va.Type()
	var out []Change
	for i := range t.NumField() {
		f := t.Field(i)
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if reflect.DeepEqual(x, y) {
			continue
		}
		name := f.Tag.Get("json")
		for j, c := range name {
			if c == ',' {
				name = name[:j]
				break
			}
		}
		out = append(out, Change{Field: name, Before: showValue(va.Field(i)), After: showValue(vb.Field(i))})
	}
	return out
}

func showValue(v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(v.Interface())
}

func moves(ctx context.Context, before, after *network.Network, opt DiffOptions) ([]Move, error) {
	metrics := opt.Metrics
	if metrics == nil {
		metrics = DefaultDiffMetrics()
	}
	top := opt.Top
	if top == 0 {
		top = 10
	}
	sb, sa := before.Snapshot(), after.Snapshot()
	out := []Move{}
	for _, m := range metrics {
		rb, err := m.Fn(ctx, sb)
		if err != nil {
			return nil, err
		}
		ra, err := m.Fn(ctx, sa)
		if err != nil {
			return nil, err
		}
		vb, va := rb.Map(), ra.Map()
		ids := map[string]bool{}
		for id := range vb {
			ids[id] = true
		}
		for id := range va {
			ids[id] = true
		}
		var ms []Move
		for id := range ids {
			b, okb := vb[id]
			a, oka := va[id]
			if !okb {
				b = math.NaN()
			}
			if !oka {
				a = math.NaN()
			}
			delta := zeroNaN(a) - zeroNaN(b)
			if delta == 0 {
				continue
			}
			ms = append(ms, Move{ID: id, Metric: m.Name, Before: analysis.Float(b), After: analysis.Float(a), Delta: delta})
		}
		slices.SortFunc(ms, func(x, y Move) int {
			return cmp.Or(cmp.Compare(math.Abs(y.Delta), math.Abs(x.Delta)), cmp.Compare(x.ID, y.ID))
		})
		if top > 0 && len(ms) > top {
			ms = ms[:top]
		}
		out = append(out, ms...)
	}
	return out, nil
}

func zeroNaN(f float64) float64 {
	if math.IsNaN(f) {
		return 0
	}
	return f
}
