package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
)

// column computes one column: values[i] is for the snapshot's actor i. A
// float64 NaN is undefined.
type column struct {
	name string
	fn   func(r *metricsRun) ([]any, error)
}

type metricsOpts struct {
	directed bool
	group    string
	// approx, when positive, estimates betweenness from that many sampled
	// sources, seeded by seed.
	approx int
	seed   uint64
}

// metricsRun holds one run of the metrics command: the snapshot, the
// options, and the analyses several columns read, each computed once, on
// first use.
type metricsRun struct {
	ctx   context.Context
	act   *activity
	s     *network.Snapshot
	o     metricsOpts
	holes []bottleneck.HoleScores // by actor index
	brok  []bottleneck.BrokerageRoles
}

// holeScores returns every actor's structural-holes measures, by index.
func (r *metricsRun) holeScores() []bottleneck.HoleScores {
	if r.holes == nil {
		r.holes = make([]bottleneck.HoleScores, r.s.N())
		for _, h := range bottleneck.StructuralHoles(r.s, bottleneck.HolesOptions{Directed: r.o.directed}) {
			i, _ := r.s.Index(h.ID)
			r.holes[i] = h
		}
	}
	return r.holes
}

// brokerage returns every actor's raw brokerage counts, by index.
func (r *metricsRun) brokerage() []bottleneck.BrokerageRoles {
	if r.brok == nil {
		r.brok = make([]bottleneck.BrokerageRoles, r.s.N())
		for _, b := range bottleneck.Brokerage(r.s, bottleneck.BrokerageOptions{Attr: r.o.group}).Actors {
			i, _ := r.s.Index(b.ID)
			r.brok[i] = b.Raw
		}
	}
	return r.brok
}

// rankingCol turns a per-actor measure into a column.
func rankingCol(f func(r *metricsRun) (analysis.Ranking, error)) func(*metricsRun) ([]any, error) {
	return func(r *metricsRun) ([]any, error) {
		rank, err := f(r)
		if err != nil {
			return nil, err
		}
		m := rank.Map()
		out := make([]any, r.s.N())
		for i := range out {
			v, ok := m[r.s.ID(i)]
			if !ok {
				v = math.NaN()
			}
			out[i] = v
		}
		return out, nil
	}
}

// perActor builds a column from a value per actor index.
func perActor[T any](f func(r *metricsRun, i int) T) func(*metricsRun) ([]any, error) {
	return func(r *metricsRun) ([]any, error) {
		out := make([]any, r.s.N())
		for i := range out {
			out[i] = f(r, i)
		}
		return out, nil
	}
}

// undefinedOnError makes an iterative measure that did not converge a
// column of undefined values rather than a failure.
func undefinedOnError(rank analysis.Ranking, err error) (analysis.Ranking, error) {
	if errors.Is(err, centrality.ErrNoConvergence) {
		return nil, nil
	}
	return rank, err
}

