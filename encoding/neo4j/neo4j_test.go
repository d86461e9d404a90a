package neo4j

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestHeader(t *testing.T) {
	var nodes, rels bytes.Buffer
	require.NoError(t, WriteTo(&nodes, &rels, testnet.Tricky(t)))
	nh, _, _ := strings.Cut(nodes.String(), "\n")
	rh, _, _ := strings.Cut(rels.String(), "\n")
	require.Equal(t, "id:ID,name,kind,:LABEL,level,country,region,aggregate:boolean,count:long,"+
		"sectors:string[],targetGroups:string[],skills:string[],themes:string[],attrs.empty,attrs.note,attrs.web", nh)
	require.Equal(t, ":START_ID,:END_ID,:TYPE,id,kind,direction,role,label,weight:double,"+
		"money_amount:double,money_currency,money_ceiling:boolean,cadence,start,end,status,"+
		"targetGroups:string[],evidence,attrs.programme", rh)
}

// TestHeaderCoversSchema checks that every field of the table reaches a
// column, so that a field added to the model reaches Neo4j.
func TestHeaderCoversSchema(t *testing.T) {
	nh, err := nodeHeader(nil)
	require.NoError(t, err)
	for _, f := range schema.Actor {
		require.Contains(t, names(nh), PropertyName(f.Name), "actor field %s", f.Name)
	}
	rh, err := relationshipHeader(nil)
	require.NoError(t, err)
	for _, f := range schema.Link {
		if f.Name == "from" || f.Name == "to" {
			continue
		}
		require.Contains(t, names(rh), PropertyName(f.Name), "link field %s", f.Name)
	}
}

func names(h []string) []string {
	var out []string
	for _, e := range h {
		name, _, _ := strings.Cut(e, ":")
		out = append(out, name)
	}
	return out
}

func TestLabelsAndType(t *testing.T) {
	for _, c := range []struct {
		kind   actor.Kind
		want   string
		reason string
	}{
		{actor.University, "Actor;University", "one word"},
		{actor.RegionalAuthority, "Actor;RegionalAuthority", "kebab-case becomes PascalCase"},
		{actor.NGO, "Actor;Ngo", "the rule, not an acronym table"},
	} {
		require.Equal(t, c.want, Labels(c.kind), c.reason)
	}
	for _, k := range actor.Kinds() {
		l := Labels(k)
		require.NotContains(t, l, "-", "%v: a label needs no quoting in Cypher", k)
	}
	require.Equal(t, "PARTNERSHIP", Type(network.Partnership))
	require.Equal(t, "FUNDING", Type(network.Funding))
}

// TestRoundTrip writes the files, reads them back with encoding/csv as Neo4j's
// header describes them, and compares every actor and link field.
func TestRoundTrip(t *testing.T) {
	n := testnet.Tricky(t)
	dir := t.TempDir()
	require.NoError(t, Write(dir, n))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 2, "only the two files, no temporary file left")
	actors, links := readBack(t, dir)
	opts := cmp.Options{cmpopts.EquateEmpty()}
	want := n.Actors()
	for i := range want {
		want[i] = want[i].Clone()
		for k, v := range want[i].Attrs {
			if v == "" {
				delete(want[i].Attrs, k) // an empty value is an empty cell: no property (see the package comment)
			}
		}
	}
	if d := cmp.Diff(want, actors, opts); d != "" {
		t.Errorf("actors (-want +got):\n%s", d)
	}
	if d := cmp.Diff(n.Links(), links, opts); d != "" {
		t.Errorf("links (-want +got):\n%s", d)
	}
}

