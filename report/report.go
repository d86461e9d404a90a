package report

import (
	"cmp"
	"context"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// Options configures New. The zero value analyses the whole
// network (all links but planned and ended ones) against the default model,
// lists the 10 most central actors, seeds community detection with 0 and
// lets the optimiser propose 3 links.
type Options struct {
	// Model is the reference model for gaps; nil means the built-in model
	// that fits the network (see gap.ChooseModel).
	Model *gap.Model
	// At analyses the network as it was on that day (see network.Filter.At);
	// the zero Date analyses the links that work now.
	At network.Date
	// Top is how many central actors and brokers to list; 0 means 10.
	Top int
	// Seed seeds community detection (see cohesion.LouvainOptions.Seed).
	Seed uint64
	// Optimize is how many links the optimiser may propose; 0 means 3,
	// negative none.
	Optimize int
	// ExactUpTo is the largest number of actors for which betweenness and
	// the path statistics are exact; above it they are estimated from
	// Samples source actors drawn with Seed, and the report says so with
	// the error bound. 0 means 5,000; negative means always exact.
	ExactUpTo int
	// Samples is the number of source actors of the estimates; 0 means
	// 1,000, or 500 above 50,000 actors, or 250 above 500,000 (the bound on
	// each betweenness value is then ±0.043, ±0.061 or ±0.086, at 95%).
	Samples int
	// MaxAnswered bounds, above ExactUpTo actors, the findings the
	// recommendations answer (see gap.RecommendOptions.MaxAnswered), each
	// measured by analysing the whole changed network again: the first
	// MaxAnswered of them, most severe first, then by rule and name, are
	// answered, and the report says how many are left (Report.Unanswered).
	// 0 means 10, or 3 above 500,000 actors; negative means no bound. Up
	// to ExactUpTo actors every finding is answered.
	MaxAnswered int
	// Progress, when not nil, is told which stage of the report runs
	// ("cohesion", "betweenness", "brokers", "communities", "gaps",
	// "recommendations", "optimiser") and, within a stage, how many of its
	// steps are done: done is 0 when a stage starts. It is called from one
	// goroutine at a time.
	Progress func(stage string, done, total int)
}

// CentralActor is one of the most central actors of a report.
type CentralActor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Degree is the number of actors it is linked to.
	Degree int `json:"degree"`
	// Betweenness is its share of the shortest paths between other actors
	// (NetworkX normalisation, undirected view).
	Betweenness analysis.Float `json:"betweenness"`
	// PageRank is its PageRank on the undirected view (damping 0.85).
	PageRank analysis.Float `json:"pagerank"`
}

// Broker is an actor that spans structural holes.
type Broker struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Constraint is Burt's constraint: low values mean contacts that are
	// not linked to each other, so brokerage opportunities.
	Constraint analysis.Float `json:"constraint"`
	// EffectiveSize is Burt's effective size: its non-redundant contacts.
	EffectiveSize analysis.Float `json:"effectiveSize"`
	// Brokered counts the pairs of other actors (by kind groups) it brokers
	// between, Gould and Fernandez's total.
	Brokered analysis.Float `json:"brokered"`
}

// ReportCommunity is a community found by Louvain.
type ReportCommunity struct {
	ID      int            `json:"id"`
	Members []string       `json:"members"`
	Kinds   map[string]int `json:"kinds"`
}

// Cohesion holds the whole-network figures of a report.
type Cohesion struct {
	Density             analysis.Float `json:"density"`
	Components          int            `json:"components"`
	LargestComponent    int            `json:"largestComponent"`
	AverageClustering   analysis.Float `json:"averageClustering"`
	Transitivity        analysis.Float `json:"transitivity"`
	Diameter            float64        `json:"diameter"`
	AverageShortestPath analysis.Float `json:"averageShortestPath"`
	Centralization      analysis.Float `json:"centralization"`
	Fragmentation       analysis.Float `json:"fragmentation"`
	Modularity          analysis.Float `json:"modularity"`
	// Sampled is the number of source actors betweenness and the path
	// figures were estimated from (see Options.ExactUpTo), 0 when exact;
	// Bound is then the half-width of the 95% interval of each actor's
	// normalised betweenness (see centrality.ApproxBetweennessBound), and
	// Diameter a lower bound.
	Sampled int            `json:"sampled,omitempty"`
	Bound   analysis.Float `json:"bound,omitempty"`
	// Seed is the seed the source actors were drawn with (Options.Seed)
	// when Sampled; JSON leaves it out when it is 0.
	Seed uint64 `json:"seed,omitempty"`
}

