package encoding

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// The reference tables the spreadsheet variants below must read as.
const (
	refActors = "id,name,kind,targetGroups,attrs.note\n" +
		"tul,Technical University of Liberec,university,youth; over-55,\"a, b\"\n" +
		"lk,Liberecký kraj,regional-authority,,\n"
	refLinks = "from,to,kind,start,end,money.amount,money.currency\n" +
		"lk,tul,funding,2012-09,2013,800000,CZK\n"
)

func readCSVStrings(t *testing.T, actors, links string, opt CSVOptions) (*network.Network, []Warning, error) {
	t.Helper()
	var lr *strings.Reader
	if links != "" {
		lr = strings.NewReader(links)
	}
	if lr == nil {
		return ReadCSVWith(strings.NewReader(actors), nil, "actors.csv", "links.csv", opt)
	}
	return ReadCSVWith(strings.NewReader(actors), lr, "actors.csv", "links.csv", opt)
}

func TestReadCSVDetectsTheDelimiter(t *testing.T) {
	want, err := ReadCSV(strings.NewReader(refActors), strings.NewReader(refLinks), "a", "l")
	require.NoError(t, err)
	tests := []struct {
		reason        string
		actors, links string
	}{
		{"the reference itself, with commas", refActors, refLinks},
		{"';' with a BOM, as a Czech, Polish or Bulgarian spreadsheet saves it",
			"\uFEFFid;name;kind;targetGroups;attrs.note\n" +
				"tul;Technical University of Liberec;university;\"youth; over-55\";a, b\n" +
				"lk;Liberecký kraj;regional-authority;;\n",
			"\uFEFFfrom;to;kind;start;end;money.amount;money.currency\n" +
				"lk;tul;funding;2012-09;2013;800000;CZK\n"},
		{"tab with a BOM, as 'Unicode text' exports",
			"\uFEFFid\tname\tkind\ttargetGroups\tattrs.note\n" +
				"tul\tTechnical University of Liberec\tuniversity\tyouth; over-55\ta, b\n" +
				"lk\tLiberecký kraj\tregional-authority\t\t\n",
			"\uFEFFfrom\tto\tkind\tstart\tend\tmoney.amount\tmoney.currency\n" +
				"lk\ttul\tfunding\t2012-09\t2013\t800000\tCZK\n"},
		{"';' with CRLF line ends and no BOM",
			"id;name;kind;targetGroups;attrs.note\r\n" +
				"tul;Technical University of Liberec;university;\"youth; over-55\";a, b\r\n" +
				"lk;Liberecký kraj;regional-authority;;\r\n",
			"from;to;kind;start;end;money.amount;money.currency\r\n" +
				"lk;tul;funding;2012-09;2013;800000;CZK\r\n"},
		{"headers as people type them: ID, Name, Type, target groups, source, target, start date",
			"\uFEFFID;Name;Type;target groups;attrs.note\n" +
				"tul;Technical University of Liberec;university;\"youth; over-55\";a, b\n" +
				"lk;Liberecký kraj;regional-authority;;\n",
			"Source;Target;TYPE;Start date;end_date;Amount;Currency\n" +
				"lk;tul;funding;2012-09;2013;800000;CZK\n"},
		{"headers trimmed, in any case, with '_' and '-' between words",
			" Id , LABEL ,kind,Target_Groups,attrs.note\n" +
				"tul,Technical University of Liberec,university,youth; over-55,\"a, b\"\n" +
				"lk,Liberecký kraj,regional-authority,,\n",
			"From ID,to-id,Kind,START,End,Money.Amount,money_currency\n" +
				"lk,tul,funding,2012-09,2013,800000,CZK\n"},
		{"one table with ';', the other with ',': each table is detected on its own",
			"id;name;kind;targetGroups;attrs.note\n" +
				"tul;Technical University of Liberec;university;\"youth; over-55\";a, b\n" +
				"lk;Liberecký kraj;regional-authority;;\n",
			refLinks},
		{"a ',' header whose attribute keys hold ';': the required columns win, not the most cells",
			"id,name,kind,targetGroups,attrs.note,attrs.a;attrs.b;attrs.c;attrs.d;attrs.e;attrs.f;attrs.g;attrs.h\n" +
				"tul,Technical University of Liberec,university,youth; over-55,\"a, b\",\n" +
				"lk,Liberecký kraj,regional-authority,,,\n",
			refLinks},
	}
	for _, tt := range tests {
		got, warnings, err := readCSVStrings(t, tt.actors, tt.links, CSVOptions{})
		require.NoError(t, err, tt.reason)
		require.Empty(t, warnings, tt.reason)
		sameNetwork(t, want, got, tt.reason)
	}
}

