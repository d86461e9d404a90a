// Command labournet checks, converts, analyses and draws labour-market actor
// networks stored in the labournet/1 JSON format or as a pair of CSV tables.
//
// Usage:
//
//	labournet COMMAND [flags] ARGS
//
// The commands:
//
//	validate     check a network file and summarise it
//	convert      convert between JSON and the CSV pair
//	metrics      one row of measures per actor (CSV or JSON)
//	bottlenecks  where cooperation hangs on one actor or one link
//	whatif       compare the findings before and after a change
//	diff         what changed between two networks or two dates
//	analyze      the full report (Markdown or JSON)
//	render       draw the network (DOT, SVG, Mermaid) or export it (GraphML, GEXF)
//
// Run "labournet help COMMAND" for a command's flags. Exit status: 0 when
// all went well, 1 when the data has problems, 2 for a usage error.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands returns the subcommands in the order help lists them.
func commands() []command {
	cs := []command{
		{"validate", "check a network file and summarise it", validateUsage, cmdValidate},
		{"convert", "convert between JSON and the CSV pair", convertUsage, cmdConvert},
	}
	return append(cs, extraCommands...)
}

// extraCommands are registered by the files of further commands.
var extraCommands []command

func register(c command) { extraCommands = append(extraCommands, c) }

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run executes the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			if c, ok := find(args[1]); ok {
				fmt.Fprintln(stdout, c.usage)
				return 0
			}
			fmt.Fprintf(stderr, "labournet: unknown command %q\n", args[1])
			return 2
		}
		usage(stdout)
		return 0
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "labournet", version())
		return 0
	}
	c, ok := find(args[0])
	if !ok {
		fmt.Fprintf(stderr, "labournet: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func find(name string) (command, bool) {
	i := slices.IndexFunc(commands(), func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return commands()[i], true
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "labournet analyses labour-market actor networks.")
	fmt.Fprintln(w, "\nUsage: labournet COMMAND [flags] ARGS\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "  version      print the version")
	fmt.Fprintln(w, "\nRun \"labournet help COMMAND\" for a command's flags.")
	fmt.Fprintln(w, "A network is a labournet/1 .json file or a folder with actors.csv and links.csv.")
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// loadNetwork loads a network, printing every problem found; the status is
// 0 on success, 1 when the data has problems.
func loadNetwork(path string, stderr io.Writer) (*network.Network, int) {
	n, err := encoding.Load(path)
	if err != nil {
		printProblems(stderr, err)
		return nil, 1
	}
	return n, 0
}

// printProblems prints each problem of a joined error on its own line and a
// count.
func printProblems(w io.Writer, err error) int {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
	var pe *encoding.ParseError
	if errors.As(err, &pe) {
		s := "s"
		if len(errs) == 1 {
			s = ""
		}
		fmt.Fprintf(w, "%d problem%s found\n", len(errs), s)
	}
	return len(errs)
}

// usageError prints a usage problem and the command's usage.
func usageError(stderr io.Writer, cmd, usage string, format string, args ...any) int {
	fmt.Fprintf(stderr, "labournet %s: %s\n\n%s\n", cmd, fmt.Sprintf(format, args...), usage)
	return 2
}

// writeJSON writes v as indented JSON with non-ASCII text and markup
// characters as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// splitComma splits a comma-separated flag value, dropping empty items.
func splitComma(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
