package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/report"

	"github.com/labournet/labournet/network"
)

const whatifUsage = `usage: labournet whatif [--remove ID,...] [--remove-link REF,...] [--add FROM:TO:KIND,...] [--json] FILE|DIR

Applies a change to the network and prints the findings before and after,
side by side: the actors that stop being or become bottlenecks
(articulation points), the single ties that disappear or appear (bridges),
how many pairs of actors can reach each other, and the gaps against the
default reference model that close or open.

Flags:
  --remove ID,...        actors to remove, with all their links
  --remove-link REF,...  links to remove: a link ID, FROM:TO (any kind) or FROM:TO:KIND
  --add FROM:TO:KIND,... links to add (kinds: cooperation, partnership, funding,
                         membership, service, governance, reporting, information)
  --json                 print the comparison as JSON`

func init() {
	register(command{"whatif", "compare the findings before and after a change", whatifUsage, cmdWhatif})
}

func cmdWhatif(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("whatif", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	remove := fs.String("remove", "", "")
	removeLinks := fs.String("remove-link", "", "")
	add := fs.String("add", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "whatif", whatifUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "whatif", whatifUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	edit := network.Edit{RemoveActors: splitComma(*remove)}
	for _, r := range splitComma(*removeLinks) {
		ref, err := network.ParseLinkRef(r)
		if err != nil {
			return usageError(stderr, "whatif", whatifUsage, "--remove-link: %v", err)
		}
		edit.RemoveLinks = append(edit.RemoveLinks, ref)
	}
	for _, a := range splitComma(*add) {
		parts := strings.Split(a, ":")
		if len(parts) != 3 {
			return usageError(stderr, "whatif", whatifUsage, "--add %q: want FROM:TO:KIND", a)
		}
		k, err := network.ParseLinkKind(parts[2])
		if err != nil {
			return usageError(stderr, "whatif", whatifUsage, "--add %q: %v", a, err)
		}
		edit.AddLinks = append(edit.AddLinks, network.Link{From: parts[0], To: parts[1], Kind: k, Evidence: "what-if"})
	}
	if len(edit.RemoveActors)+len(edit.RemoveLinks)+len(edit.AddLinks) == 0 {
		return usageError(stderr, "whatif", whatifUsage, "nothing to change: give --remove, --remove-link or --add")
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	after, err := n.Apply(edit)
	if err != nil {
		printProblems(stderr, err)
		return 1
	}
	c := report.WhatIf(n, after, gap.DefaultModel())
	if *asJSON {
		if err := writeJSON(stdout, c); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	writeComparison(stdout, n, c)
	return 0
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
	fmt.Fprintf(w, "Bridges gone:           %s\n", orNone(e.BridgesGone))
	fmt.Fprintf(w, "New bridges:            %s\n", orNone(e.BridgesNew))
	fmt.Fprintf(w, "Gaps closed:            %s\n", orNone(e.Closed))
	fmt.Fprintf(w, "Gaps opened:            %s\n", orNone(e.Opened))
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
