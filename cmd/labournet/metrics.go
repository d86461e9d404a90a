package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/cohesion"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

const metricsUsage = `usage: labournet metrics [flags] FILE|DIR

Prints one row per actor, sorted by actor ID, with these columns:

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
  community            Louvain community (seed 0), numbered by smallest actor ID
  constraint, effective_size, efficiency, hierarchy   Burt's structural holes
  articulation         true when its removal splits the network
  coordinator, itinerant, representative, gatekeeper, liaison
                       Gould-Fernandez brokerage counts (with --group)

Measures use the undirected, unweighted view of the links that work now
(planned and ended links left out), in NetworkX's conventions, unless a flag
says otherwise. A value that is undefined for an actor is an empty cell in
CSV and null in JSON, never 0.

Flags:
  --format csv|json   output format (default csv)
  --directed          use the directed view for betweenness, closeness,
                      harmonic, eigenvector, pagerank, clustering, core and
                      structural holes
  --kinds KINDS       only links of these kinds (comma-separated)
  --at DATE           the network as it was on DATE
  --only COLUMNS      only these columns (comma-separated), in this order
  --group ATTR        add the brokerage columns, with groups by ATTR (kind,
                      level, country, region or any attribute name)`

func init() {
	register(command{"metrics", "one row of measures per actor (CSV or JSON)", metricsUsage, cmdMetrics})
}

// column computes one column: values[i] is for the snapshot's actor i. A
// float64 NaN is undefined.
type column struct {
	name string
	fn   func(r *metricsRun) ([]any, error)
}

type metricsOpts struct {
	directed bool
	group    string
}

// metricsRun holds one run of the metrics command: the snapshot, the
// options, and the analyses several columns read, each computed once, on
// first use.
type metricsRun struct {
	ctx   context.Context
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
			return centrality.Betweenness(r.ctx, r.s, centrality.BetweennessOptions{Directed: r.o.directed})
		})},
		{"closeness", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return centrality.Closeness(r.ctx, r.s, centrality.ClosenessOptions{Directed: r.o.directed})
		})},
		{"harmonic", rankingCol(func(r *metricsRun) (analysis.Ranking, error) {
			return centrality.Harmonic(r.ctx, r.s, centrality.ClosenessOptions{Directed: r.o.directed})
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

func cmdMetrics(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("metrics", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "csv", "")
	directed := fs.Bool("directed", false, "")
	kinds := fs.String("kinds", "", "")
	at := fs.String("at", "", "")
	only := fs.String("only", "", "")
	group := fs.String("group", "", "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "metrics", metricsUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "metrics", metricsUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	if *format != "csv" && *format != "json" {
		return usageError(stderr, "metrics", metricsUsage, "--format %q: want csv or json", *format)
	}
	var filter network.Filter
	for _, k := range splitComma(*kinds) {
		lk, err := network.ParseLinkKind(k)
		if err != nil {
			return usageError(stderr, "metrics", metricsUsage, "--kinds: %v", err)
		}
		filter.Kinds = append(filter.Kinds, lk)
	}
	day, err := network.ParseDate(*at)
	if err != nil {
		return usageError(stderr, "metrics", metricsUsage, "--at: %v", err)
	}
	filter.At = day
	all := metricColumns()
	var cols []column
	if *only == "" {
		for _, c := range all {
			if *group != "" || !slices.Contains(brokerageColumns, c.name) {
				cols = append(cols, c)
			}
		}
	} else {
		for _, name := range splitComma(*only) {
			i := slices.IndexFunc(all, func(c column) bool { return c.name == name })
			if i < 0 {
				var names []string
				for _, c := range all {
					names = append(names, c.name)
				}
				return usageError(stderr, "metrics", metricsUsage, "--only: unknown column %q (valid: %s)", name, strings.Join(names, ", "))
			}
			if slices.Contains(brokerageColumns, name) && *group == "" {
				return usageError(stderr, "metrics", metricsUsage, "--only %s needs --group ATTR", name)
			}
			cols = append(cols, all[i])
		}
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	s := n.View(filter).Current().Snapshot()
	run := &metricsRun{ctx: context.Background(), s: s, o: metricsOpts{directed: *directed, group: *group}}
	values := make([][]any, len(cols))
	for j, c := range cols {
		var err error
		if values[j], err = c.fn(run); err != nil {
			fmt.Fprintf(stderr, "labournet metrics: %s: %v\n", c.name, err)
			return 1
		}
	}
	if *format == "json" {
		return writeMetricsJSON(stdout, stderr, s, cols, values)
	}
	w := csv.NewWriter(stdout)
	header := make([]string, len(cols))
	for j, c := range cols {
		header[j] = c.name
	}
	w.Write(header)
	for i := range s.N() {
		row := make([]string, len(cols))
		for j := range cols {
			row[j] = cellText(values[j][i])
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
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

func writeMetricsJSON(stdout, stderr io.Writer, s *network.Snapshot, cols []column, values [][]any) int {
	// Rows are objects with keys in column order: build them by hand so the
	// order is the command's, not alphabetical.
	var b strings.Builder
	b.WriteString("[")
	for i := range s.N() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, c := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			v := values[j][i]
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				v = nil
			}
			k, err := jsonNoEscape(c.name)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			val, err := jsonNoEscape(v)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(val)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	io.WriteString(stdout, b.String())
	return 0
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
