package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/network"
)

var datasets = []string{
	"../testdata/rich.json",
	"../../examples/liberec/liberec.json",
	"../../examples/steelcityzen/steelcityzen.json",
	"../../examples/jobtown2/jobtown1.json",
	"../../examples/jobtown2/jobtown2.json",
	"../../examples/vratsa/vratsa.json",
}

// sameNetwork compares actors and links.
func sameNetwork(t *testing.T, want, got *network.Network, what string) {
	t.Helper()
	opts := cmp.Options{cmpopts.EquateEmpty()}
	if diff := cmp.Diff(want.Actors(), got.Actors(), opts); diff != "" {
		t.Errorf("%s: actors (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Links(), got.Links(), opts); diff != "" {
		t.Errorf("%s: links (-want +got):\n%s", what, diff)
	}
}

// sheet is one sheet of a test workbook: its name and rows of cells.
type sheet struct {
	name string
	rows [][]any
}

// book writes a workbook of the given sheets, as a spreadsheet would.
func book(t *testing.T, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for r, row := range s.rows {
			cell, err := excelize.CoordinatesToCellName(1, r+1)
			require.NoError(t, err)
			if row != nil {
				require.NoError(t, f.SetSheetRow(s.name, cell, &row))
			}
		}
	}
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

func row(cells ...any) []any { return cells }

func TestRoundTripExamples(t *testing.T) {
	for _, path := range datasets {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, err := encoding.Load(path)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, xlsx.Write(&b, want))
			got, warnings, err := xlsx.ReadWith(bytes.NewReader(b.Bytes()), "out.xlsx", xlsx.Options{})
			require.NoError(t, err)
			require.Empty(t, warnings)
			sameNetwork(t, want, got, path)
		})
	}
}

func TestWriteHeadersAreCSVColumns(t *testing.T) {
	want, err := encoding.Load("../testdata/rich.json")
	require.NoError(t, err)
	var ab, lb, xb bytes.Buffer
	require.NoError(t, encoding.WriteCSV(&ab, &lb, want))
	require.NoError(t, xlsx.Write(&xb, want))
	f, err := excelize.OpenReader(&xb)
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, []string{"Actors", "Links"}, f.GetSheetList())
	for _, c := range []struct {
		sheet string
		csv   string
	}{{"Actors", ab.String()}, {"Links", lb.String()}} {
		rows, err := f.GetRows(c.sheet)
		require.NoError(t, err)
		header := strings.Split(strings.SplitN(c.csv, "\n", 2)[0], ",")
		require.Equal(t, header, rows[0], c.sheet)
	}
}

func TestSaveLoad(t *testing.T) {
	want, err := encoding.Load("../../examples/liberec/liberec.json")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "liberec.xlsx")
	require.NoError(t, xlsx.Save(path, want))
	got, err := xlsx.Load(path)
	require.NoError(t, err)
	require.Equal(t, "liberec", got.Name)
	sameNetwork(t, want, got, path)
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file left behind")
}

func TestReadTakesSpreadsheetHeaders(t *testing.T) {
	b := book(t,
		sheet{"actors", [][]any{
			nil, // a blank row before the header
			row("ID", "Label", "Type", "Target Groups", "Colour"),
			row("kraj", "Liberec Region", "Regional authority", "youth; over-55", "red"),
			nil,
			row("tul", "TUL", "university", "students, staff", ""),
		}},
		sheet{" LINKS ", [][]any{
			row("Source", "Target", "Type", "Amount", "Currency", "Start date", "attrs.note"),
			row("kraj", "tul", "funding", 800000, "CZK", "2012-01", "a grant"),
		}},
	)
	n, warnings, err := xlsx.ReadWith(bytes.NewReader(b), "pact.xlsx", xlsx.Options{})
	require.NoError(t, err)
	kraj, ok := n.Actor("kraj")
	require.True(t, ok)
	require.Equal(t, actor.Actor{ID: "kraj", Name: "Liberec Region", Kind: actor.RegionalAuthority,
		TargetGroups: []string{"youth", "over-55"}, Attrs: map[string]string{"Colour": "red"}}, kraj)
	l := n.Links()[0]
	require.Equal(t, network.Funding, l.Kind)
	require.Equal(t, &network.Money{Amount: 800000, Currency: "CZK"}, l.Money)
	require.Equal(t, "2012-01", l.Start.String())
	require.Equal(t, map[string]string{"note": "a grant"}, l.Attrs)
	require.Len(t, warnings, 2)
	require.Equal(t, "pact.xlsx[actors]:2:5: Colour: column \"Colour\" names no field: read as attribute \"Colour\" (head it \"attrs.Colour\" to say so)", warnings[0].String())
	require.Contains(t, warnings[1].String(), "pact.xlsx[actors]:5:4: Target Groups: \"students, staff\" contains commas")
}

