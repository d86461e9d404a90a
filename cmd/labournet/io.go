package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// stdinName names standard input in messages.
const stdinName = "<stdin>"

// inputFormats are the values of --input-format.
var inputFormats = []string{"json", "csv", "graphml"}

// loadNetwork reads the network at path: a file or CSV folder as
// encoding.Load reads it, or, for "-", standard input. With inputFormat
// ("json", "csv" or "graphml") the file or standard input is read in that
// format; without, standard input's format is sniffed from its first bytes.
// Problems of the data are a problemsError (every problem printed), others
// a failure in plain words.
func (a *app) loadNetwork(path, inputFormat string) (*network.Network, error) {
	if path == "-" {
		a.act.set("reading standard input")
		if a.stdinTTY && !a.quiet {
			fmt.Fprintln(a.stderr, "labournet: reading the network from standard input (the terminal); end it with Ctrl-D, or give a FILE")
		}
		return a.readStream(a.stdin, stdinName, inputFormat)
	}
	a.act.set("reading " + path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, &failure{err}
	}
	if inputFormat != "" && !st.IsDir() {
		f, err := encoding.OpenRegular(path, a.limits)
		if err != nil {
			return nil, dataErr(err)
		}
		defer f.Close()
		n, err := a.readStream(f, path, inputFormat)
		if n != nil && n.Name == "" {
			n.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		}
		return n, err
	}
	if st.IsDir() {
		if _, err := os.Stat(filepath.Join(path, encoding.ActorsFile)); errors.Is(err, fs.ErrNotExist) {
			return nil, &failure{fmt.Errorf("%s is a folder without %s: a network folder holds %s and %s",
				path, encoding.ActorsFile, encoding.ActorsFile, encoding.LinksFile)}
		}
	}
	var n *network.Network
	var notes []string
	if a.mapping != "" && strings.EqualFold(filepath.Ext(path), ".xlsx") {
		m, err := mapping.Load(a.mapping)
		if err != nil {
			return nil, dataErr(err)
		}
		var warns []xlsx.Warning
		n, warns, err = xlsx.LoadWith(path, xlsx.Options{Mapping: m})
		for _, w := range warns {
			notes = append(notes, w.String())
		}
		if err != nil {
			return nil, dataErr(err)
		}
	} else {
		n, notes, err = encoding.LoadNotes(path, a.limits)
		if err != nil {
			return nil, dataErr(err)
		}
	}
	a.printNotes(notes)
	return n, nil
}

// printNotes writes the readers' notes on standard error, unless --quiet:
// what a file held that was kept but should be known (an unknown column
// kept as an attribute, a list written with commas).
func (a *app) printNotes(notes []string) {
	if a.quiet {
		return
	}
	for i, note := range notes {
		if a.maxProblems > 0 && i == a.maxProblems {
			fmt.Fprintf(a.stderr, "note: … and %d more notes\n", len(notes)-i)
			break
		}
		fmt.Fprintf(a.stderr, "note: %s\n", clean(note))
	}
}

// dataErr makes a reader's error a problemsError when it lists problems of
// the data, a failure otherwise.
func dataErr(err error) error {
	var pe *encoding.ParseError
	if errors.As(err, &pe) {
		return &problemsError{err}
	}
	return &failure{err}
}

// readStream reads a network in the given format, or in the one its first
// bytes show: "{" JSON, "<" GraphML, anything else CSV.
func (a *app) readStream(r io.Reader, name, format string) (*network.Network, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if format == "" {
		format = sniff(br)
	}
	var n *network.Network
	var err error
	switch format {
	case "json":
		n, err = encoding.ReadJSONWith(br, name, a.limits)
	case "graphml":
		var notes []string
		n, notes, err = graphml.ReadLimited(br, name, a.limits)
		a.printNotes(notes)
	case "csv":
		n, err = a.readCSVStream(br, name)
	default: // checked by the root command's PersistentPreRunE
		return nil, usagef("--input-format %s: want %s", quote(format), strings.Join(inputFormats, ", "))
	}
	if err != nil {
		return nil, dataErr(err)
	}
	if n.Name == "" && name == stdinName {
		n.Name = "standard input"
	}
	return n, nil
}

// sniff tells the format of a stream from its first bytes, after a UTF-8
// byte-order mark and white space.
func sniff(br *bufio.Reader) string {
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(head) == 0:
		return "json" // reports an empty input as such
	case head[0] == '{':
		return "json"
	case head[0] == '<':
		return "graphml"
	}
	return "csv"
}

