// Package mapping reads a mapping file: a small JSON file that says how the
// columns and values of somebody else's spreadsheet (a Google Sheets or Kumu
// export, a table kept by a project team) become the columns and values of
// labournet's actors and links tables, so that the spreadsheet loads without
// being edited by hand.
//
// A mapping file holds one object:
//
//	{
//	  "format": "labournet-mapping/1",
//	  "actors": {
//	    "sheet": "Orgs",
//	    "columns": {"Org name": "name", "Org ID": "id", "Category": "kind", "Notes": "attrs.notes", "Row colour": ""},
//	    "values": {"kind": {"Foundation": "fund", "Company": "employer"}}
//	  },
//	  "links": {
//	    "sheet": "Ties",
//	    "columns": {"Source": "from", "Target": "to", "Relation": "kind", "Mode": "direction"},
//	    "values": {"kind": {"funds": "funding"}, "direction": {"mutual": "undirected"}}
//	  }
//	}
//
// "format" is required and must be "labournet-mapping/1"; "actors" and
// "links" are optional and so is each of their members. Unknown members are
// errors.
//
//   - "sheet" names the worksheet of a workbook that holds the table
//     (matched without regard to case); empty means the reader's default
//     ("Actors" and "Links", or Kumu's "Elements" and "Connections", see
//     package encoding/xlsx). It has no meaning for CSV.
//   - "columns" maps a header of the spreadsheet (matched without regard to
//     case and surrounding space) to a field of the table ("id", "name",
//     "kind", "money.amount"... as in the CSV header; the CSV aliases and
//     spellings such as "Target groups" are taken and stored as the field
//     name), to an attribute "attrs.KEY", or to "" to ignore the column.
//     Columns the mapping does not name are read as they are, so a
//     mapping only needs the headers that differ from ours.
//   - "values" maps, for a field or attribute (named as a target of
//     "columns" is), the text of a cell (matched without regard to case and
//     surrounding space) to the text to read instead. Cells whose text the
//     map does not hold are read as they are.
//
// A target that names no field, or a value that the field would not take
// ("kind": {"Foundation": "charity"}), is an error naming the mapping file,
// the place in it and the reason, as a *encoding.ParseError (the same type,
// package internal/fileerr) wrapping encoding.ErrFormat or the sentinel of
// package actor or network.
//
// Table.Apply applies one table's mapping to a header row and then to each
// row, for any reader of rows: the XLSX reader of package
// encoding/xlsx uses them, and a CSV reader can.
package mapping

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
)

// Format is the value of a mapping file's "format" member.
const Format = "labournet-mapping/1"

// MaxSize bounds a mapping file, in bytes.
const MaxSize = 1 << 20

// Mapping is a parsed mapping file.
type Mapping struct {
	// File is the mapping file's path, as given to Parse or Load.
	File string
	// Actors and Links map the two tables; either may be nil, which
	// maps nothing.
	Actors, Links *Table
	// Participations and Projects map the tables of a publisher's export
	// of programme data for the importer of package encoding/eu: one row
	// per participation of an organisation in a project, and one row per
	// project. Either may be nil.
	Participations, Projects *Table
}

// Table is the mapping of one table. Its methods may be called on a nil
// *Table, which maps nothing.
type Table struct {
	// Sheet is the worksheet holding the table, "" for the default.
	Sheet string
	// Columns maps a source header, as written in the file, to a target:
	// a field name, "attrs.KEY", or "" to ignore the column.
	Columns map[string]string
	// Values maps a target to the map from source cell text, as written
	// in the file, to the text read instead.
	Values map[string]map[string]string
	// Defaults maps a target to the text read when the table has no such
	// column or its cell is empty (the programme of a list of operations
	// that names it only in its title). Only the tables of an import
	// (Participations, Projects) take defaults.
	Defaults map[string]string

	fields   []string                     // the table's field names
	prefixes []string                     // the heads of attribute targets
	cols     map[string]string            // key(source) → target
	patterns []pattern                    // sources with "{n}"
	vals     map[string]map[string]string // target → key(source) → text
}

// pattern is a source column that repeats: "Partner {n} name" names
// "Partner 1 name", "Partner 2 name"...
type pattern struct {
	re     *regexp.Regexp
	target string
}

// match returns the target and the number of a header that one of the
// table's patterns names.
func (t *Table) match(header string) (target string, n int, ok bool) {
	k := key(header)
	for _, p := range t.patterns {
		if m := p.re.FindStringSubmatch(k); m != nil {
			n, _ = strconv.Atoi(m[1])
			return p.target, n, true
		}
	}
	return "", 0, false
}