func TestReadCSVHeaders(t *testing.T) {
	const links = "from,to,kind\n"
	tests := []struct {
		reason   string
		actors   string
		want     actor.Actor
		warnings []string // the warnings' texts, in order
	}{
		{"aliases of the brief", "ID;Name;Type;target groups\na;A;school;\"youth; over-55\"\n",
			actor.Actor{ID: "a", Name: "A", Kind: actor.School, TargetGroups: []string{"youth", "over-55"}}, nil},
		{"singular list names", "id,kind,sector,skill,theme,target group\na,school,it,digital,jobs,youth\n",
			actor.Actor{ID: "a", Kind: actor.School, Sectors: []string{"it"}, Skills: []string{"digital"}, Themes: []string{"jobs"}, TargetGroups: []string{"youth"}}, nil},
		{"an unknown column is kept as an attribute under its header as written, with a warning",
			"id,kind, Colour \na,school,red\n",
			actor.Actor{ID: "a", Kind: actor.School, Attrs: map[string]string{"Colour": "red"}},
			[]string{`actors.csv:1:9: Colour: column "Colour" names no field: read as attribute "Colour" (head it "attrs.Colour" to say so)`}},
		{"a misspelt field is kept too, and the warning suggests the field",
			"id,kind,sectros\na,school,it\n",
			actor.Actor{ID: "a", Kind: actor.School, Attrs: map[string]string{"sectros": "it"}},
			[]string{`actors.csv:1:9: sectros: column "sectros" names no field: read as attribute "sectros" (head it "attrs.sectros" to say so; did you mean "sectors"?)`}},
		{"attrs. in any case; the key keeps its case", "id,kind,ATTRS.Colour\na,school,red\n",
			actor.Actor{ID: "a", Kind: actor.School, Attrs: map[string]string{"Colour": "red"}}, nil},
		{"a link field in the actors table is an attribute there", "id,kind,weight\na,school,3\n",
			actor.Actor{ID: "a", Kind: actor.School, Attrs: map[string]string{"weight": "3"}},
			[]string{`actors.csv:1:9: weight: column "weight" names no field: read as attribute "weight" (head it "attrs.weight" to say so)`}},
		{"empty trailing columns, as spreadsheets leave them, are no columns", "id,kind,,\na,school,,\n",
			actor.Actor{ID: "a", Kind: actor.School}, nil},
	}
	for _, tt := range tests {
		n, warnings, err := readCSVStrings(t, tt.actors, links, CSVOptions{})
		require.NoError(t, err, tt.reason)
		a, ok := n.Actor("a")
		require.True(t, ok, tt.reason)
		if diff := cmp.Diff(tt.want, a); diff != "" {
			t.Errorf("%s: actor (-want +got):\n%s", tt.reason, diff)
		}
		var texts []string
		for _, w := range warnings {
			texts = append(texts, w.String())
		}
		require.Equal(t, tt.warnings, texts, tt.reason)
	}
}

func TestReadCSVHeaderErrors(t *testing.T) {
	tests := []struct {
		reason string
		actors string
		place  string
		text   string
	}{
		{"an alias repeating its field", "id,kind,ID\na,school,b\n", "actors.csv:1:9: ID", `column "ID" repeats column "id"`},
		{"a column and its attribute", "id,kind,colour,attrs.colour\na,school,red,blue\n", "actors.csv:1:16: attrs.colour", `repeats column "colour"`},
		{"a missing required column names its aliases", "id,name\na,A\n", "actors.csv:1: kind", `missing required column "kind" (or type)`},
		{"attrs. without a key", "id,kind,attrs.\na,school,x\n", "actors.csv:1:9: attrs.", "names no attribute"},
		{"a value under a column without a header", "id,kind,\na,school,x\n", "actors.csv:2:10", "column 3, which has no header"},
	}
	for _, tt := range tests {
		n, _, err := readCSVStrings(t, tt.actors, "from,to,kind\n", CSVOptions{})
		require.Nil(t, n, tt.reason)
		require.ErrorIs(t, err, ErrFormat, tt.reason)
		require.ErrorContains(t, err, tt.place, tt.reason)
		require.ErrorContains(t, err, tt.text, tt.reason)
	}
}

