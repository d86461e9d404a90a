package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/generate"
	"github.com/labournet/labournet/internal/prose"
)

func (a *app) generateCmd() *cobra.Command {
	var out string
	var opt generate.Options
	cmd := &cobra.Command{
		Use:   "generate -o OUT",
		Short: "Generate a synthetic labour-market network",
		Long: `Writes a synthetic labour-market network, seeded and deterministic: the
same flags always give the same file, byte for byte. It serves as a null
model to compare a real network with, and as test data of any size from 100
to 10,000,000 actors.

The network spreads over --countries countries of --regions regions each
(coded like NUTS regions, "CZ001"). Every country has a national authority
and a programme, every region a regional authority, a labour office, an
employment pact and a skills committee; two EU funds and two international
programmes pay for the projects. A tenth of the actors (--project-share) are
projects; the rest are organisations, employers the majority, then schools,
municipalities, NGOs, training providers and others, in illustrative
proportions. Projects have a lead and partners (2 and a heavy tail, up to 60;
about 5 on average) drawn mostly from the lead's region, a grant in EUR, and
dates from 2014 to 2026 with a status as of 2025-01-01. Cooperation and
service links, mostly within a region, bring the links to --links-per-actor
(5) per actor. The model is described in full in the documentation of the Go
package github.com/labournet/labournet/generate.

OUT is a .json file, or - for standard output (JSON): JSON is streamed as
it is generated, in little memory whatever the size. A .graphml, .gexf or
.xlsx file, or a folder for the CSV pair, is written from the whole network
built in memory (about 1.5 GiB per million actors). OUT is written through a
temporary file, renamed into place when complete.

Other commands read at most 750,000 actors and links by default: give them
--max-elements -1 (and --max-bytes -1) for a network of more than about
125,000 actors.`,
		Example: `  labournet generate --actors 1000 --seed 1 -o synthetic.json
  labournet generate --actors 100000 --countries 5 --seed 7 -o synthetic.graphml
  labournet generate --actors 500 -o synthetic-tables
  labournet generate --actors 20000 --links-per-actor 3 -o big.json
  labournet generate --actors 200 -o - | labournet metrics -`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("generate takes no arguments, got %s; give the output with -o", quote(args[0]))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&opt.Actors, "actors", generate.DefaultActors, fmt.Sprintf("generate `N` actors (%d to %d)", generate.MinActors, generate.MaxActors))
	f.Uint64Var(&opt.Seed, "seed", 0, "seed the random source with `S`: the same seed gives the same network")
	f.IntVar(&opt.Countries, "countries", 0, "spread the actors over `C` countries (default: one per 20,000 actors, 1 to 27)")
	f.IntVar(&opt.RegionsPerCountry, "regions", 0, "give each country `R` regions (default: one per 1,000 actors of a country, 2 to 9)")
	f.Float64Var(&opt.ProjectShare, "project-share", generate.DefaultProjectShare, "make this `SHARE` of the actors projects (above 0, at most 0.5)")
	f.Float64Var(&opt.LinksPerActor, "links-per-actor", generate.DefaultLinksPerActor, "generate `K` links per actor (1 to 50)")
	f.StringVar(&opt.Name, "name", "", "name the network `NAME` (default: \"synthetic labour market (N actors, seed S)\")")
	addOutputFlag(cmd, &out)
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		ctx := cmd.Context()
		stream := out == "" || out == "-" || strings.EqualFold(filepath.Ext(out), ".json")
		if !stream && !isCSVFolder(out) {
			switch strings.ToLower(filepath.Ext(out)) {
			case ".graphml", ".gexf", ".xlsx":
			default:
				return usagef("-o %s: the extension %s names no format: give a .json, .graphml, .gexf or .xlsx file, a folder for the CSV pair, or - for standard output",
					out, quote(filepath.Ext(out)))
			}
		}
		a.act.set(fmt.Sprintf("generating %s", prose.Count(max(opt.Actors, 0), "actor")))
		if stream {
			o, err := a.openOutput(out)
			if err != nil {
				return err
			}
			err = generate.Write(ctxWriter{ctx, o}, opt)
			if err := o.finish(ctx, optionsErr(err)); err != nil {
				return err
			}
			if o.path != "" && !a.quiet {
				fmt.Fprintf(a.stdout, "wrote %s: %s, seed %d\n", out, prose.Count(opt.Actors, "actor"), opt.Seed)
			}
			return nil
		}
		n, err := generate.Network(opt)
		if err != nil {
			return optionsErr(err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		a.act.set("writing " + out)
		if err := encoding.Save(out, n); err != nil {
			return fmt.Errorf("cannot write %s: %w", out, err)
		}
		if !a.quiet {
			fmt.Fprintf(a.stdout, "wrote %s: %s, %s, seed %d\n", out, prose.Count(n.NumActors(), "actor"), prose.Count(n.NumLinks(), "link"), opt.Seed)
		}
		return nil
	})
	return cmd
}

// optionsErr turns an error of generate's options into a usage error naming
// the flag ("--actors 50: want 100 to 10000000"); other errors pass as they
// are.
func optionsErr(err error) error {
	if !errors.Is(err, generate.ErrOptions) {
		return err
	}
	msg := strings.TrimPrefix(err.Error(), "generate: ")
	msg = strings.Replace(msg, ": "+generate.ErrOptions.Error(), "", 1)
	for _, r := range [][2]string{
		{"Options.Actors", "--actors"}, {"Options.Countries", "--countries"},
		{"Options.RegionsPerCountry", "--regions"}, {"Options.ProjectShare", "--project-share"},
		{"Options.LinksPerActor", "--links-per-actor"}, {"Options.Name", "--name"},
	} {
		if strings.HasPrefix(msg, r[0]+" ") {
			return usagef("%s", r[1]+strings.TrimPrefix(msg, r[0]))
		}
	}
	return usagef("%s", msg)
}

// ctxWriter stops a long write when ctx is cancelled (Ctrl-C).
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
