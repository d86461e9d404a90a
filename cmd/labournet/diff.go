package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/labournet/labournet/report"

	"github.com/labournet/labournet/network"
)

const diffUsage = `usage: labournet diff [--json] [--top N] OLD NEW
       labournet diff [--json] [--top N] --at DATE1 --at DATE2 FILE

Compares two networks, such as two editions (JOBTOWN, then JOBTOWN 2), or one
network as it was on two dates: the actors and links that came, went or
changed, and the actors whose degree centrality and betweenness moved most.

Flags:
  --at DATE   a date to compare (give it twice, with one FILE)
  --top N     moves to list per measure (default 10)
  --json      print the comparison as JSON`

func init() {
	register(command{"diff", "what changed between two networks or two dates", diffUsage, cmdDiff})
}

// dates collects repeated --at flags.
type dates []network.Date

func (d *dates) String() string { return fmt.Sprint(*d) }
func (d *dates) Set(s string) error {
	v, err := network.ParseDate(s)
	if err != nil {
		return err
	}
	if v.IsZero() {
		return fmt.Errorf("empty date")
	}
	*d = append(*d, v)
	return nil
}

func cmdDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var at dates
	fs.Var(&at, "at", "")
	top := fs.Int("top", 10, "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "diff", diffUsage, "%v", err)
	}
	var d report.NetworkDiff
	var err error
	var before, after *network.Network
	opt := report.DiffOptions{Top: *top}
	switch {
	case len(at) == 0 && fs.NArg() == 2:
		var code int
		if before, code = loadNetwork(fs.Arg(0), stderr); code != 0 {
			return code
		}
		if after, code = loadNetwork(fs.Arg(1), stderr); code != 0 {
			return code
		}
		if d, err = report.Diff(context.Background(), before, after, opt); err != nil {
			fmt.Fprintf(stderr, "labournet diff: %v\n", err)
			return 1
		}
	case len(at) == 2 && fs.NArg() == 1:
		n, code := loadNetwork(fs.Arg(0), stderr)
		if code != 0 {
			return code
		}
		before, after = n, n
		if d, err = report.DiffAt(context.Background(), n, at[0], at[1], opt); err != nil {
			fmt.Fprintf(stderr, "labournet diff: %v\n", err)
			return 1
		}
	default:
		return usageError(stderr, "diff", diffUsage, "want OLD NEW, or --at DATE1 --at DATE2 FILE")
	}
	if *asJSON {
		if err := writeJSON(stdout, d); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	name := func(id string) string {
		if a, ok := after.Actor(id); ok {
			return a.Label()
		}
		if a, ok := before.Actor(id); ok {
			return a.Label()
		}
		return id
	}
	list := func(title, mark string, ids []string) {
		fmt.Fprintf(stdout, "%s (%d)\n", title, len(ids))
		for _, id := range ids {
			fmt.Fprintf(stdout, "  %s %s\n", mark, name(id))
		}
	}
	list("Actors that came", "+", d.AddedActors)
	list("Actors that went", "-", d.RemovedActors)
	fmt.Fprintf(stdout, "Actors that changed (%d)\n", len(d.ChangedActors))
	for _, c := range d.ChangedActors {
		var parts []string
		for _, ch := range c.Changes {
			parts = append(parts, fmt.Sprintf("%s %q → %q", ch.Field, ch.Before, ch.After))
		}
		fmt.Fprintf(stdout, "  ~ %s: %s\n", name(c.ID), strings.Join(parts, ", "))
	}
	links := func(title string, ks []report.LinkKey) {
		fmt.Fprintf(stdout, "%s (%d)\n", title, len(ks))
		for _, k := range ks {
			fmt.Fprintf(stdout, "  %s – %s (%s)\n", name(k.From), name(k.To), k.Kind)
		}
	}
	links("Links that came", d.AddedLinks)
	links("Links that went", d.RemovedLinks)
	fmt.Fprintf(stdout, "Links that changed (%d)\n", len(d.ChangedLinks))
	for _, c := range d.ChangedLinks {
		var parts []string
		for _, ch := range c.Changes {
			parts = append(parts, fmt.Sprintf("%s %q → %q", ch.Field, ch.Before, ch.After))
		}
		fmt.Fprintf(stdout, "  ~ %s – %s (%s): %s\n", name(c.Link.From), name(c.Link.To), c.Link.Kind, strings.Join(parts, ", "))
	}
	fmt.Fprintln(stdout, "Measures that moved most")
	for _, m := range d.Moves {
		fmt.Fprintf(stdout, "  %-12s %s: %s → %s\n", m.Metric, name(m.ID), num(float64(m.Before)), num(float64(m.After)))
	}
	return 0
}