func TestReadCSVWarnsOfCommaLists(t *testing.T) {
	tests := []struct {
		reason        string
		actors, links string
		want          []string // the warnings' texts
	}{
		{"a quoted comma list in a ',' file",
			"id,kind,targetGroups\na,school,\"youth, over-55\"\nb,ngo,youth\n", "from,to,kind\n",
			[]string{`actors.csv:2:10: targetGroups: "youth, over-55" contains commas but no ';': read as one value; separate values with ';'`}},
		{"an unquoted comma list in a ';' file, under an alias",
			"id;kind;Target Groups;sectors\na;school;youth, over-55;it, trade\n", "from,to,kind\n",
			[]string{
				`actors.csv:2:10: Target Groups: "youth, over-55" contains commas but no ';': read as one value; separate values with ';'`,
				`actors.csv:2:25: sectors: "it, trade" contains commas but no ';': read as one value; separate values with ';'`,
			}},
		{"the target groups of a link",
			"id,kind\na,school\nb,ngo\n", "from;to;kind;targetGroups\na;b;cooperation;youth, NEET\n",
			[]string{`links.csv:2:17: targetGroups: "youth, NEET" contains commas but no ';': read as one value; separate values with ';'`}},
		{"a list with ';' may hold commas in a value",
			"id,kind,themes\na,school,\"jobs, skills; training\"\n", "from,to,kind\n", nil},
		{"a comma in a text field is no list",
			"id,kind,name\na,school,\"Smith, Jones and Co\"\n", "from,to,kind\n", nil},
	}
	for _, tt := range tests {
		n, warnings, err := readCSVStrings(t, tt.actors, tt.links, CSVOptions{})
		require.NoError(t, err, tt.reason)
		var texts []string
		for _, w := range warnings {
			texts = append(texts, w.String())
		}
		require.Equal(t, tt.want, texts, tt.reason)
		if tt.want != nil && strings.HasPrefix(tt.want[0], "actors.csv") {
			a, _ := n.Actor("a")
			require.Len(t, a.TargetGroups, 1, "%s: the cell is read as one value", tt.reason)
		}
	}
}

func TestReadCSVCapsRepeatedWarnings(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,kind,skills\n")
	for i := range 25 {
		b.WriteString("a" + strings.Repeat("x", i) + ",school,\"reading, writing\"\n")
	}
	_, warnings, err := readCSVStrings(t, b.String(), "from,to,kind\n", CSVOptions{})
	require.NoError(t, err)
	require.Len(t, warnings, maxReports+1, "ten warnings of a column, then one that counts the rest")
	require.Equal(t, "actors.csv: skills: 15 more warnings like these", warnings[maxReports].String())
}

func TestReadCSVInvalidUTF8(t *testing.T) {
	const actors = "id,kind\na,school\nb,ngo\n"
	tests := []struct {
		reason        string
		actors, links string
		file          string
		line, column  int
		path          string
	}{
		{"an id in Windows-1250, as an old Czech spreadsheet saves it", "id,kind\nLibereck\xfd,school\n", "", "actors.csv", 2, 1, "id"},
		{"a name", "id;kind;name\na;school;Libereck\xfd kraj\n", "", "actors.csv", 2, 10, "name"},
		{"a header", "id,kind,n\xe1zev\na,school,x\n", "", "actors.csv", 1, 9, ""},
		{"an attribute", "id,kind,attrs.x\na,school,\"q\xff\"\n", "", "actors.csv", 2, 10, "attrs.x"},
		{"a link end", actors, "from,to,kind\na,\xc3,cooperation\n", "links.csv", 2, 3, "to"},
	}
	for _, tt := range tests {
		links := tt.links
		if links == "" {
			links = "from,to,kind\n"
		}
		n, _, err := readCSVStrings(t, tt.actors, links, CSVOptions{})
		require.Nil(t, n, tt.reason)
		require.ErrorIs(t, err, ErrFormat, tt.reason)
		require.ErrorContains(t, err, "invalid UTF-8", tt.reason)
		var pe *ParseError
		require.True(t, errors.As(err, &pe), tt.reason)
		require.Equal(t, ParseError{File: tt.file, Line: tt.line, Column: tt.column, Path: tt.path}, ParseError{File: pe.File, Line: pe.Line, Column: pe.Column, Path: pe.Path}, tt.reason)
	}
}

func TestReadCSVInvalidUTF8IsCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,kind,name\n")
	for i := range 30 {
		b.WriteString("a" + strings.Repeat("x", i) + ",school,Libereck\xfd kraj\n")
	}
	_, _, err := readCSVStrings(t, b.String(), "from,to,kind\n", CSVOptions{})
	errs := flatten(err)
	require.Len(t, errs, maxReports+1, "a file that is not UTF-8 gives ten errors and a count, not one per cell")
	require.ErrorContains(t, errs[maxReports], "20 more cells with invalid UTF-8")
}