// readCSVStream reads the CSV pair from one stream: the actors table, then,
// optionally, the links table with its own header row, as
// `cat actors.csv links.csv` gives them. Problems of the links table name
// the stream and the line within it.
func (a *app) readCSVStream(r io.Reader, name string) (*network.Network, error) {
	data, err := io.ReadAll(encoding.LimitReader(r, a.limits))
	if err != nil {
		return nil, err
	}
	actors, links := splitCSVTables(data)
	const linksMark = "\x00links"
	var lr io.Reader
	if links != nil {
		lr = bytes.NewReader(links)
	}
	n, warns, err := encoding.ReadCSVWith(bytes.NewReader(actors), lr, name, name+linksMark, encoding.CSVOptions{Limits: a.limits})
	var notes []string
	for _, w := range warns {
		notes = append(notes, strings.ReplaceAll(w.String(), name+linksMark, name))
	}
	a.printNotes(notes)
	if err != nil {
		offset := bytes.Count(actors, []byte("\n"))
		for _, e := range problems(err) {
			var pe *encoding.ParseError
			if errors.As(e, &pe) && pe.File == name+linksMark {
				pe.File = name
				if pe.Line > 0 {
					pe.Line += offset
				}
			}
		}
		return nil, err
	}
	return n, nil
}

// splitCSVTables splits one CSV stream before the first row after the
// first that is a links table header (see isLinksHeader), read with the
// first delimiter of ',', ';' and tab that finds one, as the CSV reader
// detects it for each table. links is nil when there is no such row.
func splitCSVTables(data []byte) (actors, links []byte) {
	for _, comma := range []rune{',', ';', '\t'} {
		if actors, links := splitCSVTablesAt(data, comma); links != nil {
			return actors, links
		}
	}
	return data, nil
}

func splitCSVTablesAt(data []byte, comma rune) (actors, links []byte) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var start int64
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return data, nil
			}
			start = cr.InputOffset()
			continue
		}
		if i > 0 && isLinksHeader(rec) {
			return data[:start], data[start:]
		}
		start = cr.InputOffset()
	}
}

// isLinksHeader reports a header row of a links table: every non-empty
// cell names a link field (by its name or an alias, in any case) or an
// attribute, "from" and "to" among them.
func isLinksHeader(rec []string) bool {
	names := schema.Names(schema.Link)
	var from, to bool
	for _, c := range rec {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
		if _, ok := schema.AttrName(c); ok || c == "" {
			continue
		}
		name, ok := schema.Canonical(c, names)
		if !ok {
			return false
		}
		from = from || name == "from"
		to = to || name == "to"
	}
	return from && to
}

// output is where a command writes its result: standard output, or a file
// written through a temporary file in its folder that is renamed into place
// only when the command succeeds. Commands open it before their work, so
// that a path that cannot be written is reported at once, and close it with
// finish.
type output struct {
	a       *app
	path    string // "" for standard output
	f       *atomicfile.File
	w       *bufio.Writer
	started bool
}

// openAndLoad opens the output named by -o, then reads the network at
// path: a bad output path fails before a large file is read. On success
// the caller defers o.abort.
func (a *app) openAndLoad(out, path, inputFormat string) (*output, *network.Network, error) {
	o, err := a.openOutput(out)
	if err != nil {
		return nil, nil, err
	}
	n, err := a.loadNetwork(path, inputFormat)
	if err != nil {
		o.abort()
		return nil, nil, err
	}
	return o, n, nil
}

