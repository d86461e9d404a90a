package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

func (a *app) diffCmd() *cobra.Command {
	var at []string
	var top int
	var format, out, inputFormat string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | --at DATE1 --at DATE2 FILE",
		Short: "What changed between two networks or two dates",
		Long: `Compares two networks, such as two editions (JOBTOWN, then JOBTOWN 2), or one
network as it was on two dates: the actors and links that came, went or
changed, how the bottlenecks changed, and the actors whose degree
centrality and betweenness moved most. --format json prints the comparison
as JSON (see docs/cli/json.md). One of the networks may be - for standard
input.`,
		Example: `  labournet diff examples/jobtown2/jobtown1.json examples/jobtown2/jobtown2.json
  labournet diff examples/jobtown2/jobtown2.json --at 2016 --at 2017-02
  labournet diff examples/jobtown2/jobtown1.json examples/jobtown2/jobtown2.json --format json --top 3`,
	}
	cmd.Args = cobra.ArbitraryArgs
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= 2 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return []cobra.Completion{"json", "graphml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	cmd.Flags().StringArrayVar(&at, "at", nil, "a `DATE` to compare (give it twice, with one FILE)")
	cmd.Flags().IntVar(&top, "top", 10, "moves to list per measure (`N`)")
	addFormatFlag(cmd, &format, "text", []string{"text", "json"}, "output `FORMAT`: text or json")
	addOutputFlag(cmd, &out)
	addJSONFlag(cmd, &asJSON)
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := textOrJSON(cmd, format, asJSON, out)
		if err != nil {
			return err
		}
		var days []network.Date
		for _, s := range at {
			d, err := network.ParseDate(s)
			if err != nil {
				return usagef("--at: %v", err)
			}
			if d.IsZero() {
				return usagef("--at: empty date")
			}
			days = append(days, d)
		}
		if !(len(days) == 0 && len(args) == 2) && !(len(days) == 2 && len(args) == 1) {
			return usagef("want OLD NEW, or --at DATE1 --at DATE2 FILE")
		}
		if len(args) == 2 && args[0] == "-" && args[1] == "-" {
			return usagef("only one of OLD and NEW can be standard input")
		}
		o, err := a.openOutput(out)
		if err != nil {
			return err
		}
		defer o.abort()
		var d report.NetworkDiff
		var before, after *network.Network
		opt := report.DiffOptions{Top: top}
		if len(days) == 0 {
			if before, err = a.loadNetwork(args[0], inputFormat); err != nil {
				return err
			}
			if after, err = a.loadNetwork(args[1], inputFormat); err != nil {
				return err
			}
			a.act.set("comparing the networks")
			d, err = report.Diff(cmd.Context(), before, after, opt)
		} else {
			if before, err = a.loadNetwork(args[0], inputFormat); err != nil {
				return err
			}
			after = before
			a.act.set("comparing the network on the two dates")
			d, err = report.DiffAt(cmd.Context(), before, days[0], days[1], opt)
		}
		if err == nil {
			if format == "json" {
				err = writeJSON(o, d)
			} else {
				writeDiff(o, before, after, d)
			}
		}
		return o.finish(cmd.Context(), err)
	})
	return cmd
}

// writeDiff prints a comparison in plain language.
func writeDiff(stdout io.Writer, before, after *network.Network, d report.NetworkDiff) {
	name := func(id string) string {
		if a, ok := after.Actor(id); ok {
			return text(a.Label())
		}
		if a, ok := before.Actor(id); ok {
			return text(a.Label())
		}
		return text(id)
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
			parts = append(parts, fmt.Sprintf("%s %s → %s", ch.Field, quote(ch.Before), quote(ch.After)))
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
			parts = append(parts, fmt.Sprintf("%s %s → %s", ch.Field, quote(ch.Before), quote(ch.After)))
		}
		fmt.Fprintf(stdout, "  ~ %s – %s (%s): %s\n", name(c.Link.From), name(c.Link.To), c.Link.Kind, strings.Join(parts, ", "))
	}
	fmt.Fprintln(stdout, "Measures that moved most")
	for _, m := range d.Moves {
		fmt.Fprintf(stdout, "  %-12s %s: %s → %s\n", m.Metric, name(m.ID), num(float64(m.Before)), num(float64(m.After)))
	}
}
