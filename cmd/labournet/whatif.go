package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

func (a *app) whatifCmd() *cobra.Command {
	var remove, removeLinks, add []string
	var modelName, at string
	var format, out, inputFormat string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "whatif FILE|DIR|- --remove ID,... | --remove-link REF,... | --add FROM:TO:KIND,...",
		Short: "Compare the findings before and after a change",
		Long: `Applies a change to the network and prints the findings before and after,
side by side: the actors that stop being or become bottlenecks
(articulation points), the single ties that disappear or appear (bridges),
how many pairs of actors can reach each other, and the gaps against the
reference model that close or open: the built-in model that fits the
network (as analyze chooses it), or the one --model names. The network is
taken as of --at, else the file's asOf, else today. --format json prints the
comparison as JSON (see docs/cli/json.md).

Each of --remove, --remove-link and --add takes a comma-separated list and
may be given several times. A link to remove is a link ID, FROM:TO (any
kind) or FROM:TO:KIND; a link to add is FROM:TO:KIND, with KIND one of
cooperation, partnership, funding, membership, service, governance,
reporting, information.`,
		Example: `  labournet whatif examples/liberec/liberec.json --remove pzlk
  labournet whatif examples/liberec/liberec.json --remove pzlk --format json
  labournet whatif examples/steelcityzen/steelcityzen.json --add stara-zagora:local-employers:cooperation`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	f := cmd.Flags()
	f.StringArrayVar(&remove, "remove", nil, "actors to remove, with all their links (`ID,...`)")
	f.StringArrayVar(&removeLinks, "remove-link", nil, "links to remove: a link ID, FROM:TO (any kind) or FROM:TO:KIND (`REF,...`)")
	f.StringArrayVar(&add, "add", nil, "links to add (`FROM:TO:KIND,...`)")
	f.StringVar(&modelName, "model", "", "the reference `MODEL` for gaps: regional, consortium, or a labournet-model/1 JSON file (default: the built-in one that fits the network)")
	f.StringVar(&at, "at", "", "compare on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	addFormatFlag(cmd, &format, "text", []string{"text", "json"}, "output `FORMAT`: text or json")
	addOutputFlag(cmd, &out)
	addJSONFlag(cmd, &asJSON)
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := textOrJSON(cmd, format, asJSON, out)
		if err != nil {
			return err
		}
		edit := network.Edit{RemoveActors: splitComma(remove...)}
		for _, r := range splitComma(removeLinks...) {
			ref, err := network.ParseLinkRef(r)
			if err != nil {
				return usagef("--remove-link: %s", describe(err))
			}
			edit.RemoveLinks = append(edit.RemoveLinks, ref)
		}
		for _, l := range splitComma(add...) {
			parts := strings.Split(l, ":")
			if len(parts) != 3 {
				return usagef("--add %s: want FROM:TO:KIND", quote(l))
			}
			k, err := network.ParseLinkKind(parts[2])
			if err != nil {
				return usagef("--add %s: %s", quote(l), describe(err))
			}
			edit.AddLinks = append(edit.AddLinks, network.Link{From: parts[0], To: parts[1], Kind: k, Evidence: "what-if"})
		}
		if len(edit.RemoveActors)+len(edit.RemoveLinks)+len(edit.AddLinks) == 0 {
			return usagef("nothing to change: give --remove, --remove-link or --add")
		}
		o, n, err := a.openAndLoad(out, args[0], inputFormat)
		if err != nil {
			return err
		}
		defer o.abort()
		a.act.set("applying the change")
		after, err := n.Apply(edit)
		if err != nil {
			return &problemsError{err}
		}
		day, err := network.ParseDate(at)
		if err != nil {
			return usagef("--at: %s", describe(err))
		}
		var m *gap.Model
		if modelName != "" {
			if m, err = a.readModel(modelName); err != nil {
				return err
			}
		} else {
			m, _ = gap.ChooseModel(n, day)
		}
		a.act.set("comparing the findings before and after")
		c := report.WhatIf(n, after, m, day)
		if format == "json" {
			err = writeJSON(o, c)
		} else {
			writeComparison(o, n, c)
		}
		return o.finish(cmd.Context(), err)
	})
	return cmd
}

func writeComparison(w io.Writer, n *network.Network, e gap.Effect) {
	name := actorName(n)
	names := func(ids []string) string {
		if len(ids) == 0 {
			return "none"
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return strings.Join(out, "; ")
	}
	fmt.Fprintf(w, "%-36s %10s %10s\n", "", "before", "after")
	fmt.Fprintf(w, "%-36s %10d %10d\n", "articulation points", e.CutPoints.Before, e.CutPoints.After)
	fmt.Fprintf(w, "%-36s %10d %10d\n", "bridges", e.Bridges.Before, e.Bridges.After)
	fmt.Fprintf(w, "%-36s %10d %10d\n", "pairs that can reach each other", e.Reachable.Before, e.Reachable.After)
	fmt.Fprintf(w, "%-36s %10s %10s\n", "fragmentation", num(float64(e.Fragmentation.Before)), num(float64(e.Fragmentation.After)))
	fmt.Fprintf(w, "%-36s %10d %10d\n", "gaps against the reference model", e.Gaps.Before, e.Gaps.After)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "No longer a bottleneck: %s\n", names(e.Relieved))
	fmt.Fprintf(w, "New bottlenecks:        %s\n", names(e.NewCutPoints))
	fmt.Fprintf(w, "Bridges gone:           %s\n", text(orNone(e.BridgesGone)))
	fmt.Fprintf(w, "New bridges:            %s\n", text(orNone(e.BridgesNew)))
	fmt.Fprintf(w, "Gaps closed:            %s\n", text(orNone(e.Closed)))
	fmt.Fprintf(w, "Gaps opened:            %s\n", text(orNone(e.Opened)))
}

func orNone[T fmt.Stringer](s []T) string {
	if len(s) == 0 {
		return "none"
	}
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = x.String()
	}
	return strings.Join(parts, "; ")
}
