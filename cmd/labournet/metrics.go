package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	fn   func(s *network.Snapshot, o metricsOpts) []any
}

type metricsOpts struct {
	directed bool
	group    string
}

func rankingCol(f func(s *network.Snapshot, o metricsOpts) analysis.Ranking) func(*network.Snapshot, metricsOpts) []any {
	return func(s *network.Snapshot, o metricsOpts) []any {
		m := f(s, o).Map()
		out := make([]any, s.N())
		for i := range out {
			v, ok := m[s.ID(i)]
			if !ok {
				v = math.NaN()
			}
			out[i] = v
		}
		return out
	}
}

func intCol(f func(s *network.Snapshot, i int) int) func(*network.Snapshot, metricsOpts) []any {
	return func(s *network.Snapshot, _ metricsOpts) []any {
		out := make([]any, s.N())
		for i := range out {
			out[i] = f(s, i)
		}
		return out
	}
}

func metricColumns() []column {
	holes := func(pick func(bottleneck.HoleScores) float64) func(*network.Snapshot, metricsOpts) []any {
		return func(s *network.Snapshot, o metricsOpts) []any {
			out := make([]any, s.N())
			for _, h := range bottleneck.StructuralHoles(s, bottleneck.HolesOptions{Directed: o.directed}) {
				i, _ := s.Index(h.ID)
				out[i] = pick(h)
			}
			return out
		}
	}
	brok := func(pick func(bottleneck.BrokerageRoles) float64) func(*network.Snapshot, metricsOpts) []any {
		return func(s *network.Snapshot, o metricsOpts) []any {
			out := make([]any, s.N())
			for _, b := range bottleneck.Brokerage(s, bottleneck.BrokerageOptions{Attr: o.group}).Actors {
				i, _ := s.Index(b.ID)
				out[i] = pick(b.Raw)
			}
			return out
		}
	}
	sum := func(ws []float64) float64 {
		t := 0.0
		for _, w := range ws {
			t += w
		}
		return t
	}
	return []column{
		{"id", func(s *network.Snapshot, _ metricsOpts) []any {
			return strCol(s, func(i int) string { return s.ID(i) })
		}},
		{"name", func(s *network.Snapshot, _ metricsOpts) []any {
			return strCol(s, func(i int) string { return s.Actor(i).Name })
		}},
		{"kind", func(s *network.Snapshot, _ metricsOpts) []any {
			return strCol(s, func(i int) string { return s.Actor(i).Kind.String() })
		}},
		{"degree", intCol(func(s *network.Snapshot, i int) int { return s.Degree(i) })},
		{"weighted_degree", func(s *network.Snapshot, _ metricsOpts) []any {
			out := make([]any, s.N())
			for i := range out {
				out[i] = sum(s.NeighborWeights(i))
			}
			return out
		}},
		{"in_degree", intCol(func(s *network.Snapshot, i int) int { return len(s.In(i)) })},
		{"out_degree", intCol(func(s *network.Snapshot, i int) int { return len(s.Out(i)) })},
		{"betweenness", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			return centrality.Betweenness(s, centrality.BetweennessOptions{Directed: o.directed})
		})},
		{"closeness", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			return centrality.Closeness(s, centrality.ClosenessOptions{Directed: o.directed})
		})},
		{"harmonic", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			return centrality.Harmonic(s, centrality.ClosenessOptions{Directed: o.directed})
		})},
		{"eigenvector", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			r, err := centrality.Eigenvector(s, centrality.EigenOptions{Directed: o.directed})
			if err != nil {
				return nil // undefined for all
			}
			return r
		})},
		{"pagerank", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			r, err := centrality.PageRank(s, centrality.PageRankOptions{Directed: o.directed})
			if err != nil {
				return nil // undefined for all
			}
			return r
		})},
		{"core", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			return cohesion.CoreNumbers(s, cohesion.CoreOptions{Directed: o.directed})
		})},
		{"clustering", rankingCol(func(s *network.Snapshot, o metricsOpts) analysis.Ranking {
			return cohesion.Clustering(s, cohesion.ClusteringOptions{Directed: o.directed})
		})},
		{"community", func(s *network.Snapshot, _ metricsOpts) []any {
			out := make([]any, s.N())
			for c, g := range cohesion.Louvain(s, cohesion.LouvainOptions{}).Groups {
				for _, id := range g {
					i, _ := s.Index(id)
					out[i] = c
				}
			}
			return out
		}},
		{"constraint", holes(func(h bottleneck.HoleScores) float64 { return float64(h.Constraint) })},
		{"effective_size", holes(func(h bottleneck.HoleScores) float64 { return float64(h.EffectiveSize) })},
		{"efficiency", holes(func(h bottleneck.HoleScores) float64 { return float64(h.Efficiency) })},
		{"hierarchy", holes(func(h bottleneck.HoleScores) float64 { return float64(h.Hierarchy) })},
		{"articulation", func(s *network.Snapshot, _ metricsOpts) []any {
			out := make([]any, s.N())
			for i := range out {
				out[i] = false
			}
			for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
				i, _ := s.Index(c.ID)
				out[i] = true
			}
			return out
		}},
		{"coordinator", brok(func(r bottleneck.BrokerageRoles) float64 { return float64(r.Coordinator) })},
		{"itinerant", brok(func(r bottleneck.BrokerageRoles) float64 { return float64(r.Itinerant) })},
		{"representative", brok(func(r bottleneck.BrokerageRoles) float64 { return float64(r.Representative) })},
		{"gatekeeper", brok(func(r bottleneck.BrokerageRoles) float64 { return float64(r.Gatekeeper) })},
		{"liaison", brok(func(r bottleneck.BrokerageRoles) float64 { return float64(r.Liaison) })},
	}
}

var brokerageColumns = []string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison"}

func strCol(s *network.Snapshot, f func(int) string) []any {
	out := make([]any, s.N())
	for i := range out {
		out[i] = f(i)
	}
	return out
}

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
	o := metricsOpts{directed: *directed, group: *group}
	values := make([][]any, len(cols))
	for j, c := range cols {
		values[j] = c.fn(s, o)
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