// Report gathers everything labournet finds in a network: summary figures,
// cohesion, central actors, bottlenecks, brokers, communities, funding,
// target-group coverage, gaps against a reference model, and
// recommendations with their measured effects.
type Report struct {
	Network     string `json:"network"`
	Description string `json:"description,omitempty"`
	// At is the day the report is as of, and AtFrom where that day comes
	// from: "given" (Options.At), "file" (the network's AsOf) or "today".
	At     network.Date `json:"at"`
	AtFrom string       `json:"atFrom"`
	// Stale is set when no link is in force on At but some ended before:
	// the data describes an earlier period, Period, and Suggest is a day in
	// it to analyse instead (its middle).
	Stale   bool            `json:"stale"`
	Period  [2]network.Date `json:"period"`
	Suggest network.Date    `json:"suggest,omitzero"`
	// Ended are the links that ended before At, for the "what ended"
	// section.
	Ended []network.Link `json:"ended"`
	// Model is the name of the reference model, and ModelWhy why it was
	// chosen ("given" when Options.Model was).
	Model           string                `json:"model"`
	ModelWhy        string                `json:"modelWhy"`
	Summary         Summary               `json:"summary"`
	Cohesion        Cohesion              `json:"cohesion"`
	Central         []CentralActor        `json:"central"`
	CutPoints       []bottleneck.CutPoint `json:"cutPoints"`
	Bridges         []bottleneck.Bridge   `json:"bridges"`
	Brokers         []Broker              `json:"brokers"`
	Communities     []ReportCommunity     `json:"communities"`
	Funding         []gap.Funding         `json:"funding"`
	Coverage        gap.GroupCoverage     `json:"coverage"`
	Gaps            []gap.Finding         `json:"gaps"`
	Recommendations []gap.Recommendation  `json:"recommendations"`
	Optimized       []gap.Recommendation  `json:"optimized"`
	// Answered and Unanswered are set when Options.MaxAnswered bounded the
	// recommendations: Answered is the bound, Unanswered the number of
	// findings of the rules recommendations answer (see gap.Answers) beyond
	// it, which got none.
	Answered   int `json:"answered,omitempty"`
	Unanswered int `json:"unanswered,omitempty"`
	// Names maps every actor ID to its label, for rendering.
	Names map[string]string `json:"names"`
}

