package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
)

func (a *app) bottlenecksCmd() *cobra.Command {
	var at, format, out, inputFormat string
	var top int
	cmd := &cobra.Command{
		Use:   "bottlenecks FILE|DIR|-",
		Short: "Where cooperation hangs on one actor or one link",
		Long: `Prints, in plain language and ranked, where cooperation hangs on one actor or
one link: the actors whose loss splits the network (articulation points, with
the pieces left), the single ties between parts (bridges), the actors whose
removal cuts the most pairs off from each other (Borgatti's key-player
fragmentation), and the brokers with the lowest Burt constraint. Only the
links in force on the day analysed count (--at DATE, else the day the file
is as of, else today). --format json prints the same findings as JSON (see
docs/cli/json.md).`,
		Example: `  labournet bottlenecks examples/liberec/liberec.json
  labournet bottlenecks examples/liberec/liberec.json --top 3
  labournet bottlenecks examples/jobtown2/jobtown2.json --at 2017-02 --format json`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	cmd.Flags().StringVar(&at, "at", "", "analyse the network as it was on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().IntVar(&top, "top", 10, "list at most `N` items per finding")
	addFormatFlag(cmd, &format, "text", []string{"text", "json"}, "output `FORMAT`: text or json")
	addOutputFlag(cmd, &out)
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := pickFormat(cmd, format, out, map[string]string{".json": "json", ".txt": "text"}, "text", []string{"text", "json"})
		if err != nil {
			return err
		}
		if top < 1 {
			return usagef("--top must be at least 1")
		}
		day, err := network.ParseDate(at)
		if err != nil {
			return usagef("--at: %v", err)
		}
		o, n, err := a.openAndLoad(out, args[0], inputFormat)
		if err != nil {
			return err
		}
		defer o.abort()
		b, err := findBottlenecks(cmd.Context(), a.act, n, day, top)
		if err == nil {
			if format == "json" {
				err = writeJSON(o, b)
			} else {
				writeBottlenecks(o, n, b, top)
			}
		}
		return o.finish(cmd.Context(), err)
	})
	return cmd
}

// bottlenecks is what the bottlenecks command finds; it is also its JSON.
type bottlenecks struct {
	Network       string                `json:"network"`
	Actors        int                   `json:"actors"`
	WorkingLinks  int                   `json:"workingLinks"`
	At            network.Date          `json:"at"`
	CutPoints     []bottleneck.CutPoint `json:"cutPoints"`
	Bridges       []bottleneck.Bridge   `json:"bridges"`
	Fragmentation analysis.Float        `json:"fragmentation"`
	KeyPlayers    []keyPlayer           `json:"keyPlayers"`
	Brokers       []broker              `json:"brokers"`
}

// keyPlayer is an actor whose removal fragments the network most.
type keyPlayer struct {
	ID            string         `json:"id"`
	Name          string         `json:"name"`
	Fragmentation analysis.Float `json:"fragmentation"`
	PairsLost     int64          `json:"pairsLost"`
}

// broker is an actor with low Burt constraint and two or more contacts.
type broker struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Constraint analysis.Float `json:"constraint"`
	Contacts   int            `json:"contacts"`
}

// findBottlenecks computes the findings of the links of n in force on day
// (the zero Date: n's day, see network.Network.Day); the key players and
// brokers are the top of each.
func findBottlenecks(ctx context.Context, act *activity, n *network.Network, day network.Date, top int) (*bottlenecks, error) {
	act.set("preparing the network")
	s := n.SnapshotOf(network.Filter{At: n.Day(day)})
	name := func(id string) string {
		if a, ok := n.Actor(id); ok {
			return a.Label()
		}
		return id
	}
	b := &bottlenecks{Network: n.Name, Actors: s.N(), WorkingLinks: s.NumLinks(), At: n.Day(day),
		CutPoints: []bottleneck.CutPoint{}, Bridges: []bottleneck.Bridge{}, KeyPlayers: []keyPlayer{}, Brokers: []broker{}}
	act.set("finding articulation points and bridges")
	b.CutPoints = append(b.CutPoints, bottleneck.ArticulationPoints(s, bottleneck.CutOptions{})...)
	b.Bridges = append(b.Bridges, bottleneck.Bridges(s)...)
	b.Fragmentation = analysis.Float(bottleneck.Fragmentation(s))
	effects, err := bottleneck.RemovalEffects(ctx, s, bottleneck.RemovalOptions{Progress: act.progress("measuring removal effects", "actors")})
	if err != nil {
		return nil, err
	}
	lost := make(map[string]int64, len(effects))
	for _, e := range effects {
		lost[e.ID] = e.Lost
	}
	frag, err := bottleneck.RemovalFragmentation(ctx, s, bottleneck.RemovalOptions{Progress: act.progress("measuring fragmentation", "actors")})
	if err != nil {
		return nil, err
	}
	for _, e := range frag.Top(top) {
		b.KeyPlayers = append(b.KeyPlayers, keyPlayer{ID: e.ID, Name: name(e.ID), Fragmentation: e.Value, PairsLost: lost[e.ID]})
	}
	act.set("measuring constraint")
	con := bottleneck.Constraint(s, bottleneck.HolesOptions{})
	for i := len(con) - 1; i >= 0 && len(b.Brokers) < top; i-- {
		c := con[i]
		j, _ := s.Index(c.ID)
		if c.Value.IsNaN() || s.Degree(j) < 2 {
			continue
		}
		b.Brokers = append(b.Brokers, broker{ID: c.ID, Name: name(c.ID), Constraint: c.Value, Contacts: s.Degree(j)})
	}
	return b, nil
}