// Group returns the number that a header matched by a repeating column
// ("Partner {n} name") gives to "{n}" ("Partner 12 name" gives 12), and 0
// for any other header.
func (t *Table) Group(header string) int {
	if t == nil {
		return 0
	}
	if _, ok := t.cols[key(header)]; ok {
		return 0
	}
	_, n, _ := t.match(header)
	return n
}

// key is the form in which source headers and values are compared.
func key(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Load reads the mapping file at path.
func Load(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}

type fileJSON struct {
	Format         string     `json:"format"`
	Actors         *tableJSON `json:"actors"`
	Links          *tableJSON `json:"links"`
	Participations *tableJSON `json:"participations"`
	Projects       *tableJSON `json:"projects"`
}

type tableJSON struct {
	Sheet    string                       `json:"sheet"`
	Columns  map[string]string            `json:"columns"`
	Values   map[string]map[string]string `json:"values"`
	Defaults map[string]string            `json:"defaults"`
}

// Parse reads a mapping file from r; file names it in errors. It returns
// every problem found, joined, each a *fileerr.ParseError.
func Parse(r io.Reader, file string) (*Mapping, error) {
	p := &fileerr.List{File: file}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		p.Add(0, 0, "", fmt.Errorf("%w: a mapping file is at most %d bytes", fileerr.ErrFormat, MaxSize))
		return nil, p.Err()
	}
	var raw fileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		p.Add(fileerr.JSONLine(data, err), 0, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
		return nil, p.Err()
	}
	if dec.More() {
		p.Add(0, 0, "", fmt.Errorf("%w: text after the mapping object", fileerr.ErrFormat))
	}
	if raw.Format != Format {
		p.Add(0, 0, "format", fmt.Errorf("%w: format %q: want %q", fileerr.ErrFormat, raw.Format, Format))
	}
	m := &Mapping{File: file}
	attrs := []string{schema.AttrPrefix}
	if raw.Actors != nil {
		m.Actors = newTable(raw.Actors, "actors", schema.Actor, attrs, p)
	}
	if raw.Links != nil {
		m.Links = newTable(raw.Links, "links", schema.Link, attrs, p)
	}
	if raw.Participations != nil {
		m.Participations = newTable(raw.Participations, "participations", textFields(schema.ParticipationFields), schema.ImportAttrPrefixes, p)
	}
	if raw.Projects != nil {
		m.Projects = newTable(raw.Projects, "projects", textFields(schema.ProjectFields), schema.ImportAttrPrefixes, p)
	}
	if p.Len() > 0 {
		return nil, p.Err()
	}
	return m, nil
}

// importRow stands for a row of an import table, whose fields are all
// text that the importer reads.
type importRow struct{}

// textFields returns a field table of names whose values are any text.
func textFields(names []string) []schema.Field[importRow] {
	out := make([]schema.Field[importRow], len(names))
	for i, n := range names {
		out[i] = schema.Field[importRow]{Name: n, Type: schema.String,
			Set: func(*importRow, string) error { return nil }}
	}
	return out
}

// target returns the canonical form of a target: a field name or an
// attribute (one of prefixes, such as "attrs.", then its key); ok is false
// when it names neither.
func target(s string, fields, prefixes []string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, pre := range prefixes {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			return pre + s[len(pre):], true
		}
	}
	return schema.Canonical(s, fields)
}

// Target returns the field or attribute (see Table.Apply) that a header
// names in this table, after the table's own renaming, and whether it
// names one.
func (t *Table) Target(header string) (string, bool) {
	if t == nil {
		return "", false
	}
	if to, ok := t.cols[key(header)]; ok {
		return to, to != ""
	}
	if to, _, ok := t.match(header); ok {
		return to, to != ""
	}
	return target(header, t.fields, t.prefixes)
}

