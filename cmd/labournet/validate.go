package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

func (a *app) validateCmd() *cobra.Command {
	var format, out, inputFormat string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "validate FILE|DIR|-",
		Short: "Check a network and summarise it",
		Long: `Reads a network (a labournet/1 .json file, a .graphml file, a folder with
actors.csv and links.csv, or - for standard input) and checks every actor
and link. When all is well it prints a summary (actors by kind and level,
links by kind and status, the period the dated links cover) and exits 0;
otherwise it prints every problem found, each with its file, line (and
column) or JSON path, and exits 1. After --max-problems problems (100) the
rest are counted, not printed.

With --format json it prints one object, valid or not: the file, whether it
is valid, every problem (file, line, column, path, field, actor or link,
value, reason, suggestion) and the summary; see docs/cli/json.md.`,
		Example: `  labournet validate examples/liberec/liberec.json
  labournet validate examples/liberec/liberec.json --format json
  cat examples/liberec/liberec.json | labournet validate -
  labournet validate --input-format json - < examples/vratsa/vratsa.json`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	addFormatFlag(cmd, &format, "text", []string{"text", "json"}, "output `FORMAT`: text or json")
	addOutputFlag(cmd, &out)
	addJSONFlag(cmd, &asJSON)
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := textOrJSON(cmd, format, asJSON, out)
		if err != nil {
			return err
		}
		o, err := a.openOutput(out)
		if err != nil {
			return err
		}
		defer o.abort()
		n, err := a.loadNetwork(args[0], inputFormat)
		if format == "text" {
			if err != nil {
				return err
			}
			writeSummary(o, report.Summarize(n, network.Date{}))
			return o.finish(cmd.Context(), nil)
		}
		var pe *problemsError
		if err != nil && !errors.As(err, &pe) {
			return err // not a network at all: a plain message
		}
		v := validation{File: args[0], Valid: err == nil, Problems: []problem{}}
		if args[0] == "-" {
			v.File = stdinName
		}
		if err != nil {
			for _, e := range problems(pe.err) {
				v.Problems = append(v.Problems, problemOf(e))
			}
		} else {
			s := report.Summarize(n, network.Date{})
			v.Summary = &s
		}
		v.ProblemCount = len(v.Problems)
		if err := o.finish(cmd.Context(), writeJSON(o, v)); err != nil {
			return err
		}
		if !v.Valid {
			return exitCode(exitData)
		}
		return nil
	})
	return cmd
}

// validation is the JSON that validate --format json prints.
type validation struct {
	File         string          `json:"file"`
	Valid        bool            `json:"valid"`
	ProblemCount int             `json:"problemCount"`
	Problems     []problem       `json:"problems"`
	Summary      *report.Summary `json:"summary"`
}

// problem is one problem of a network in validate's JSON. Unknown parts
// are null.
type problem struct {
	File   string  `json:"file"`
	Line   *int    `json:"line"`
	Column *int    `json:"column"`
	Path   *string `json:"path"`
	Field  *string `json:"field"`
	Actor  *string `json:"actor"`
	Link   *link   `json:"link"`
	Value  *string `json:"value"`
	// Reason is why the value is wrong, without the place.
	Reason     string  `json:"reason"`
	Suggestion *string `json:"suggestion"`
	// Message is the whole line validate prints for the problem.
	Message string `json:"message"`
}

// link names the link of a problem: its position in the file (0-based, as
// in the path "links[3]"), its ID if it has one, and its ends.
type link struct {
	Index int     `json:"index"`
	ID    *string `json:"id"`
	From  string  `json:"from"`
	To    string  `json:"to"`
}

// elementPath matches the JSON path of an actor or link and what follows.
var elementPath = regexp.MustCompile(`^(actors|links)\[\d+\](?:\.(.+))?$`)

// problemOf describes one problem for validate's JSON.
func problemOf(err error) problem {
	p := problem{Message: clean(describe(err)), Reason: err.Error()}
	ptr := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	var pe *encoding.ParseError
	if errors.As(err, &pe) {
		p.File = pe.File
		if pe.Line > 0 {
			p.Line = &pe.Line
		}
		if pe.Column > 0 {
			p.Column = &pe.Column
		}
		p.Path = ptr(pe.Path)
		p.Reason = pe.Err.Error()
		// The field: after the element in a JSON path, after ": " in a
		// GraphML one, the column of a CSV file.
		switch m := elementPath.FindStringSubmatch(pe.Path); {
		case m != nil:
			p.Field = ptr(m[2])
		case strings.Contains(pe.Path, ": "):
			p.Field = ptr(pe.Path[strings.LastIndex(pe.Path, ": ")+2:])
		default:
			p.Field = ptr(pe.Path)
		}
	}
	var fe *actor.FieldError
	var le *network.LinkError
	switch {
	case errors.As(err, &fe):
		p.Actor, p.Field, p.Value = ptr(fe.ID), ptr(fe.Field), &fe.Value
		p.Reason = fe.Err.Error()
	case errors.As(err, &le):
		p.Link = &link{Index: le.Index, ID: ptr(le.ID), From: le.From, To: le.To}
		p.Field, p.Value = ptr(le.Field), &le.Value
		p.Reason = le.Err.Error()
	}
	// A JSON path names the field too: actors[0] and country make
	// actors[0].country.
	if p.Path != nil && p.Field != nil {
		if m := elementPath.FindStringSubmatch(*p.Path); m != nil && m[2] == "" {
			p.Path = ptr(*p.Path + "." + *p.Field)
		}
	}
	p.Suggestion = ptr(suggestion(err))
	return p
}

// writeSummary prints the summary as aligned plain text.
func writeSummary(w io.Writer, s report.Summary) {
	fmt.Fprintf(w, "%s: valid\n", text(s.Name))
	fmt.Fprintf(w, "%s, %s", prose.Count(s.Actors, "actor"), prose.Count(s.Links, "link"))
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
	fmt.Fprintf(w, "period: %s (%s undated)\n", period, prose.Count(s.Undated, "link"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	table := func(title string, m map[string]int) {
		fmt.Fprintf(tw, "\n%s\t\n", title)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(tw, "  %s\t%d\n", text(k), m[k])
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
