package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
)

func (a *app) convertCmd() *cobra.Command {
	var format, inputFormat string
	var excel bool
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert between JSON, GraphML and the CSV pair",
		Long: `Converts a network between the labournet/1 JSON format, GraphML and the CSV
pair (actors.csv and links.csv in a folder): the form of each side follows
its path (a .json or .graphml file, or a folder). OUT is written through
temporary files, so a failed conversion leaves what was there before. IN
must be valid: its problems are printed and nothing is written.

IN may be - for standard input (--input-format, or sniffed), and OUT - for
standard output, in the form --format gives (json by default). The CSV pair
on a stream is the actors table followed by the links table, each with its
header row, as "cat actors.csv links.csv" gives them, separated by commas,
semicolons or tabs.

--excel writes the CSV pair of a folder OUT for spreadsheets such as Excel
on Windows: each table starts with a UTF-8 byte-order mark, so that letters
such as "ý" or "ł" show as written, and cells are separated by ';', as
spreadsheets expect where ',' is the decimal comma. Every command reads such
a pair as it reads any other.`,
		Example: `  labournet convert examples/liberec/liberec.json liberec-tables
  labournet convert liberec-tables liberec.graphml
  labournet convert examples/liberec/liberec.json liberec-excel --excel
  labournet convert examples/liberec/liberec.json - --format csv
  cat examples/liberec/liberec.json | labournet convert - liberec.graphml`,
	}
	cmd.Args = func(_ *cobra.Command, args []string) error {
		if len(args) != 2 {
			return usagef("want IN and OUT, got %d argument%s", len(args), plural(len(args)))
		}
		return nil
	}
	addFormatFlag(cmd, &format, "json", []string{"json", "graphml", "csv"}, "the `FORMAT` of OUT when it is - (standard output): json, graphml or csv")
	addInputFormatFlag(cmd, &inputFormat)
	cmd.Flags().BoolVar(&excel, "excel", false, "write the CSV pair for Excel: UTF-8 byte-order mark and ';' between cells")
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		in, out := args[0], args[1]
		if in != "-" && out != "-" && abs(in) == abs(out) {
			return usagef("IN and OUT are the same path")
		}
		if cmd.Flags().Changed("format") && out != "-" {
			return usagef("--format applies to OUT - only; a file's form follows its path (.json, .graphml, or a folder for CSV)")
		}
		if excel && !isCSVFolder(out) {
			return usagef("--excel applies to a folder OUT (the CSV pair) only, not to %s", quote(out))
		}
		format, err := pickFormat(cmd, format, "", nil, "json", []string{"json", "graphml", "csv"})
		if err != nil {
			return err
		}
		n, err := a.loadNetwork(in, inputFormat)
		if err != nil {
			return err
		}
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		if out == "-" {
			o, _ := a.openOutput("-")
			switch format {
			case "json":
				err = encoding.WriteJSON(o, n)
			case "graphml":
				err = graphml.Write(o, n)
			case "csv":
				err = encoding.WriteCSV(o, o, n)
			}
			return o.finish(cmd.Context(), err)
		}
		a.act.set("writing " + out)
		save := encoding.Save
		if excel {
			save = saveExcel
		}
		if err := save(out, n); err != nil {
			return fmt.Errorf("cannot write %s: %w", out, err)
		}
		if !a.quiet {
			fmt.Fprintf(a.stdout, "wrote %s: %s, %s\n", out, prose.Count(n.NumActors(), "actor"), prose.Count(n.NumLinks(), "link"))
		}
		return nil
	})
	return cmd
}

// isCSVFolder reports whether encoding.Save writes the CSV pair to path: a
// folder, or a path without extension.
func isCSVFolder(path string) bool {
	if path == "-" {
		return false
	}
	if st, err := os.Stat(path); err == nil {
		return st.IsDir()
	}
	return filepath.Ext(path) == ""
}

// saveExcel writes n as the CSV pair for spreadsheets in folder dir, as
// encoding.Save writes it otherwise: through temporary files renamed into
// place once both are complete.
func saveExcel(dir string, n *network.Network) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	paths := []string{filepath.Join(dir, encoding.ActorsFile), filepath.Join(dir, encoding.LinksFile)}
	return atomicfile.WriteAll(paths, func(w []io.Writer) error {
		return encoding.WriteCSVWith(w[0], w[1], n, encoding.CSVOptions{Excel: true})
	})
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