// actorName returns a function giving an actor's label, safe to print.
func actorName(n *network.Network) func(string) string {
	return func(id string) string {
		if a, ok := n.Actor(id); ok {
			return text(a.Label())
		}
		return text(id)
	}
}

// writeBottlenecks prints the findings in plain language.
func writeBottlenecks(w io.Writer, n *network.Network, b *bottlenecks, top int) {
	name := actorName(n)
	fmt.Fprintf(w, "Bottlenecks of %s as of %s (%s, %s in force that day)\n\n", text(b.Network), b.At, prose.Count(b.Actors, "actor"), prose.Count(b.WorkingLinks, "link"))

	if len(b.CutPoints) == 0 {
		fmt.Fprintln(w, "No single actor holds parts of the network together.")
	} else {
		fmt.Fprintf(w, "%s parts of the network together; without one of them its part falls apart:\n", counted(len(b.CutPoints), "actor holds", "actors hold"))
		for i, c := range b.CutPoints {
			if i == top {
				fmt.Fprintf(w, "     ... and %d more\n", len(b.CutPoints)-top)
				break
			}
			var pieces []string
			for _, p := range c.Pieces {
				pieces = append(pieces, fmt.Sprintf("%s via %s", prose.Count(p.Size, "actor"), name(p.Contact)))
			}
			fmt.Fprintf(w, "%3d. %s: %d pairs of actors depend on it; left without it: %s\n", i+1, name(c.ID), c.Separated, strings.Join(pieces, "; "))
		}
	}

	fmt.Fprintln(w)
	if len(b.Bridges) == 0 {
		fmt.Fprintln(w, "No single tie holds parts of the network together.")
	} else {
		fmt.Fprintf(w, "%s the only way between two parts:\n", counted(len(b.Bridges), "tie is", "ties are"))
		for i, br := range b.Bridges {
			if i == top {
				fmt.Fprintf(w, "     ... and %d more\n", len(b.Bridges)-top)
				break
			}
			fmt.Fprintf(w, "%3d. %s - %s: %d and %d actors on either side\n", i+1, name(br.From), name(br.To), br.FromSide, br.ToSide)
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintf(w, "Fragmentation now: %s (the share of pairs of actors that cannot reach each other).\n", num(float64(b.Fragmentation)))
	fmt.Fprintln(w, "Removing one of these actors would cut the most pairs off from each other:")
	for i, e := range b.KeyPlayers {
		fmt.Fprintf(w, "%3d. %s: fragmentation would be %s (%d pairs lost)\n", i+1, text(e.Name), num(float64(e.Fragmentation)), e.PairsLost)
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "Brokers: lowest Burt constraint among actors with two or more contacts (their contacts are not linked to each other):")
	for i, br := range b.Brokers {
		fmt.Fprintf(w, "%3d. %s: constraint %s, %d contacts\n", i+1, text(br.Name), num(float64(br.Constraint)), br.Contacts)
	}
	if len(b.Brokers) == 0 {
		fmt.Fprintln(w, "     none")
	}
}

// num formats a measure for reading.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return fmt.Sprintf("%.3g", x)
}

// counted writes a count with the singular or plural words that follow it:
// "1 tie is", "3 ties are".
func counted(k int, one, many string) string {
	if k == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", k, many)
}