// New runs every analysis that applies to n and gathers the results. The
// report is as of one day: opt.At when given, else the network's AsOf, else
// today (see network.Network.Day); the network analysed is the links in
// force that day (see network.Link.PhaseOn).
//
// Up to opt.ExactUpTo actors (5,000 by default) every figure is exact and
// every gap that a recommendation can answer gets one. Above it the report
// bounds its slowest parts, deterministically, and says so in its text and
// its JSON:
//
//   - betweenness and the shortest-path figures are estimated from
//     opt.Samples source actors (500 above 50,000 actors, 250 above
//     500,000) drawn with opt.Seed (Cohesion.Sampled, Bound and Seed);
//   - recommendations answer only the first opt.MaxAnswered gaps they can
//     (10, or 3 above 500,000 actors), most severe first, as each is
//     measured by analysing the whole changed network again
//     (Report.Answered and Unanswered).
//
// The rest takes O(N + L) time or close to it (triangles, structural holes:
// O(E^1.5) at worst), Louvain runs once, and the optimiser scores at most
// 2,000 candidate links per round without analysing the network again. With
// the defaults a network of 10^6 actors and 5·10^6 links takes about 70 s
// and 4.2 GB (labournet analyze on 2 cores, the loading included).
//
// A cancelled ctx stops it with ctx.Err() within one search or candidate
// once the analyses run; the preparation before them (the view and
// snapshot, about a second at 10^5 actors) is not interrupted.
func New(ctx context.Context, n *network.Network, opt Options) (*Report, error) {
	m, why := opt.Model, "given"
	if m == nil {
		m, why = gap.ChooseModel(n, opt.At)
	}
	top := cmp.Or(opt.Top, 10)
	opti := cmp.Or(opt.Optimize, 3)
	stage := func(name string) analysis.Progress {
		if opt.Progress == nil {
			return nil
		}
		opt.Progress(name, 0, 0)
		return func(done, total int) { opt.Progress(name, done, total) }
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	work := n
	day := n.Day(opt.At)
	// One measure of the links in force serves the bottlenecks, the
	// recommendations and the optimiser; its snapshot is the network
	// analysed.
	base := gap.Measure(n, m, day)
	s := base.Snapshot()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &Report{Network: n.Name, Description: n.Description, At: day, AtFrom: atFrom(n, opt.At), Model: m.Name, ModelWhy: why,
		Names: make(map[string]string, n.NumActors()), Ended: []network.Link{}}
	r.Summary = summarize(n, day, func(l network.Link) { r.Ended = append(r.Ended, l) })
	r.Period = [2]network.Date{r.Summary.Start, r.Summary.End}
	if r.Summary.InForce == 0 && r.Summary.Over > 0 {
		r.Stale = true
		r.Suggest = middle(r.Summary.Start, r.Summary.End, day)
	}
	for _, a := range n.AllActors() {
		r.Names[a.ID] = a.Label()
	}
	label := func(id string) (string, string) {
		i, _ := s.Index(id)
		a := s.Actor(i)
		return a.Label(), a.Kind.String()
	}

	// Cohesion.
	exactUpTo, samples := cmp.Or(opt.ExactUpTo, 5000), opt.Samples
	if samples == 0 {
		samples = 1000
		switch {
		case s.N() > 500000:
			samples = 250
		case s.N() > 50000:
			samples = 500
		}
	}
	sample := 0
	if exactUpTo >= 0 && s.N() > exactUpTo && samples < s.N() {
		sample = samples
	}
	comps := cohesion.Components(s)
	paths, err := cohesion.ComponentPaths(ctx, s, cohesion.ComponentPathsOptions{Progress: stage("cohesion"), Sample: sample, Seed: opt.Seed})
	if err != nil {
		return nil, err
	}
	clustering, transitivity := cohesion.ClusteringAndTransitivity(s)
	r.Cohesion = Cohesion{
		Density:             analysis.Float(cohesion.Density(s, cohesion.DensityOptions{})),
		Components:          len(comps),
		AverageClustering:   analysis.Float(clustering),
		Transitivity:        analysis.Float(transitivity),
		Diameter:            paths.Diameter,
		AverageShortestPath: paths.AverageShortestPath,
		Centralization:      analysis.Float(cohesion.DegreeCentralization(s, cohesion.CentralizationOptions{})),
		Fragmentation:       base.Fragmentation,
	}
	if len(comps) > 0 {
		r.Cohesion.LargestComponent = len(comps[0])
	}
	if sample > 0 {
		r.Cohesion.Sampled, r.Cohesion.Seed = sample, opt.Seed
		r.Cohesion.Bound = analysis.Float(centrality.ApproxBetweennessBound(s.N(), sample, 0.05))
	}

	// Central actors: by betweenness, then degree.
	btwRank, err := centrality.ApproxBetweenness(ctx, s, sample, opt.Seed, centrality.BetweennessOptions{Progress: stage("betweenness")})
	if err != nil {
		return nil, err
	}
	prRank, err := centrality.PageRank(s, centrality.PageRankOptions{})
	if err != nil {
		prRank = nil // cannot happen with the default options; values then read as undefined
	}
	for _, sc := range btwRank.Top(top) {
		if sc.Value == 0 || sc.Value.IsNaN() {
			break // the rest lie between nobody: not central by this measure
		}
		name, kind := label(sc.ID)
		i, _ := s.Index(sc.ID)
		rank, ok := prRank.Value(sc.ID)
		if !ok {
			rank = math.NaN()
		}
		r.Central = append(r.Central, CentralActor{ID: sc.ID, Name: name, Kind: kind,
			Degree: s.Degree(i), Betweenness: sc.Value, PageRank: analysis.Float(rank)})
	}

	// Bottlenecks.
	r.CutPoints, r.Bridges = base.CutPoints, base.Bridges

	// Brokers: lowest constraint among actors with at least two contacts.
	stage("brokers")
	// The constraint of every actor ranks them; the other measures are
	// computed for the top ones only.
	cons := bottleneck.ConstraintOf(s, nil, bottleneck.HolesOptions{})
	var cands []int
	for i, c := range cons {
		if s.Degree(i) >= 2 && !math.IsNaN(c) {
			cands = append(cands, i)
		}
	}
	slices.SortFunc(cands, func(a, b int) int {
		return cmp.Or(cmp.Compare(cons[a], cons[b]), strings.Compare(s.ID(a), s.ID(b)))
	})
	cands = cands[:min(top, len(cands))]
	brokered := bottleneck.BrokeredTotal(s, cands, bottleneck.BrokerageOptions{})
	for k, h := range bottleneck.HolesOf(s, cands, bottleneck.HolesOptions{}) {
		name, kind := label(h.ID)
		r.Brokers = append(r.Brokers, Broker{ID: h.ID, Name: name, Kind: kind, Constraint: h.Constraint,
			EffectiveSize: h.EffectiveSize, Brokered: analysis.Float(brokered[k])})
	}

	// Communities.
	stage("communities")
	part := cohesion.Louvain(s, cohesion.LouvainOptions{Seed: opt.Seed})
	commOf := map[string]int{}
	for c, members := range part.Groups {
		rc := ReportCommunity{ID: c, Members: members, Kinds: map[string]int{}}
		for _, id := range members {
			commOf[id] = c
			_, kind := label(id)
			rc.Kinds[kind]++
		}
		r.Communities = append(r.Communities, rc)
	}
	r.Cohesion.Modularity = part.Modularity

	// Funding, coverage, gaps, recommendations.
	stage("gaps")
	r.Funding = gap.FundingFlows(work, day)
	r.Coverage = base.Coverage()
	r.Gaps = base.GapsWith(gap.GapOptions{Communities: commOf})
	answered := 0
	if exactUpTo >= 0 && s.N() > exactUpTo && opt.MaxAnswered >= 0 {
		answered = opt.MaxAnswered
		if answered == 0 {
			answered = 10
			if s.N() > 500000 {
				answered = 3
			}
		}
		for _, f := range base.Gaps {
			if gap.Answers(f.Rule) {
				r.Unanswered++
			}
		}
		r.Unanswered = max(0, r.Unanswered-answered)
		if r.Unanswered > 0 {
			r.Answered = answered
		}
	}
	if r.Recommendations, err = gap.Recommend(ctx, work, m, gap.RecommendOptions{Progress: stage("recommendations"), At: day, Base: base, MaxAnswered: answered}); err != nil {
		return nil, err
	}
	if opti > 0 {
		if r.Optimized, err = gap.OptimizeLinks(ctx, work, m, opti, gap.OptimizeOptions{Progress: stage("optimiser"), At: day, Base: base}); err != nil {
			return nil, err
		}
	}
	r.Central, r.CutPoints, r.Bridges, r.Brokers = nonNil(r.Central), nonNil(r.CutPoints), nonNil(r.Bridges), nonNil(r.Brokers)
	r.Communities, r.Funding, r.Gaps = nonNil(r.Communities), nonNil(r.Funding), nonNil(r.Gaps)
	r.Recommendations, r.Optimized = nonNil(r.Recommendations), nonNil(r.Optimized)
	return r, nil
}

// nonNil returns s, or an empty slice for nil, so that JSON writes [] for
// an empty list rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteJSON writes the report as indented JSON with stable keys.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// atFrom says where the day of a report on n comes from.
func atFrom(n *network.Network, at network.Date) string {
	switch {
	case !at.IsZero():
		return "given"
	case !n.AsOf.IsZero():
		return "file"
	}
	return "today"
}

// middle returns the middle day of the period from start to end (either may
// be open: the other end, or fallback when both are).
func middle(start, end, fallback network.Date) network.Date {
	switch {
	case start.IsZero() && end.IsZero():
		return fallback
	case start.IsZero():
		return end.Last()
	case end.IsZero():
		return start.First()
	}
	f, l := start.First(), end.Last()
	a := time.Date(f.Year, time.Month(f.Month), f.Day, 0, 0, 0, 0, time.UTC)
	b := time.Date(l.Year, time.Month(l.Month), l.Day, 0, 0, 0, 0, time.UTC)
	return network.DateOf(a.Add(b.Sub(a) / 2))
}
