package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/labournet/labournet/analysis/bottleneck"

	"github.com/labournet/labournet/network"
)

const bottlenecksUsage = `usage: labournet bottlenecks [--at DATE] [--top N] FILE|DIR

Prints, in plain language and ranked, where cooperation hangs on one actor or
one link: the actors whose loss splits the network (articulation points, with
the pieces left), the single ties between parts (bridges), the actors whose
removal cuts the most pairs off from each other (Borgatti's key-player
fragmentation), and the brokers with the lowest Burt constraint. Planned and
ended links are left out.

Flags:
  --at DATE   analyse the network as it was on DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --top N     list at most N items per finding (default 10)`

func init() {
	register(command{"bottlenecks", "where cooperation hangs on one actor or one link", bottlenecksUsage, cmdBottlenecks})
}

func cmdBottlenecks(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bottlenecks", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	at := fs.String("at", "", "")
	top := fs.Int("top", 10, "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "bottlenecks", bottlenecksUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "bottlenecks", bottlenecksUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	if *top < 1 {
		return usageError(stderr, "bottlenecks", bottlenecksUsage, "--top must be at least 1")
	}
	day, err := network.ParseDate(*at)
	if err != nil {
		return usageError(stderr, "bottlenecks", bottlenecksUsage, "--at: %v", err)
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	if !day.IsZero() {
		n = n.View(network.Filter{At: day})
	}
	if err := writeBottlenecks(stdout, n, *top); err != nil {
		fmt.Fprintf(stderr, "labournet bottlenecks: %v\n", err)
		return 1
	}
	return 0
}

// actorName returns a function giving an actor's label.
func actorName(n *network.Network) func(string) string {
	return func(id string) string {
		if a, ok := n.Actor(id); ok {
			return a.Label()
		}
		return id
	}
}

// writeBottlenecks prints the bottleneck findings of n's working part.
func writeBottlenecks(w io.Writer, n *network.Network, top int) error {
	s := n.Current().Snapshot()
	name := actorName(n)
	fmt.Fprintf(w, "Bottlenecks of %s (%d actors, %d working links)\n\n", n.Name, s.N(), s.NumLinks())

	cuts := bottleneck.ArticulationPoints(s, bottleneck.CutOptions{})
	if len(cuts) == 0 {
		fmt.Fprintln(w, "No single actor holds parts of the network together.")
	} else {
		fmt.Fprintf(w, "%d actor(s) hold parts of the network together; without one of them its part falls apart:\n", len(cuts))
		for i, c := range cuts {
			if i == top {
				fmt.Fprintf(w, "     ... and %d more\n", len(cuts)-top)
				break
			}
			var pieces []string
			for _, p := range c.Pieces {
				pieces = append(pieces, fmt.Sprintf("%d actor(s) via %s", p.Size, name(p.Contact)))
			}
			fmt.Fprintf(w, "%3d. %s: %d pairs of actors depend on it; left without it: %s\n", i+1, name(c.ID), c.Separated, strings.Join(pieces, "; "))
		}
	}

	fmt.Fprintln(w)
	bridges := bottleneck.Bridges(s)
	if len(bridges) == 0 {
		fmt.Fprintln(w, "No single tie holds parts of the network together.")
	} else {
		fmt.Fprintf(w, "%d tie(s) are the only way between two parts:\n", len(bridges))
		for i, b := range bridges {
			if i == top {
				fmt.Fprintf(w, "     ... and %d more\n", len(bridges)-top)
				break
			}
			fmt.Fprintf(w, "%3d. %s - %s: %d and %d actors on either side\n", i+1, name(b.From), name(b.To), b.FromSide, b.ToSide)
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintf(w, "Fragmentation now: %s (the share of pairs of actors that cannot reach each other).\n", num(bottleneck.Fragmentation(s)))
	effects, err := bottleneck.RemovalEffects(context.Background(), s, bottleneck.RemovalOptions{})
	if err != nil {
		return err
	}
	lost := make(map[string]int64, len(effects))
	for _, e := range effects {
		lost[e.ID] = e.Lost
	}
	fmt.Fprintln(w, "Removing one of these actors would cut the most pairs off from each other:")
	frag, err := bottleneck.RemovalFragmentation(context.Background(), s, bottleneck.RemovalOptions{})
	if err != nil {
		return err
	}
	for i, e := range frag.Top(top) {
		fmt.Fprintf(w, "%3d. %s: fragmentation would be %s (%d pairs lost)\n", i+1, name(e.ID), num(float64(e.Value)), lost[e.ID])
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "Brokers: lowest Burt constraint among actors with two or more contacts (their contacts are not linked to each other):")
	k := 0
	con := bottleneck.Constraint(s, bottleneck.HolesOptions{})
	for i := len(con) - 1; i >= 0 && k < top; i-- {
		c := con[i]
		j, _ := s.Index(c.ID)
		if c.Value.IsNaN() || s.Degree(j) < 2 {
			continue
		}
		k++
		fmt.Fprintf(w, "%3d. %s: constraint %s, %d contacts\n", k, name(c.ID), num(float64(c.Value)), s.Degree(j))
	}
	if k == 0 {
		fmt.Fprintln(w, "     none")
	}
	return nil
}

// num formats a measure for reading.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.3g", x)
}
