package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/report"

	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/network"
)

const analyzeUsage = `usage: labournet analyze [--model FILE] [--format md|json] [--at DATE] [-o OUT] FILE|DIR

Runs every analysis that applies and prints the report: summary figures, how
closely knit the network is, central actors, bottlenecks (the problem points
of cooperation), brokers, communities, funding, the target groups served,
the gaps against a reference model of a regional labour market, and ranked
recommendations with their measured effects, including an optimised set of
links to add.

Flags:
  --model FILE       a reference model (labournet-model/1 JSON) to use instead
                     of the default one; --extend adds it to the default
  --extend           add --model's rules to the default model
  --format md|json   Markdown for reading (default) or JSON with stable keys
  --at DATE          the network as it was on DATE
  --optimize N       links the optimiser may propose (default 3, 0 for none)
  -o OUT             write the report to OUT (through a temporary file)
                     instead of standard output`

func init() {
	register(command{"analyze", "the full report (Markdown or JSON)", analyzeUsage, cmdAnalyze})
}

func cmdAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	modelPath := fs.String("model", "", "")
	extend := fs.Bool("extend", false, "")
	format := fs.String("format", "md", "")
	at := fs.String("at", "", "")
	optimize := fs.Int("optimize", 3, "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "analyze", analyzeUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "analyze", analyzeUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	if *format != "md" && *format != "json" {
		return usageError(stderr, "analyze", analyzeUsage, "--format %q: want md or json", *format)
	}
	if *extend && *modelPath == "" {
		return usageError(stderr, "analyze", analyzeUsage, "--extend needs --model FILE")
	}
	day, err := network.ParseDate(*at)
	if err != nil {
		return usageError(stderr, "analyze", analyzeUsage, "--at: %v", err)
	}
	opt := report.Options{At: day, Optimize: *optimize}
	if *optimize == 0 {
		opt.Optimize = -1
	}
	if *modelPath != "" {
		f, err := os.Open(*modelPath)
		if err != nil {
			fmt.Fprintf(stderr, "labournet analyze: %v\n", err)
			return 1
		}
		m, err := gap.ReadModel(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "labournet analyze: %s: %v\n", *modelPath, err)
			return 1
		}
		if *extend {
			m = gap.DefaultModel().Extend(m)
		}
		opt.Model = m
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	r, err := report.New(context.Background(), n, opt)
	if err != nil {
		fmt.Fprintf(stderr, "labournet analyze: %v\n", err)
		return 1
	}
	write := r.WriteMarkdown
	if *format == "json" {
		write = r.WriteJSON
	}
	if *out == "" {
		err = write(stdout)
	} else {
		err = atomicfile.Write(*out, write)
	}
	if err != nil {
		fmt.Fprintf(stderr, "labournet analyze: %v\n", err)
		return 1
	}
	return 0
}