func newTable[T any](raw *tableJSON, name string, table []schema.Field[T], prefixes []string, p *fileerr.List) *Table {
	fields := schema.Names(table)
	t := &Table{Sheet: strings.TrimSpace(raw.Sheet), Columns: raw.Columns, Values: raw.Values,
		fields: fields, prefixes: prefixes, cols: map[string]string{}, vals: map[string]map[string]string{}}
	bad := func(path string, format string, args ...any) {
		p.Add(0, 0, path, fmt.Errorf("%w: "+format, append([]any{fileerr.ErrFormat}, args...)...))
	}
	byName := map[string]schema.Field[T]{}
	for _, f := range table {
		byName[f.Name] = f
	}
	attrHint := strings.Join(prefixes, "KEY, ") + "KEY"
	targetHint := func() string {
		return fmt.Sprintf("want one of %s, %s or \"\" to ignore the column", strings.Join(fields, ", "), attrHint)
	}
	seenSrc := map[string]string{}
	for _, src := range sortedKeys(raw.Columns) {
		to := raw.Columns[src]
		path := fmt.Sprintf("%s.columns[%q]", name, src)
		k := key(src)
		if k == "" {
			bad(path, "empty column name")
			continue
		}
		if first, dup := seenSrc[k]; dup {
			bad(path, "column %q is mapped twice (also as %q)", src, first)
			continue
		}
		seenSrc[k] = src
		var re *regexp.Regexp
		if strings.Contains(k, "{n}") {
			if strings.Count(k, "{n}") > 1 {
				bad(path, "column %q holds \"{n}\" more than once", src)
				continue
			}
			before, after, _ := strings.Cut(k, "{n}")
			re = regexp.MustCompile("^" + regexp.QuoteMeta(before) + `\s*([0-9]+)\s*` + regexp.QuoteMeta(after) + "$")
		}
		if strings.TrimSpace(to) == "" {
			if re != nil {
				t.patterns = append(t.patterns, pattern{re, ""})
			} else {
				t.cols[k] = ""
			}
			continue
		}
		c, ok := target(to, fields, prefixes)
		if !ok {
			hint := ""
			if s := schema.Suggest(to, fields); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			bad(path, "target %q names no field of the %s%s: %s", to, name, hint, targetHint())
			continue
		}
		if re != nil {
			t.patterns = append(t.patterns, pattern{re, c})
			continue
		}
		t.cols[k] = c
	}
	for _, tgt := range sortedKeys(raw.Values) {
		path := fmt.Sprintf("%s.values[%q]", name, tgt)
		c, ok := target(tgt, fields, prefixes)
		if !ok {
			bad(path, "%q names no field of the %s: want one of %s or %s", tgt, name, strings.Join(fields, ", "), attrHint)
			continue
		}
		if _, dup := t.vals[c]; dup {
			bad(path, "values for %q are given twice", c)
			continue
		}
		vm := map[string]string{}
		for _, src := range sortedKeys(raw.Values[tgt]) {
			to := raw.Values[tgt][src]
			vpath := fmt.Sprintf("%s[%q]", path, src)
			k := key(src)
			if _, dup := vm[k]; dup {
				bad(vpath, "value %q is mapped twice", src)
				continue
			}
			if f, isField := byName[c]; isField && to != "" {
				var el T
				if err := f.Set(&el, to); err != nil {
					p.Add(0, 0, vpath, fmt.Errorf("value %q: %w", to, err))
					continue
				}
			} else if isField && f.Required {
				p.Add(0, 0, vpath, fmt.Errorf("%w: empty value for required field %q", f.Missing, c))
				continue
			}
			vm[k] = to
		}
		t.vals[c] = vm
	}
	if len(raw.Defaults) > 0 && !slices.Equal(prefixes, schema.ImportAttrPrefixes) {
		bad(name+".defaults", "only the tables of an import (participations, projects) take defaults")
	}
	t.Defaults = map[string]string{}
	for _, tgt := range sortedKeys(raw.Defaults) {
		c, ok := target(tgt, fields, prefixes)
		if !ok {
			bad(fmt.Sprintf("%s.defaults[%q]", name, tgt), "%q names no field of the %s: want one of %s or %s", tgt, name, strings.Join(fields, ", "), attrHint)
			continue
		}
		t.Defaults[c] = raw.Defaults[tgt]
	}
	return t
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Apply applies the mapping to a table whose header row is header: it
// returns the header with the columns the mapping names renamed to their
// targets ("" for an ignored column; the others are kept as they are), and
// a function that maps the cells of each following row in place: the cells
// of ignored columns become "", and the cells of a column whose target
// (after renaming, and after matching field names and aliases as readers
// do) has a value map are replaced when the map holds their text. Cells
// past the end of header are left alone. It does not change header.
func (t *Table) Apply(header []string) (renamed []string, row func([]string)) {
	renamed = slices.Clone(header)
	if t == nil {
		return renamed, func([]string) {}
	}
	ignore := make([]bool, len(header))
	vals := make([]map[string]string, len(header))
	for i, h := range header {
		to, ok := t.cols[key(h)]
		if !ok {
			to, _, ok = t.match(h)
		}
		if ok {
			renamed[i] = to
			ignore[i] = to == ""
		} else if c, ok := target(h, t.fields, t.prefixes); ok {
			to = c
		}
		vals[i] = t.vals[to]
	}
	return renamed, func(cells []string) {
		for i := range min(len(header), len(cells)) {
			switch {
			case ignore[i]:
				cells[i] = ""
			case vals[i] != nil:
				if v, ok := vals[i][key(cells[i])]; ok {
					cells[i] = v
				}
			}
		}
	}
}
