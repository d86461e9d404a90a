package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/eu"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
)

func (a *app) importCmd() *cobra.Command {
	var out, merges, nearFile, name, from, to string
	var f eu.Filter
	var showPreset bool
	cmd := &cobra.Command{
		Use:   "import SOURCE INPUT...",
		Short: "Import EU programme data (CORDIS, Kohesio, Erasmus+, a mapping file)",
		Long: `Reads the participation data that the EU publishes for its programmes and
writes the two-mode network it describes: organisations, projects, and the
programmes and funds that pay for them (see docs/IMPORT.md).

SOURCE is a preset, or a labournet-mapping/1 file with a "participations"
table (and optionally a "projects" table) for a layout with no preset, such
as an Interreg list of operations:
  cordis   CORDIS project data (Horizon Europe, H2020, FP7): a folder holding
           organization.csv and project.csv (project.csv may be missing), or
           the files themselves
  kohesio  Kohesio's project exports (ERDF, ESF+, CF, JTF), one CSV per
           country and period
  erasmus  Erasmus+ project lists and Project Results Platform exports
Each INPUT is a CSV file (',', ';' or tab), an .xlsx workbook or a folder.
--show-preset prints a preset's mapping, a start for a mapping of one's own.

Participations are merged into organisations by the source's organisation
ID, else VAT number, else normalised name and country. Near-duplicates left
apart are counted on standard error and listed with --near-duplicates FILE;
a merges file (--merges, labournet-merges/1) forces or refuses merges.

The filters keep projects by programme, call, topic and period, and an area
by country or NUTS code: the projects with a participant in the area, with
their partners elsewhere marked "outside" (--strict drops them).

OUT is any file convert writes (.json, .graphml, a folder for CSV), or - for
JSON on standard output; it is written through a temporary file.`,
		Example: `  labournet import cordis examples/eu-programme/cordis -o h2020.json
  labournet import cordis examples/eu-programme/cordis --nuts CZ05 -o region.json --near-duplicates near.json
  labournet import cordis examples/eu-programme/cordis/organization.csv examples/eu-programme/cordis/project.csv --programme "Horizon 2020" --from 2018 -o out.graphml
  labournet import kohesio encoding/eu/testdata/kohesio/CZ-pp21-27-20260924.csv --country CZ -o cz.json
  labournet import encoding/eu/testdata/interreg/mapping.json encoding/eu/testdata/interreg/list_of_operations.xlsx -o interreg.json
  labournet import cordis --show-preset > my-mapping.json`,
	}
	cmd.Args = func(_ *cobra.Command, args []string) error {
		if showPreset {
			if len(args) != 1 {
				return usagef("--show-preset wants SOURCE only, a preset: %s", strings.Join(eu.Presets(), ", "))
			}
			return nil
		}
		if len(args) < 2 {
			return usagef("want SOURCE and at least one INPUT, got %d argument%s", len(args), plural(len(args)))
		}
		return nil
	}
	fl := cmd.Flags()
	addOutputFlag(cmd, &out)
	fl.StringVar(&merges, "merges", "", "read the user's merge decisions from `FILE` (labournet-merges/1)")
	fl.StringVar(&nearFile, "near-duplicates", "", "write the near-duplicates and the merges made to `FILE` (JSON)")
	fl.StringSliceVar(&f.Programmes, "programme", nil, "keep projects of `PROGRAMME` (repeat or separate with commas)")
	fl.StringSliceVar(&f.Calls, "call", nil, "keep projects whose call starts with `CALL`")
	fl.StringSliceVar(&f.Topics, "topic", nil, "keep projects with a topic starting with `TOPIC`")
	fl.StringSliceVar(&f.Countries, "country", nil, "keep the area of `CC` (ISO 3166-1 code)")
	fl.StringSliceVar(&f.NUTS, "nuts", nil, "keep the area of the NUTS regions starting with `CODE` (CZ05)")
	fl.StringVar(&from, "from", "", "keep projects running on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&to, "to", "", "keep projects running on or before `DATE`")
	fl.BoolVar(&f.Strict, "strict", false, "keep only the area's organisations, not their partners elsewhere")
	fl.StringVar(&name, "name", "", "the network's `NAME` (default: the layout's title)")
	fl.BoolVar(&showPreset, "show-preset", false, "print the preset's mapping file and exit")
	cmd.RegisterFlagCompletionFunc("programme", cobra.NoFileCompletions)
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return eu.Presets(), cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveDefault
	}
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		if showPreset {
			b := eu.PresetMapping(args[0])
			if b == nil {
				return usagef("no preset %s: want %s", quote(args[0]), strings.Join(eu.Presets(), ", "))
			}
			_, err := a.stdout.Write(b)
			return err
		}
		if out == "" {
			return usagef("-o OUT is required: a .json or .graphml file, a folder for the CSV pair, or - for standard output")
		}
		var err error
		for _, d := range []struct {
			flag, v string
			to      *network.Date
		}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
			if d.v == "" {
				continue
			}
			if *d.to, err = network.ParseDate(d.v); err != nil {
				return usagef("%s %s: want YYYY, YYYY-MM or YYYY-MM-DD", d.flag, quote(d.v))
			}
		}
		layout, err := a.importLayout(args[0])
		if err != nil {
			return err
		}
		opt := eu.Options{Filter: f, Name: name, Limits: a.limits}
		if merges != "" {
			if opt.Merges, err = eu.LoadMerges(merges); err != nil {
				return dataErr(err)
			}
		}
		a.act.set("importing " + strings.Join(args[1:], ", "))
		res, err := eu.Import(cmd.Context(), layout, args[1:], opt)
		if err != nil {
			if os.IsNotExist(err) {
				return &failure{err}
			}
			return dataErr(err)
		}
		warn := make([]string, 0, len(res.Warnings)+len(res.Notes)+2)
		for _, w := range res.Warnings {
			warn = append(warn, w.String())
		}
		warn = append(warn, res.Notes...)
		if len(res.Merges) > 0 {
			warn = append(warn, fmt.Sprintf("%s merged into others by VAT number, name or the merges file", prose.Count(len(res.Merges), "organisation")))
		}
		if k := len(res.NearDuplicates); k > 0 {
			hint := "list them with --near-duplicates FILE"
			if nearFile != "" {
				hint = "listed in " + nearFile
			}
			warn = append(warn, fmt.Sprintf("%s of organisations may be one (%s; decide in a merges file)", prose.Count(k, "pair"), hint))
		}
		a.printNotes(warn)
		if nearFile != "" {
			if err := writeNear(nearFile, res); err != nil {
				return &failure{fmt.Errorf("cannot write %s: %w", nearFile, err)}
			}
		}
		n := res.Network
		if out == "-" {
			o, _ := a.openOutput("-")
			return o.finish(cmd.Context(), encoding.WriteJSON(o, n))
		}
		a.act.set("writing " + out)
		if err := encoding.Save(out, n); err != nil {
			return fmt.Errorf("cannot write %s: %w", out, err)
		}
		if !a.quiet {
			fmt.Fprintf(a.stdout, "wrote %s: %s (%s, %s), %s from %s\n", out, prose.Count(n.NumActors(), "actor"),
				prose.Count(countKind(n, true), "organisation"), prose.Count(countKind(n, false), "project"),
				prose.Count(n.NumLinks(), "link"), prose.Count(res.Rows, "participation row"))
		}
		return nil
	})
	return cmd
}

