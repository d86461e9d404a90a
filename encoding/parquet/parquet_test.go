package parquet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	pq "github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name   string
		opt    Options
		reason string
	}{
		{"default", Options{}, "one row group per file"},
		{"groups-of-1", Options{RowGroupRows: 1}, "a row group per row: rows cross flushes intact"},
		{"groups-of-2", Options{RowGroupRows: 2}, "a last partial row group"},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := testnet.Tricky(t)
			dir := t.TempDir()
			require.NoError(t, WriteWith(dir, n, c.opt), c.reason)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			require.Len(t, entries, 2, "only the two files, no temporary file left")
			got, err := Read(dir)
			require.NoError(t, err, c.reason)
			require.Equal(t, "tricky", got.Name)
			opts := cmp.Options{cmpopts.EquateEmpty()}
			if d := cmp.Diff(n.Actors(), got.Actors(), opts); d != "" {
				t.Errorf("%s: actors (-want +got):\n%s", c.reason, d)
			}
			if d := cmp.Diff(n.Links(), got.Links(), opts); d != "" {
				t.Errorf("%s: links (-want +got):\n%s", c.reason, d)
			}
			if c.opt.RowGroupRows > 0 {
				f := open(t, filepath.Join(dir, EdgesFile))
				want := (n.NumLinks() + c.opt.RowGroupRows - 1) / c.opt.RowGroupRows
				require.Len(t, f.RowGroups(), want, "row groups bounded by RowGroupRows")
			}
		})
	}
}

