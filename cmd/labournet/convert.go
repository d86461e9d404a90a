package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/labournet/labournet/encoding"
)

const convertUsage = `usage: labournet convert IN OUT

Converts a network between the labournet/1 JSON format, GraphML and the CSV
pair (actors.csv and links.csv in a folder): the form of each side follows
its path (a .json or .graphml file, or a folder). OUT is written through temporary files, so
a failed conversion leaves what was there before. IN must be valid: its
problems are printed and nothing is written.`

func cmdConvert(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "convert", convertUsage, "%v", err)
	}
	if fs.NArg() != 2 {
		return usageError(stderr, "convert", convertUsage, "want IN and OUT, got %d arguments", fs.NArg())
	}
	in, out := fs.Arg(0), fs.Arg(1)
	if a, b := abs(in), abs(out); a == b {
		return usageError(stderr, "convert", convertUsage, "IN and OUT are the same path")
	}
	n, code := loadNetwork(in, stderr)
	if code != 0 {
		return code
	}
	if err := encoding.Save(out, n); err != nil {
		fmt.Fprintf(stderr, "labournet convert: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d actors, %d links\n", out, n.NumActors(), n.NumLinks())
	return 0
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