func metricColumns() []column {
	holes := func(pick func(bottleneck.HoleScores) analysis.Float) func(*metricsRun) ([]any, error) {
		return perActor(func(r *metricsRun, i int) float64 { return float64(pick(r.holeScores()[i])) })
	}
	brok := func(pick func(bottleneck.BrokerageRoles) analysis.Float) func(*metricsRun) ([]any, error) {
		return perActor(func(r *metricsRun, i int) float64 { return float64(pick(r.brokerage()[i])) })
	}
	sum := func(ws []float64) float64 {
		t := 0.0
		for _, w := range ws {
			t += w
		}
		return t
	}
	return []column{
		{"id", perActor(func(r *metricsRun, i int) string { return r.s.ID(i) })},
		{"name", perActor(func(r *metricsRun, i int) string { return r.s.Actor(i).Name })},
		{"kind", perActor(func(r *metricsRun, i int) string { return r.s.Actor(i).Kind.String() })},
		{"degree", perActor(func(r *metricsRun, i int) int { return r.s.Degree(i) })},
		{"weighted_degree", perActor(func(r *metricsRun, i int) float64 { return sum(r.s.NeighborWeights(i)) })},
		{"in_degree", perActor(func(r *metricsRun, i int) int { return len(r.s.In(i)) })},
		{"out_degree", perActor(func(r *metricsRun, i int) int { return len(r.s.Out(i)) })},
		{"betweenness", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			opt := centrality.BetweennessOptions{Directed: r.o.directed}
			if r.o.approx > 0 {
				opt.Progress = r.act.progress("estimating betweenness", "searches")
				return centrality.ApproxBetweenness(r.ctx, r.s, r.o.approx, r.o.seed, opt)
			}
			opt.Progress = r.act.progress("computing betweenness", "searches")
			return centrality.Betweenness(r.ctx, r.s, opt)
		})},
		{"closeness", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return centrality.Closeness(r.ctx, r.s, centrality.ClosenessOptions{Directed: r.o.directed,
				Progress: r.act.progress("computing closeness", "searches")})
		})},
		{"harmonic", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return centrality.Harmonic(r.ctx, r.s, centrality.ClosenessOptions{Directed: r.o.directed,
				Progress: r.act.progress("computing harmonic closeness", "searches")})
		})},
		{"eigenvector", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return undefinedOnError(centrality.Eigenvector(r.s, centrality.EigenOptions{Directed: r.o.directed}))
		})},
		{"pagerank", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return undefinedOnError(centrality.PageRank(r.s, centrality.PageRankOptions{Directed: r.o.directed}))
		})},
		{"core", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return cohesion.CoreNumbers(r.s, cohesion.CoreOptions{Directed: r.o.directed}), nil
		})},
		{"clustering", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return cohesion.Clustering(r.s, cohesion.ClusteringOptions{Directed: r.o.directed}), nil
		})},
		{"component", func(r *metricsRun) ([]any, error) {
			out := make([]any, r.s.N())
			for c, g := range cohesion.Components(r.s) {
				for _, id := range g {
					i, _ := r.s.Index(id)
					out[i] = c
				}
			}
			return out, nil
		}},
		{"community", func(r *metricsRun) ([]any, error) {
			out := make([]any, r.s.N())
			for c, g := range cohesion.Louvain(r.s, cohesion.LouvainOptions{}).Groups {
				for _, id := range g {
					i, _ := r.s.Index(id)
					out[i] = c
				}
			}
			return out, nil
		}},
		{"constraint", holes(func(h bottleneck.HoleScores) analysis.Float { return h.Constraint })},
		{"effective_size", holes(func(h bottleneck.HoleScores) analysis.Float { return h.EffectiveSize })},
		{"efficiency", holes(func(h bottleneck.HoleScores) analysis.Float { return h.Efficiency })},
		{"hierarchy", holes(func(h bottleneck.HoleScores) analysis.Float { return h.Hierarchy })},
		{"articulation", func(r *metricsRun) ([]any, error) {
			out := make([]any, r.s.N())
			for i := range out {
				out[i] = false
			}
			for _, c := range bottleneck.ArticulationPoints(r.s, bottleneck.CutOptions{}) {
				i, _ := r.s.Index(c.ID)
				out[i] = true
			}
			return out, nil
		}},
		{"coordinator", brok(func(r bottleneck.BrokerageRoles) analysis.Float { return r.Coordinator })},
		{"itinerant", brok(func(r bottleneck.BrokerageRoles) analysis.Float { return r.Itinerant })},
		{"representative", brok(func(r bottleneck.BrokerageRoles) analysis.Float { return r.Representative })},
		{"gatekeeper", brok(func(r bottleneck.BrokerageRoles) analysis.Float { return r.Gatekeeper })},
		{"liaison", brok(func(r bottleneck.BrokerageRoles) analysis.Float { return r.Liaison })},
	}
}

var brokerageColumns = []string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison"}

// autoApproxActors is the size above which metrics estimates betweenness
// from autoApproxSources sampled sources unless --exact is given: exact
// betweenness takes O(N·L) time, which grows with the square of the
// network (on two cores, for a sparse network: 4 s at 10,000 actors, 15 s
// at 20,000, some 20 minutes at 100,000, where 1,000 sources take 10 s).
const (
	autoApproxActors  = 10000
	autoApproxSources = 1000
	// approxDelta is the confidence level the error bound is given at: the
	// bound holds for each actor with probability 1 − approxDelta.
	approxDelta = 0.05
)

var metricFormats = []string{"csv", "json"}