// parseErrors returns the *ParseErrors of a joined error as strings.
func parseErrors(t *testing.T, err error) []string {
	t.Helper()
	require.Error(t, err)
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var pe *encoding.ParseError
		require.True(t, errors.As(e, &pe), "%v is a ParseError", e)
		out = append(out, pe.Error())
	}
	walk(err)
	return out
}

func TestReadErrors(t *testing.T) {
	actorsHeader := row("id", "name", "kind")
	linksHeader := row("from", "to", "kind")
	for _, c := range []struct {
		name   string
		sheets []sheet
		want   []string
		is     error
	}{{
		name:   "no known sheet",
		sheets: []sheet{{"Sheet1", [][]any{actorsHeader}}},
		want:   []string{`book.xlsx: malformed file: missing sheet "Actors" (or "Elements", in Kumu's layout): the workbook has sheets "Sheet1"`},
	}, {
		name:   "missing Links",
		sheets: []sheet{{"Actors", [][]any{actorsHeader}}},
		want:   []string{`book.xlsx: malformed file: missing sheet "Links": the workbook has sheets "Actors"; a network without links needs a sheet "Links" with its header row only (from, to, kind)`},
	}, {
		name:   "empty sheet",
		sheets: []sheet{{"Actors", nil}, {"Links", [][]any{linksHeader}}},
		want:   []string{`book.xlsx[Actors]:1: malformed file: empty sheet: want a header row`},
	}, {
		name:   "missing required column",
		sheets: []sheet{{"Actors", [][]any{row("id", "name")}}, {"Links", [][]any{linksHeader}}},
		want:   []string{`book.xlsx[Actors]:1: kind: malformed file: missing required column "kind" (or type)`},
	}, {
		name:   "missing required link column",
		sheets: []sheet{{"Actors", [][]any{actorsHeader}}, {"Links", [][]any{row("from", "kind")}}},
		want:   []string{`book.xlsx[Links]:1: to: malformed file: missing required column "to" (or target, target id, to id)`},
	}, {
		name: "bad kind with its row",
		sheets: []sheet{
			{"Actors", [][]any{actorsHeader, row("a", "A", "employer"), row("b", "B", "charity"), row("c", "", "")}},
			{"Links", [][]any{linksHeader, row("a", "b", "funding"), row("a", "zz", "funding"), row("a", "c", "funds")}},
		},
		want: []string{
			`book.xlsx[Actors]:3:3: kind: unknown kind "charity" (valid: `,
			`book.xlsx[Actors]:4:3: kind: unknown kind: empty cell in required column`,
			`book.xlsx[Links]:3: link #2 (a -> zz): to "zz": unknown actor`,
			`book.xlsx[Links]:4:3: kind: unknown kind "funds" (valid: `,
		},
		is: actor.ErrUnknownKind,
	}, {
		name: "duplicate column and value without header",
		sheets: []sheet{
			{"Actors", [][]any{row("id", "kind", "Type"), row("a", "employer")}},
			{"Links", [][]any{linksHeader, row("a", "a", "funding", "", "x")}},
		},
		want: []string{
			`book.xlsx[Actors]:1:3: Type: malformed file: column "Type" repeats column "kind"`,
		},
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, err := xlsx.Read(bytes.NewReader(book(t, c.sheets...)), "book.xlsx")
			got := parseErrors(t, err)
			require.Len(t, got, len(c.want), "%q", got)
			for i := range c.want {
				require.True(t, strings.HasPrefix(got[i], c.want[i]), "got  %s\nwant %s", got[i], c.want[i])
			}
			if c.is == nil {
				c.is = encoding.ErrFormat
			}
			require.ErrorIs(t, err, c.is)
		})
	}
}