func open(t *testing.T, path string) *pq.File {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	f, err := pq.OpenFile(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	return f
}

// vertex and edge are the rows as a reader that knows nothing of labournet
// sees them, decoded by parquet-go's own struct reader.
type vertex struct {
	ID           string            `parquet:"id"`
	Name         *string           `parquet:"name,optional"`
	Kind         string            `parquet:"kind"`
	Level        *string           `parquet:"level,optional"`
	Country      *string           `parquet:"country,optional"`
	Region       *string           `parquet:"region,optional"`
	Aggregate    bool              `parquet:"aggregate"`
	Count        *int64            `parquet:"count,optional"`
	Sectors      []string          `parquet:"sectors,optional,list"`
	TargetGroups []string          `parquet:"targetGroups,optional,list"`
	Skills       []string          `parquet:"skills,optional,list"`
	Themes       []string          `parquet:"themes,optional,list"`
	Attrs        map[string]string `parquet:"attrs,optional"`
}

type edge struct {
	Src           string            `parquet:"src"`
	Dst           string            `parquet:"dst"`
	Relationship  string            `parquet:"relationship"`
	ID            *string           `parquet:"id,optional"`
	Direction     *string           `parquet:"direction,optional"`
	Role          *string           `parquet:"role,optional"`
	Label         *string           `parquet:"label,optional"`
	Weight        *float64          `parquet:"weight,optional"`
	MoneyAmount   *float64          `parquet:"money_amount,optional"`
	MoneyCurrency *string           `parquet:"money_currency,optional"`
	MoneyCeiling  bool              `parquet:"money_ceiling"`
	Cadence       *string           `parquet:"cadence,optional"`
	Start         *string           `parquet:"start,optional"`
	End           *string           `parquet:"end,optional"`
	Status        *string           `parquet:"status,optional"`
	TargetGroups  []string          `parquet:"targetGroups,optional,list"`
	Evidence      *string           `parquet:"evidence,optional"`
	Attrs         map[string]string `parquet:"attrs,optional"`
}

func ptr[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

// TestReadWithParquetGo reads both files with parquet-go's generic reader
// into plain structs and compares every column with the input network.
func TestReadWithParquetGo(t *testing.T) {
	n := testnet.Tricky(t)
	dir := t.TempDir()
	require.NoError(t, Write(dir, n))
	vs, err := pq.ReadFile[vertex](filepath.Join(dir, VerticesFile))
	require.NoError(t, err)
	var want []vertex
	for _, a := range n.Actors() {
		want = append(want, vertex{ID: a.ID, Name: ptr(a.Name), Kind: a.Kind.String(), Level: ptr(a.Level.String()),
			Country: ptr(a.Country), Region: ptr(a.Region), Aggregate: a.Aggregate, Count: ptr(int64(a.Count)),
			Sectors: a.Sectors, TargetGroups: a.TargetGroups, Skills: a.Skills, Themes: a.Themes, Attrs: a.Attrs})
	}
	if d := cmp.Diff(want, vs, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("vertices (-want +got):\n%s", d)
	}
	es, err := pq.ReadFile[edge](filepath.Join(dir, EdgesFile))
	require.NoError(t, err)
	var wantE []edge
	for _, l := range n.Links() {
		e := edge{Src: l.From, Dst: l.To, Relationship: l.Kind.String(), ID: ptr(l.ID), Direction: ptr(l.Direction.String()),
			Role: ptr(l.Role), Label: ptr(l.Label), Weight: ptr(l.Weight), Cadence: ptr(l.Cadence.String()),
			Start: ptr(l.Start.String()), End: ptr(l.End.String()), Status: ptr(l.Status.String()),
			TargetGroups: l.TargetGroups, Evidence: ptr(l.Evidence), Attrs: l.Attrs}
		if l.Money != nil {
			amount := l.Money.Amount
			e.MoneyAmount, e.MoneyCurrency, e.MoneyCeiling = &amount, ptr(l.Money.Currency), l.Money.Ceiling
		}
		wantE = append(wantE, e)
	}
	if d := cmp.Diff(wantE, es, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("edges (-want +got):\n%s", d)
	}
}

// TestColumnsCoverSchema checks that every field of the table has a
// column, so that a field added to the model reaches Parquet.
func TestColumnsCoverSchema(t *testing.T) {
	cols := map[string]bool{}
	for _, p := range actorColumns.schema.Columns() {
		cols[p[0]] = true
	}
	for _, f := range schema.Actor {
		require.True(t, cols[ColumnName(f.Name)], "actor field %s", f.Name)
	}
	require.True(t, cols["attrs"])
	cols = map[string]bool{}
	for _, p := range linkColumns.schema.Columns() {
		cols[p[0]] = true
	}
	for _, f := range schema.Link {
		name := map[string]string{"from": "src", "to": "dst", "kind": "relationship"}[f.Name]
		if name == "" {
			name = ColumnName(f.Name)
		}
		require.True(t, cols[name], "link field %s", f.Name)
	}
}

func TestSchema(t *testing.T) {
	s := linkColumns.schema.String()
	for _, want := range []string{
		"required binary src (STRING);", "required binary dst (STRING);", "required binary relationship (STRING);",
		"optional double money_amount;", "optional binary money_currency (STRING);", "required boolean money_ceiling;",
		"optional binary start (STRING);", "optional group targetGroups (LIST)", "optional group attrs (MAP)",
	} {
		require.Contains(t, s, want)
	}
	s = actorColumns.schema.String()
	for _, want := range []string{"required binary id (STRING);", "optional int64 count (INT(64,true));", "required boolean aggregate;"} {
		require.Contains(t, s, want)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(dir)
	require.ErrorIs(t, err, os.ErrNotExist)

	n := network.New("bad")
	require.NoError(t, n.AddActor(actor.Actor{ID: "a", Sectors: []string{"x;y"}}))
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	require.ErrorIs(t, Write(dir, n), actor.ErrInvalidText)
	got, err := Read(dir)
	require.NoError(t, err)
	require.Equal(t, 4, got.NumActors(), "a failed write leaves the old files")

	require.NoError(t, os.WriteFile(filepath.Join(dir, VerticesFile), []byte("not parquet"), 0o644))
	_, err = Read(dir)
	require.Error(t, err)
	require.Contains(t, err.Error(), VerticesFile)
}

// TestPyArrow reads the files with pyarrow, as Spark's Parquet reader
// would, when /usr/bin/python3 has it.
func TestPyArrow(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import pyarrow.parquet").Run(); err != nil {
		t.Skip("pyarrow is not installed")
	}
	dir := t.TempDir()
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	script := `import sys, pyarrow.parquet as pq
v = pq.read_table(sys.argv[1] + "/vertices.parquet").to_pylist()
e = pq.read_table(sys.argv[1] + "/edges.parquet").to_pylist()
assert [r["id"] for r in v] == ["tul", "kraj", "munis", "ngo-ž"], v
assert v[0]["sectors"] == ["education", "research"], v[0]
assert dict(v[0]["attrs"])["note"] == 'said "yes",\nthen "no"', v[0]
assert e[0]["money_amount"] == 1234567.89 and e[0]["start"] == "2012", e[0]
print("ok")`
	out, err := exec.Command("/usr/bin/python3", "-c", script, dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Equal(t, "ok", strings.TrimSpace(string(out)))
}

// TestWriteMakesTheFolder writes into a folder that does not exist yet, as
// encoding.Save does for the CSV pair.
func TestWriteMakesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "export")
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	_, err := os.Stat(filepath.Join(dir, VerticesFile))
	require.NoError(t, err)
}