// importLayout returns the layout SOURCE names: a preset, or a mapping file.
func (a *app) importLayout(source string) (*eu.Layout, error) {
	if l, err := eu.Preset(source); err == nil {
		return l, nil
	}
	if _, err := os.Stat(source); err != nil {
		return nil, usagef("SOURCE %s is no preset (%s) and no mapping file", quote(source), strings.Join(eu.Presets(), ", "))
	}
	m, err := mapping.Load(source)
	if err != nil {
		return nil, dataErr(err)
	}
	l, err := eu.FromMapping(m)
	if err != nil {
		return nil, &failure{err}
	}
	return l, nil
}

// countKind counts the organisations (orgs true) or the projects of an
// imported network.
func countKind(n *network.Network, orgs bool) int {
	c := 0
	for _, a := range n.AllActors() {
		isProject := a.Kind == actor.Project
		isOrg := !isProject && a.Kind != actor.Programme && a.Kind != actor.Fund
		if orgs && isOrg || !orgs && isProject {
			c++
		}
	}
	return c
}

// writeNear writes the near-duplicates and merges of an import as JSON.
func writeNear(path string, res *eu.Result) error {
	type pair struct {
		A       string `json:"a"`
		B       string `json:"b"`
		NameA   string `json:"nameA"`
		NameB   string `json:"nameB"`
		Country string `json:"country,omitempty"`
		Reason  string `json:"reason"`
	}
	type merge struct {
		Into string `json:"into"`
		From string `json:"from"`
		By   string `json:"by"`
	}
	doc := struct {
		NearDuplicates []pair  `json:"nearDuplicates"`
		Merges         []merge `json:"merges"`
	}{[]pair{}, []merge{}}
	for _, d := range res.NearDuplicates {
		doc.NearDuplicates = append(doc.NearDuplicates, pair{d.A, d.B, d.NameA, d.NameB, d.Country, d.Reason})
	}
	for _, m := range res.Merges {
		doc.Merges = append(doc.Merges, merge{m.Into, m.From, m.By})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}