// openOutput opens the output named by -o: standard output for "" or "-".
func (a *app) openOutput(path string) (*output, error) {
	if path == "" || path == "-" {
		return &output{a: a, w: bufio.NewWriterSize(a.stdout, 64<<10)}, nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, &failure{fmt.Errorf("cannot write %s: it is a folder", path)}
	}
	f, err := atomicfile.Create(path)
	if err != nil {
		dir := filepath.Dir(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			err = fmt.Errorf("cannot write %s: no such folder: %s", path, dir)
		case errors.Is(err, fs.ErrPermission):
			err = fmt.Errorf("cannot write %s: permission denied in %s", path, dir)
		default:
			err = fmt.Errorf("cannot write %s: %v", path, errors.Unwrap(err))
		}
		return nil, &failure{err}
	}
	return &output{a: a, path: path, f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

// Write buffers p. The first write ends the work before it: the progress
// bar is cleared, so that it never mixes with what is written.
func (o *output) Write(p []byte) (int, error) {
	if !o.started {
		o.started = true
		if o.f != nil {
			o.a.act.set("writing " + o.path)
		} else {
			o.a.act.set("writing to standard output")
		}
	}
	return o.w.Write(p)
}

// finish completes the output when the work succeeded (err nil) and was not
// cancelled: it flushes standard output, or renames the file into place.
// Otherwise it drops what was buffered, removes the temporary file and
// returns the error.
func (o *output) finish(ctx context.Context, err error) error {
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		o.abort()
		return err
	}
	if err := o.w.Flush(); err != nil {
		o.abort()
		return err
	}
	if o.f != nil {
		if err := o.f.Commit(); err != nil {
			return fmt.Errorf("cannot write %s: %v", o.path, err)
		}
	}
	return nil
}

// abort removes the temporary file, if any; it does nothing once finished.
func (o *output) abort() {
	if o.f != nil {
		o.f.Abort()
	}
}

// pickFormat returns a command's output format: --format when given, else
// the one -o's extension names (exts maps ".svg" to "svg"), else def. A
// format outside valid is a usage error; so is no format at all when def is
// "".
func pickFormat(cmd *cobra.Command, format, out string, exts map[string]string, def string, valid []string) (string, error) {
	if !cmd.Flags().Changed("format") {
		format = def
		if f, ok := exts[strings.ToLower(filepath.Ext(out))]; ok && out != "-" {
			format = f
		}
	}
	if format == "" {
		if ext := filepath.Ext(out); ext != "" && out != "-" {
			return "", usagef("-o %s: the extension %s names no format: give --format (%s), or an -o with one of the extensions %s",
				out, quote(ext), strings.Join(valid, ", "), strings.Join(extList(exts), ", "))
		}
		return "", usagef("--format is required: give one of %s, or -o FILE with one of the extensions %s",
			strings.Join(valid, ", "), strings.Join(extList(exts), ", "))
	}
	if !slices.Contains(valid, format) {
		return "", usagef("--format %s: want %s%s", quote(format), strings.Join(valid, ", "), didYouMean(format, valid))
	}
	return format, nil
}

func extList(exts map[string]string) []string {
	var out []string
	for e := range exts {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// Flag helpers shared by the commands.

func addOutputFlag(cmd *cobra.Command, out *string) {
	cmd.Flags().StringVarP(out, "output", "o", "", "write to `FILE` (through a temporary file, renamed into place when complete) instead of standard output; - is standard output")
}

func addInputFormatFlag(cmd *cobra.Command, f *string) {
	cmd.Flags().StringVar(f, "input-format", "", "read the network as `FORMAT` (json, csv or graphml); by default a file's form follows its path and standard input's is sniffed from its first bytes")
	cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(inputFormats, cobra.ShellCompDirectiveNoFileComp))
}

func addFormatFlag(cmd *cobra.Command, f *string, def string, valid []string, usage string) {
	cmd.Flags().StringVarP(f, "format", "f", def, usage)
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(valid, cobra.ShellCompDirectiveNoFileComp))
}

// addJSONFlag adds the --json flag of earlier versions, as a hidden
// synonym of --format json.
func addJSONFlag(cmd *cobra.Command, asJSON *bool) {
	cmd.Flags().BoolVar(asJSON, "json", false, "same as --format json")
	cmd.Flags().MarkHidden("json")
}

// textOrJSON is pickFormat for the commands that write text or JSON, with
// the hidden --json standing for --format json.
func textOrJSON(cmd *cobra.Command, format string, asJSON bool, out string) (string, error) {
	if asJSON {
		cmd.Flags().Set("format", "json")
		format = "json"
	}
	return pickFormat(cmd, format, out, map[string]string{".json": "json", ".txt": "text"}, "text", []string{"text", "json"})
}

// networkArgs checks that a command got n positional arguments, naming
// them in the error, and completes them as network files.
func networkArgs(cmd *cobra.Command, names ...string) {
	cmd.Args = func(_ *cobra.Command, args []string) error {
		if len(args) != len(names) {
			return usagef("want %s, got %d argument%s", strings.Join(names, " and "), len(args), plural(len(args)))
		}
		return nil
	}
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= len(names) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return []cobra.Completion{"json", "graphml"}, cobra.ShellCompDirectiveFilterFileExt
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// splitComma splits comma-separated flag values, dropping empty items.
func splitComma(values ...string) []string {
	var out []string
	for _, s := range values {
		for _, f := range strings.Split(s, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}