func TestReadValueWithoutHeader(t *testing.T) {
	b := book(t,
		sheet{"Actors", [][]any{row("id", "kind"), row("a", "employer"), row("b", "employer")}},
		sheet{"Links", [][]any{row("from", "to", "kind"), row("a", "b", "funding", "", "x")}},
	)
	_, err := xlsx.Read(bytes.NewReader(b), "book.xlsx")
	require.Equal(t, []string{"book.xlsx[Links]:2:5: malformed file: a value in column E, which has no header: give the column a header or empty it"}, parseErrors(t, err))
}

func TestReadNotAWorkbook(t *testing.T) {
	_, err := xlsx.Read(strings.NewReader("id,kind\na,employer\n"), "actors.xlsx")
	got := parseErrors(t, err)
	require.Len(t, got, 1)
	require.Contains(t, got[0], "actors.xlsx: malformed file: not an XLSX workbook")
}

func TestReadTooLarge(t *testing.T) {
	b := book(t,
		sheet{"Actors", [][]any{row("id", "kind"), row("a", "employer"), row("b", "employer"), row("c", "employer")}},
		sheet{"Links", [][]any{row("from", "to", "kind")}},
	)
	t.Run("bytes", func(t *testing.T) {
		defer xlsx.SetLimits(int64(len(b)-1), xlsx.MaxUnzipped, xlsx.MaxRows)()
		_, err := xlsx.Read(bytes.NewReader(b), "big.xlsx")
		require.ErrorIs(t, err, xlsx.ErrTooLarge)
		require.ErrorIs(t, err, encoding.ErrTooLarge, "the limit error of every reader")
		require.Equal(t, []string{fmt.Sprintf("big.xlsx: input too large: workbook: over %d bytes, the most a workbook may take", len(b)-1)}, parseErrors(t, err))
	})
	t.Run("rows", func(t *testing.T) {
		defer xlsx.SetLimits(xlsx.MaxSize, xlsx.MaxUnzipped, 3)()
		_, err := xlsx.Read(bytes.NewReader(b), "big.xlsx")
		require.ErrorIs(t, err, xlsx.ErrTooLarge)
		require.Equal(t, []string{"big.xlsx[Actors]:4: input too large: workbook: the sheet has more than 3 rows"}, parseErrors(t, err))
	})
	t.Run("unzipped", func(t *testing.T) {
		defer xlsx.SetLimits(xlsx.MaxSize, 1000, xlsx.MaxRows)()
		_, err := xlsx.Read(bytes.NewReader(b), "big.xlsx")
		require.ErrorIs(t, err, xlsx.ErrTooLarge)
		require.Equal(t, []string{"big.xlsx: input too large: workbook: unzip size exceeds the 1000 bytes limit"}, parseErrors(t, err))
	})
	t.Run("fits", func(t *testing.T) {
		defer xlsx.SetLimits(int64(len(b)), xlsx.MaxUnzipped, 4)()
		n, err := xlsx.Read(bytes.NewReader(b), "big.xlsx")
		require.NoError(t, err)
		require.Equal(t, 3, n.NumActors())
	})
}

func TestWriteRejectsSeparatorInValue(t *testing.T) {
	n := network.New("")
	require.NoError(t, n.AddActor(actor.Actor{ID: "a", Kind: actor.Employer, Sectors: []string{"a;b"}}))
	require.ErrorIs(t, xlsx.Write(&bytes.Buffer{}, n), actor.ErrInvalidText)
}