func TestWriteCSVExcel(t *testing.T) {
	for _, path := range datasets {
		n := readFile(t, path)
		var a, l bytes.Buffer
		require.NoError(t, WriteCSVWith(&a, &l, n, CSVOptions{Excel: true}), path)
		for name, table := range map[string]string{"actors": a.String(), "links": l.String()} {
			require.True(t, strings.HasPrefix(table, "\uFEFF"), "%s %s: starts with the UTF-8 byte-order mark", path, name)
			head, _, _ := strings.Cut(strings.TrimPrefix(table, "\uFEFF"), "\n")
			require.True(t, strings.HasPrefix(head, "id;"), "%s %s: ';' between cells: %q", path, name, head)
			require.NotContains(t, head, ",", "%s %s", path, name)
		}
		back, warnings, err := ReadCSVWith(&a, &l, "actors.csv", "links.csv", CSVOptions{})
		require.NoError(t, err, path)
		require.Empty(t, warnings, path)
		sameNetwork(t, n, back, path+" via the Excel pair")

		// The pair in a folder, as convert --excel writes it, loads.
		dir := t.TempDir()
		a.Reset()
		l.Reset()
		require.NoError(t, WriteCSVWith(&a, &l, n, CSVOptions{Excel: true}))
		require.NoError(t, os.WriteFile(filepath.Join(dir, ActorsFile), a.Bytes(), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, LinksFile), l.Bytes(), 0o644))
		sameNetwork(t, n, readFile(t, dir), path+" via an Excel folder")
	}
}

func TestWriteCSVIsWriteCSVWithoutOptions(t *testing.T) {
	for _, path := range datasets {
		n := readFile(t, path)
		var a1, l1, a2, l2 bytes.Buffer
		require.NoError(t, WriteCSV(&a1, &l1, n))
		require.NoError(t, WriteCSVWith(&a2, &l2, n, CSVOptions{}))
		require.Equal(t, a1.String(), a2.String(), path)
		require.Equal(t, l1.String(), l2.String(), path)
		require.True(t, strings.HasPrefix(a1.String(), "id,name,kind,"), "%s: no BOM, ',' between cells", path)
		require.True(t, strings.HasPrefix(l1.String(), "id,from,to,kind,"), path)
	}
}

func TestCSVOptionsComma(t *testing.T) {
	n := readFile(t, "testdata/rich.json")
	var a, l bytes.Buffer
	require.NoError(t, WriteCSVWith(&a, &l, n, CSVOptions{Comma: '|'}))
	require.True(t, strings.HasPrefix(a.String(), "id|name|kind|"), "Comma chooses the delimiter")
	back, _, err := ReadCSVWith(&a, &l, "a", "l", CSVOptions{Comma: '|'})
	require.NoError(t, err, "a delimiter detection does not know is read when given")
	sameNetwork(t, n, back, "'|' pair")

	// A forced delimiter is not second-guessed: a ';' file read with ','
	// has one unknown column and no kind.
	_, _, err = readCSVStrings(t, "id;kind\na;school\n", "from,to,kind\n", CSVOptions{Comma: ','})
	require.ErrorContains(t, err, `missing required column "kind"`)

	for _, c := range []rune{'"', '\n', '\r', 0xFFFD, -1} {
		require.Error(t, WriteCSVWith(&a, &l, n, CSVOptions{Comma: c}), "%q", c)
		_, _, err := ReadCSVWith(strings.NewReader(""), nil, "a", "l", CSVOptions{Comma: c})
		require.Error(t, err, "%q", c)
	}
}

// flatten returns the errors errors.Join joined, at any depth.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func TestCSVAliasesRead(t *testing.T) {
	// Every alias the package documentation lists reads as its field, in a
	// table that has the field and no field of the alias's own name.
	tests := []struct {
		reason, actors, links string
	}{
		{"actor aliases", "Identifier;Label;Type;Sector;Target group;Skill;Theme\na;A;school;it;youth;digital;jobs\nb;B;ngo;;;;\n",
			"Source ID;Target ID;type;Amount;Currency;Ceiling;Start date;End date\na;b;funding;100;EUR;yes;2012;2013\n"},
		{"link end aliases; Label is a link's own label", "id,kind\na,school\nb,ngo\n", "from id,to id,kind,Label\na,b,cooperation,grant\n"},
	}
	for _, tt := range tests {
		n, warnings, err := readCSVStrings(t, tt.actors, tt.links, CSVOptions{})
		require.NoError(t, err, tt.reason)
		require.Empty(t, warnings, tt.reason)
		require.Equal(t, 1, n.NumLinks(), tt.reason)
	}
	n, _, err := readCSVStrings(t, tests[1].actors, tests[1].links, CSVOptions{})
	require.NoError(t, err)
	require.Equal(t, "grant", n.Links()[0].Label)
	n, _, err = readCSVStrings(t, tests[0].actors, tests[0].links, CSVOptions{})
	require.NoError(t, err)
	a, _ := n.Actor("a")
	require.Equal(t, actor.Actor{ID: "a", Name: "A", Kind: actor.School, Sectors: []string{"it"}, TargetGroups: []string{"youth"}, Skills: []string{"digital"}, Themes: []string{"jobs"}}, a)
	l := n.Links()[0]
	require.Equal(t, &network.Money{Amount: 100, Currency: "EUR", Ceiling: true}, l.Money)
	require.Equal(t, network.Date{Year: 2013}, l.End)
}
