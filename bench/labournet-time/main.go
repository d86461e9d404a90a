// Command labournet-time times labournet's measures with the library, for
// bench/compare.sh: it loads a network once (encoding.Load, then the links in
// force on the file's day and the snapshot, as the metrics command does),
// then times each measure call alone with time.Now, and prints one JSON line
// per measure:
//
//	{"tool":"labournet","measure":"betweenness","n":4000,"m":17012,
//	 "load_s":0.21,"compute_s":0.83,"check":"top5:emp-000012,..."}
//
// The check field summarises the result in the form bench/peers.py prints
// too, so that compare.sh can tell whether the tools agree (see there).
//
// With -edges and -nodes it also writes the snapshot's undirected simple
// graph — the graph every labournet measure below computes on — as an edge
// list ("ID ID", one distinct pair of linked actors a line) and the list of
// all actor IDs (isolated actors included, which an edge list cannot hold),
// for the peers to read.
//
// Usage:
//
//	labournet-time -in FILE [-measures LIST] [-workers 2] [-edges F -nodes F]
package main

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

// allMeasures are the measures compare.sh times, in its order.
var allMeasures = []string{"betweenness", "closeness", "harmonic", "pagerank", "core", "components", "articulation", "degree"}

type result struct {
	Tool     string  `json:"tool"`
	Measure  string  `json:"measure"`
	N        int     `json:"n"`
	M        int     `json:"m"`
	LoadS    float64 `json:"load_s"`
	ComputeS float64 `json:"compute_s"`
	Check    string  `json:"check"`
}

func main() {
	in := flag.String("in", "", "the network `FILE` (.json, .graphml or a CSV folder)")
	measures := flag.String("measures", strings.Join(allMeasures, ","), "comma-separated `LIST` of measures to time")
	workers := flag.Int("workers", 2, "goroutines for betweenness, closeness and harmonic (0: GOMAXPROCS)")
	edges := flag.String("edges", "", "write the undirected simple graph as an edge list to `FILE`")
	nodes := flag.String("nodes", "", "write every actor ID, one a line, to `FILE`")
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "labournet-time: -in FILE is required")
		os.Exit(2)
	}
	if err := run(*in, strings.Split(*measures, ","), *workers, *edges, *nodes); err != nil {
		fmt.Fprintln(os.Stderr, "labournet-time:", err)
		os.Exit(1)
	}
}

func run(in string, measures []string, workers int, edges, nodes string) error {
	for _, m := range measures {
		if m != "" && !slices.Contains(allMeasures, m) {
			return fmt.Errorf("unknown measure %q (valid: %s)", m, strings.Join(allMeasures, ", "))
		}
	}
	start := time.Now()
	n, err := encoding.LoadWith(in, encoding.Limits{MaxBytes: -1, MaxElements: -1})
	if err != nil {
		return err
	}
	s := n.InForce(network.Date{}).Snapshot()
	load := time.Since(start).Seconds()

	if edges != "" {
		if err := writeEdges(edges, s); err != nil {
			return err
		}
	}
	if nodes != "" {
		if err := writeNodes(nodes, s); err != nil {
			return err
		}
	}

	ctx := context.Background()
	enc := json.NewEncoder(os.Stdout)
	for _, m := range measures {
		if m == "" {
			continue
		}
		// Each case times the call alone; the check summary, computed
		// after, is not part of compute_s (as in bench/peers.py).
		var (
			d       float64
			summary func() string
		)
		t := time.Now()
		switch m {
		case "betweenness":
			r, err := centrality.Betweenness(ctx, s, centrality.BetweennessOptions{Workers: workers})
			d = time.Since(t).Seconds()
			if err != nil {
				return err
			}
			summary = func() string { return top5(r) }
		case "closeness":
			r, err := centrality.Closeness(ctx, s, centrality.ClosenessOptions{Workers: workers})
			d = time.Since(t).Seconds()
			if err != nil {
				return err
			}
			summary = func() string { return top5(r) }
		case "harmonic":
			r, err := centrality.Harmonic(ctx, s, centrality.ClosenessOptions{Workers: workers})
			d = time.Since(t).Seconds()
			if err != nil {
				return err
			}
			summary = func() string { return top5(r) }
		case "pagerank":
			r, err := centrality.PageRank(s, centrality.PageRankOptions{})
			d = time.Since(t).Seconds()
			if err != nil {
				return err
			}
			summary = func() string { return top5(r) }
		case "core":
			r := cohesion.CoreNumbers(s, cohesion.CoreOptions{})
			d = time.Since(t).Seconds()
			summary = func() string { return perActorDigest(r) }
		case "components":
			comps := cohesion.Components(s)
			d = time.Since(t).Seconds()
			summary = func() string {
				sizes := make([]int, len(comps))
				for i, c := range comps {
					sizes[i] = len(c)
				}
				return sizesDigest(sizes)
			}
		case "articulation":
			cuts := bottleneck.ArticulationPoints(s, bottleneck.CutOptions{})
			d = time.Since(t).Seconds()
			summary = func() string {
				ids := make([]string, len(cuts))
				for i, c := range cuts {
					ids[i] = c.ID
				}
				return idsDigest(ids)
			}
		case "degree":
			r := centrality.Degree(s, centrality.DegreeOptions{})
			d = time.Since(t).Seconds()
			summary = func() string { return perActorDigest(r) }
		}
		check := summary()
		if err := enc.Encode(result{Tool: "labournet", Measure: m, N: s.N(), M: s.NumEdges(),
			LoadS: load, ComputeS: d, Check: check}); err != nil {
			return err
		}
	}
	return nil
}