func (a *app) metricsCmd() *cobra.Command {
	var format, kinds, only, group, at, out, inputFormat string
	var directed, exact bool
	var approx int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "metrics FILE|DIR|-",
		Short: "One row of measures per actor (CSV or JSON)",
		Long: `Prints one row per actor, sorted by actor ID, with these columns:

    id, name, kind       the actor
    degree               number of actors it is linked to
    weighted_degree      sum of the weights of its links (strength)
    in_degree, out_degree  arcs in and out on the directed view
    betweenness          share of shortest paths through it (NetworkX normalisation)
    closeness            Wasserman-Faust closeness (NetworkX default)
    harmonic             sum of 1/d over the other actors (unnormalised, as NetworkX)
    eigenvector          eigenvector centrality (unit length)
    pagerank             PageRank, damping 0.85
    core                 k-core number
    clustering           local clustering coefficient
    component            connected component, 0 the largest (ties: smallest actor ID)
    community            Louvain community (seed 0), numbered by smallest actor ID
    constraint, effective_size, efficiency, hierarchy   Burt's structural holes
    articulation         true when its removal splits the network
    coordinator, itinerant, representative, gatekeeper, liaison
                         Gould-Fernandez brokerage counts (with --group)

Measures use the undirected, unweighted view of the links in force on the
day analysed (--at DATE, else the day the file is as of, else today), in
NetworkX's conventions, unless a flag says otherwise. A value that is
undefined for an actor is an empty cell in CSV and null in JSON, never 0.

Betweenness, closeness and harmonic closeness take O(N·L) time, which grows
with the square of the network: seconds at 10,000 actors, some 20 minutes
each at 100,000. --approx K estimates betweenness from K source actors
sampled at random (Brandes and Pich), seeded by --seed, in O(K·L) time.
Above 10,000 actors metrics does so by itself with K = 1,000, and says so on
standard error with the error bound, unless --exact is given. --only
computes only the columns it names. On a terminal, long work shows a
progress bar with the time left on standard error.`,
		Example: `  labournet metrics examples/liberec/liberec.json
  labournet metrics examples/liberec/liberec.json --format json --only id,name,betweenness
  labournet metrics examples/liberec/liberec.json --directed --kinds funding,service
  labournet metrics examples/vratsa/vratsa.json --group kind -o vratsa-metrics.csv
  labournet metrics examples/liberec/liberec.json --approx 10 --seed 7`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	f := cmd.Flags()
	addFormatFlag(cmd, &format, "csv", metricFormats, "output `FORMAT`: csv or json")
	addOutputFlag(cmd, &out)
	f.BoolVar(&directed, "directed", false, "use the directed view for betweenness, closeness, harmonic, eigenvector, pagerank, clustering, core and structural holes")
	f.StringVar(&kinds, "kinds", "", "only links of these `KINDS` (comma-separated)")
	f.StringVar(&at, "at", "", "the network as it was on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&only, "only", "", "only these `COLUMNS` (comma-separated), in this order")
	f.StringVar(&group, "group", "", "add the brokerage columns, with groups by `ATTR` (kind, level, country, region or any attribute name)")
	f.IntVar(&approx, "approx", 0, "estimate betweenness from `K` sampled source actors")
	f.Uint64Var(&seed, "seed", 1, "`SEED` of the sampling of --approx")
	f.BoolVar(&exact, "exact", false, "exact betweenness, also above 10,000 actors")
	addInputFormatFlag(cmd, &inputFormat)
	var columnNames []string
	for _, c := range metricColumns() {
		columnNames = append(columnNames, c.name)
	}
	cmd.RegisterFlagCompletionFunc("only", commaCompletion(columnNames))
	cmd.RegisterFlagCompletionFunc("kinds", commaCompletion(linkKindNames()))
	cmd.RegisterFlagCompletionFunc("group", cobra.FixedCompletions([]string{"kind", "level", "country", "region"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := pickFormat(cmd, format, out, map[string]string{".csv": "csv", ".json": "json"}, "csv", metricFormats)
		if err != nil {
			return err
		}
		if approx < 0 {
			return usagef("--approx %d: want a positive number of sources", approx)
		}
		if approx > 0 && exact {
			return usagef("--approx and --exact exclude each other")
		}
		if cmd.Flags().Changed("seed") && exact {
			return usagef("--seed seeds the sampling, which --exact turns off")
		}
		var filter network.Filter
		for _, k := range splitComma(kinds) {
			lk, err := network.ParseLinkKind(k)
			if err != nil {
				return usagef("--kinds: %s", describe(err))
			}
			filter.Kinds = append(filter.Kinds, lk)
		}
		day, err := network.ParseDate(at)
		if err != nil {
			return usagef("--at: %v", err)
		}
		all := metricColumns()
		var cols []column
		if only == "" {
			for _, c := range all {
				if group != "" || !slices.Contains(brokerageColumns, c.name) {
					cols = append(cols, c)
				}
			}
		} else {
			for _, name := range splitComma(only) {
				i := slices.IndexFunc(all, func(c column) bool { return c.name == name })
				if i < 0 {
					return usagef("--only: unknown column %s (valid: %s)%s", quote(name), strings.Join(columnNames, ", "), didYouMean(name, columnNames))
				}
				if slices.Contains(brokerageColumns, name) && group == "" {
					return usagef("--only %s needs --group ATTR", name)
				}
				cols = append(cols, all[i])
			}
		}
		o, n, err := a.openAndLoad(out, args[0], inputFormat)
		if err != nil {
			return err
		}
		defer o.abort()
		a.act.set("preparing the network")
		asOf := n.Day(day)
		filter.At = asOf // one selection: the filter's links in force that day
		s := n.SnapshotOf(filter)
		n = nil // the snapshot holds what the measures need: let the network go
		if !a.quiet {
			fmt.Fprintf(a.stderr, "%s: as of %s: the %s in force that day\n", cmd.CommandPath(), asOf, prose.Count(s.NumLinks(), "link"))
		}
		opts := metricsOpts{directed: directed, group: group, approx: approx, seed: seed}
		if approx == 0 && !exact && s.N() > autoApproxActors && slices.ContainsFunc(cols, func(c column) bool { return c.name == "betweenness" }) {
			opts.approx = autoApproxSources
			if !a.quiet {
				fmt.Fprintf(a.stderr, "%[1]s: %[2]s actors, more than %[3]s: betweenness is estimated from %[4]s sampled source actors (seed %[5]d),\n"+
					"%[1]s: each value within ±%.3[6]f of the exact one with %.0[7]f%% confidence; --exact computes it exactly, --approx K with K sources\n",
					cmd.CommandPath(), thousands(s.N()), thousands(autoApproxActors), thousands(autoApproxSources), seed,
					centrality.ApproxBetweennessBound(s.N(), autoApproxSources, approxDelta), 100*(1-approxDelta))
			}
		}
		run := &metricsRun{ctx: cmd.Context(), act: a.act, s: s, o: opts}
		values := make([][]any, len(cols))
		for j, c := range cols {
			a.act.set("computing " + c.name)
			var err error
			if values[j], err = c.fn(run); err != nil {
				if cmd.Context().Err() != nil {
					return o.finish(cmd.Context(), err)
				}
				return o.finish(cmd.Context(), fmt.Errorf("%s: %w", c.name, err))
			}
		}
		if format == "json" {
			err = writeMetricsJSON(o, s, cols, values)
		} else {
			err = writeMetricsCSV(o, s, cols, values)
		}
		return o.finish(cmd.Context(), err)
	})
	return cmd
}

func writeMetricsCSV(w io.Writer, s *network.Snapshot, cols []column, values [][]any) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(cols))
	for j, c := range cols {
		header[j] = c.name
	}
	cw.Write(header)
	for i := range s.N() {
		row := make([]string, len(cols))
		for j := range cols {
			row[j] = cellText(values[j][i])
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// commaCompletion completes a comma-separated list of names.
func commaCompletion(names []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
		}
		chosen := splitComma(prefix)
		var out []cobra.Completion
		for _, n := range names {
			if !slices.Contains(chosen, n) {
				out = append(out, prefix+n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

func linkKindNames() []string {
	var out []string
	for _, k := range network.LinkKinds() {
		out = append(out, k.String())
	}
	return out
}

// cellText writes a value for CSV: undefined numbers as an empty cell.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func writeMetricsJSON(w io.Writer, s *network.Snapshot, cols []column, values [][]any) error {
	// Rows are objects with keys in column order: build them by hand so the
	// order is the command's, not alphabetical.
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	for i := range s.N() {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for j, c := range cols {
			if j > 0 {
				bw.WriteString(", ")
			}
			v := values[j][i]
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				v = nil
			}
			k, err := jsonNoEscape(c.name)
			if err != nil {
				return err
			}
			val, err := jsonNoEscape(v)
			if err != nil {
				return err
			}
			bw.Write(k)
			bw.WriteString(": ")
			bw.Write(val)
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// jsonNoEscape encodes v as JSON leaving <, > and & as they are, so that
// names such as "Firm <A> & Sons" read as written.
func jsonNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
