package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"github.com/labournet/labournet/report"
)

const validateUsage = `usage: labournet validate [--json] FILE|DIR

Reads a network (a labournet/1 .json file, or a folder with actors.csv and
links.csv) and checks every actor and link. When all is well it prints a
summary (actors by kind and level, links by kind and status, the period the
dated links cover) and exits 0; otherwise it prints every problem found, each
with its file, line (and column) or JSON path, and exits 1.

Flags:
  --json   print the summary as JSON`

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "validate", validateUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "validate", validateUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	s := report.Summarize(n)
	if *asJSON {
		if err := writeJSON(stdout, s); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	writeSummary(stdout, s)
	return 0
}

// writeSummary prints the summary as aligned plain text.
func writeSummary(w io.Writer, s report.Summary) {
	fmt.Fprintf(w, "%s: valid\n", s.Name)
	fmt.Fprintf(w, "%d actors, %d links", s.Actors, s.Links)
	if s.Isolated > 0 {
		fmt.Fprintf(w, ", %d isolated", s.Isolated)
	}
	fmt.Fprintln(w)
	if s.Aggregates > 0 {
		fmt.Fprintf(w, "%d actors stand for groups (%d of unknown size); at least %d organisations in all\n", s.Aggregates, s.UnknownSize, s.Represented)
	}
	period := "no dated links"
	if !s.Start.IsZero() || !s.End.IsZero() {
		period = fmt.Sprintf("%s to %s", orOpen(s.Start.String()), orOpen(s.End.String()))
	}
	fmt.Fprintf(w, "period: %s (%d links undated)\n", period, s.Undated)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	table := func(title string, m map[string]int) {
		fmt.Fprintf(tw, "\n%s\t\n", title)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(tw, "  %s\t%d\n", k, m[k])
		}
	}
	table("actors by kind", s.ByKind)
	table("actors by level", s.ByLevel)
	table("links by kind", s.LinksByKind)
	table("links by status", s.LinksByStatus)
	tw.Flush()
}

func orOpen(s string) string {
	if s == "" {
		return "open"
	}
	return s
}