// readBack reads the two files as neo4j-admin would: header entries
// name:type, an empty cell an absent property, arrays split on ";".
func readBack(t *testing.T, dir string) ([]actor.Actor, []network.Link) {
	t.Helper()
	rows := readCSV(t, filepath.Join(dir, NodesFile))
	var actors []actor.Actor
	for _, row := range rows[1:] {
		var a actor.Actor
		for i, h := range rows[0] {
			cell := row[i]
			switch {
			case h == "id:ID":
				a.ID = cell
			case h == ":LABEL":
				// checked below, once the kind is known
			default:
				setField(t, schema.Actor, h, cell, &a, &a.Attrs)
			}
		}
		require.Equal(t, Labels(a.Kind), row[3], "labels of %s", a.ID)
		actors = append(actors, a)
	}
	rows = readCSV(t, filepath.Join(dir, RelationshipsFile))
	var links []network.Link
	for _, row := range rows[1:] {
		var l network.Link
		var typ string
		for i, h := range rows[0] {
			cell := row[i]
			switch h {
			case ":START_ID":
				l.From = cell
			case ":END_ID":
				l.To = cell
			case ":TYPE":
				typ = cell
			default:
				setField(t, schema.Link, h, cell, &l, &l.Attrs)
			}
		}
		require.Equal(t, Type(l.Kind), typ)
		links = append(links, l)
	}
	return actors, links
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

// setField sets the field or attribute that header entry h names from cell,
// checking that the entry's type is the one the field's type calls for.
func setField[T any](t *testing.T, fields []schema.Field[T], h, cell string, el *T, attrs *map[string]string) {
	t.Helper()
	name, typ, _ := strings.Cut(h, ":")
	if key, ok := schema.AttrName(name); ok {
		require.Empty(t, typ, "attributes are strings")
		if cell != "" {
			if *attrs == nil {
				*attrs = map[string]string{}
			}
			(*attrs)[key] = cell
		}
		return
	}
	for _, f := range fields {
		if PropertyName(f.Name) != name {
			continue
		}
		want := map[schema.Type]string{schema.Bool: "boolean", schema.Int: "long", schema.Float: "double", schema.List: "string[]"}[f.Type]
		require.Equal(t, want, typ, "type of %s", name)
		if cell == "" {
			return
		}
		if f.Type == schema.List {
			*f.Ptr(el).(*[]string) = strings.Split(cell, ArrayDelimiter)
			return
		}
		require.NoError(t, f.Set(el, cell), "%s = %q", name, cell)
		return
	}
	t.Fatalf("header entry %q names no field", h)
}

func TestGolden(t *testing.T) {
	var nodes, rels bytes.Buffer
	require.NoError(t, WriteTo(&nodes, &rels, testnet.Tricky(t)))
	for name, got := range map[string][]byte{"tricky-nodes.csv": nodes.Bytes(), "tricky-relationships.csv": rels.Bytes()} {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, got, 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		if d := cmp.Diff(string(want), string(got)); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}
}

func TestErrors(t *testing.T) {
	n := network.New("bad")
	require.NoError(t, n.AddActor(actor.Actor{ID: "a", Attrs: map[string]string{"x:int": "1"}}))
	err := WriteTo(&bytes.Buffer{}, &bytes.Buffer{}, n)
	require.ErrorIs(t, err, ErrHeader)

	dir := t.TempDir()
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	before, err := os.ReadFile(filepath.Join(dir, NodesFile))
	require.NoError(t, err)
	require.ErrorIs(t, Write(dir, n), ErrHeader)
	after, err := os.ReadFile(filepath.Join(dir, NodesFile))
	require.NoError(t, err)
	require.Equal(t, string(before), string(after), "a failed write leaves the old files")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 2, "no temporary file left")
}

// TestNeo4jAdmin imports the tricky network with neo4j-admin when it is
// installed (NEO4J_HOME set, or neo4j-admin on the PATH).
func TestNeo4jAdmin(t *testing.T) {
	admin, err := exec.LookPath("neo4j-admin")
	if home := os.Getenv("NEO4J_HOME"); home != "" {
		admin, err = filepath.Join(home, "bin", "neo4j-admin"), nil
	}
	if err != nil {
		t.Skip("neo4j-admin is not installed")
	}
	dir := t.TempDir()
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	cmd := exec.Command(admin, "database", "import", "full", "labournettest", "--overwrite-destination=true",
		"--nodes="+filepath.Join(dir, NodesFile), "--relationships="+filepath.Join(dir, RelationshipsFile),
		"--multiline-fields=true")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "4 nodes")
	require.Contains(t, string(out), "3 relationships")
}

// TestWriteMakesTheFolder writes into a folder that does not exist yet, as
// encoding.Save does for the CSV pair.
func TestWriteMakesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "export")
	require.NoError(t, Write(dir, testnet.Tricky(t)))
	_, err := os.Stat(filepath.Join(dir, NodesFile))
	require.NoError(t, err)
}