// writeEdges writes each distinct pair of linked actors once, "ID ID".
func writeEdges(path string, s *network.Snapshot) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := range s.N() {
		for _, j := range s.Neighbors(i) {
			if int(j) > i {
				w.WriteString(s.ID(i))
				w.WriteByte(' ')
				w.WriteString(s.ID(int(j)))
				w.WriteByte('\n')
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeNodes(path string, s *network.Snapshot) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := range s.N() {
		w.WriteString(s.ID(i))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The summaries below must match those of bench/peers.py character for
// character.

// top5 lists the five actors of highest value, values rounded to 9
// significant digits (so that last-digit noise does not reorder ties),
// ties by ID; undefined values count as 0.
func top5(r analysis.Ranking) string {
	type kv struct {
		id string
		v  float64
	}
	all := make([]kv, len(r))
	for i, sc := range r {
		v := float64(sc.Value)
		if math.IsNaN(v) {
			v = 0
		}
		all[i] = kv{sc.ID, round9(v)}
	}
	slices.SortFunc(all, func(a, b kv) int {
		if a.v != b.v {
			if a.v > b.v {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	var ids []string
	for i := 0; i < 5 && i < len(all); i++ {
		ids = append(ids, all[i].id)
	}
	return "top5:" + strings.Join(ids, ",")
}

func round9(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 9, 64), 64)
	return f
}

// perActorDigest digests an integer value per actor: "ID value" lines
// sorted by ID.
func perActorDigest(r analysis.Ranking) string {
	lines := make([]string, len(r))
	max := 0
	for i, sc := range r {
		v := int(math.Round(float64(sc.Value)))
		max = intMax(max, v)
		lines[i] = sc.ID + " " + strconv.Itoa(v)
	}
	slices.Sort(lines)
	return fmt.Sprintf("max=%d sha1=%s", max, digest(lines))
}

// sizesDigest lists the number of components, the largest, and a digest of
// the sizes in descending order.
func sizesDigest(sizes []int) string {
	slices.SortFunc(sizes, func(a, b int) int { return b - a })
	lines := make([]string, len(sizes))
	for i, z := range sizes {
		lines[i] = strconv.Itoa(z)
	}
	return fmt.Sprintf("count=%d largest=%d sha1=%s", len(sizes), sizes[0], digest(lines))
}

// idsDigest counts a set of actors and digests their sorted IDs.
func idsDigest(ids []string) string {
	slices.Sort(ids)
	return fmt.Sprintf("count=%d sha1=%s", len(ids), digest(ids))
}

func digest(lines []string) string {
	h := sha1.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func intMax(a, b int) int {
	if a > b {
		return a
	}
	return b
}
