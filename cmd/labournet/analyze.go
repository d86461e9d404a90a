package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

// reportStages names the stages of report.New, and what their steps
// count, for the progress bar and the message printed when the command is
// interrupted.
var reportStages = map[string][2]string{
	"cohesion":        {"measuring shortest paths", "searches"},
	"betweenness":     {"computing betweenness", "searches"},
	"brokers":         {"finding brokers", "steps"},
	"communities":     {"finding communities", "steps"},
	"gaps":            {"finding gaps", "steps"},
	"recommendations": {"measuring the recommendations", "candidates"},
	"optimiser":       {"optimising the cooperation model", "candidates"},
}

func (a *app) analyzeCmd() *cobra.Command {
	var modelPath, format, at, out, inputFormat string
	var extend, exact bool
	var optimize, approx int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "analyze FILE|DIR|-",
		Short: "The full report (Markdown or JSON)",
		Long: `Runs every analysis that applies and prints the report: summary figures, how
closely knit the network is, central actors, bottlenecks (the problem points
of cooperation), brokers, communities, funding, the target groups served,
the gaps against a reference model of a regional labour market, and ranked
recommendations with their measured effects, including an optimised set of
links to add. The gaps are judged against the built-in model that fits the
network (a regional labour market, or a project consortium when one project
or body holds the network together), or the one --model names. --format json prints the report with stable keys (see
docs/cli/json.md); -o REPORT.md or -o REPORT.json picks the format by the
extension.

Up to 5,000 actors every figure is exact. Above, betweenness and the
distances are estimated from 1,000 source actors drawn at random (500 above
50,000 actors, 250 above 500,000; --approx K draws K), seeded by --seed, and
recommendations answer only the 10 most serious gaps they can (3 above
500,000 actors); the report says so, with the error bound. --exact computes
everything exactly whatever the size, in O(N·L) time: hours at 10^5 actors.
At 10^6 actors and 5·10^6 links the report takes about 70 s and 4.2 GB. Its
Markdown lists the largest items of each long list and counts the rest;
--format json holds them all.`,
		Example: `  labournet analyze examples/liberec/liberec.json
  labournet analyze examples/liberec/liberec.json --format json
  labournet analyze examples/steelcityzen/steelcityzen.json -o steelcityzen.md
  labournet analyze examples/jobtown2/jobtown2.json --at 2017-02 --optimize 0
  labournet analyze examples/steelcityzen/steelcityzen.json --model regional`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	f := cmd.Flags()
	f.StringVar(&modelPath, "model", "", "the reference `MODEL` for gaps: regional, consortium, or a labournet-model/1 JSON file (default: the built-in one that fits the network)")
	f.BoolVar(&extend, "extend", false, "add --model's rules to the regional model")
	addFormatFlag(cmd, &format, "md", []string{"md", "json"}, "output `FORMAT`: md (Markdown, for reading) or json (stable keys)")
	addOutputFlag(cmd, &out)
	f.StringVar(&at, "at", "", "the network as it was on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.IntVar(&optimize, "optimize", 3, "links the optimiser may propose (`N`, 0 for none)")
	f.IntVar(&approx, "approx", 0, "above 5,000 actors, estimate betweenness and distances from `K` sampled source actors (default 1,000, 500 or 250 by size)")
	f.Uint64Var(&seed, "seed", 0, "`SEED` of the sampling and of community detection")
	f.BoolVar(&exact, "exact", false, "every figure exact and every gap answered, whatever the size")
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RegisterFlagCompletionFunc("model", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"regional", "consortium", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := pickFormat(cmd, format, out, map[string]string{".md": "md", ".markdown": "md", ".json": "json"}, "md", []string{"md", "json"})
		if err != nil {
			return err
		}
		if extend && modelPath == "" {
			return usagef("--extend needs --model FILE")
		}
		if optimize < 0 {
			return usagef("--optimize %d: want 0 or more", optimize)
		}
		if approx < 0 {
			return usagef("--approx %d: want a positive number of sources", approx)
		}
		if approx > 0 && exact {
			return usagef("--approx and --exact exclude each other")
		}
		day, err := network.ParseDate(at)
		if err != nil {
			return usagef("--at: %v", err)
		}
		opt := report.Options{At: day, Optimize: optimize, Progress: func(stage string, done, total int) {
			names, ok := reportStages[stage]
			if !ok {
				names = [2]string{stage, "steps"}
			}
			a.act.step(names[0], names[1], done, total)
		}}
		if optimize == 0 {
			opt.Optimize = -1
		}
		opt.Samples, opt.Seed = approx, seed
		if exact {
			opt.ExactUpTo = -1
		}
		if modelPath != "" {
			m, err := a.readModel(modelPath)
			if err != nil {
				return err
			}
			if extend {
				m = gap.DefaultModel().Extend(m)
			}
			opt.Model = m
		}
		o, n, err := a.openAndLoad(out, args[0], inputFormat)
		if err != nil {
			return err
		}
		defer o.abort()
		a.act.set("preparing the network")
		r, err := report.New(cmd.Context(), n, opt)
		if err == nil {
			if format == "json" {
				err = r.WriteJSON(o)
			} else {
				err = r.WriteMarkdown(o)
			}
		}
		return o.finish(cmd.Context(), err)
	})
	return cmd
}

// readModel returns the built-in model a name names (regional, consortium),
// or reads a model file.
func (a *app) readModel(name string) (*gap.Model, error) {
	switch name {
	case "regional":
		return gap.DefaultModel(), nil
	case "consortium":
		return gap.ConsortiumModel(), nil
	}
	a.act.set("reading " + name)
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := gap.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}
