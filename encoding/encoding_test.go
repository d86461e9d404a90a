package encoding

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

func readFile(t *testing.T, path string) *network.Network {
	t.Helper()
	n, err := Load(path)
	require.NoError(t, err)
	return n
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

var datasets = []string{
	"testdata/rich.json",
	"../examples/liberec/liberec.json",
	"../examples/steelcityzen/steelcityzen.json",
	"../examples/jobtown2/jobtown1.json",
	"../examples/jobtown2/jobtown2.json",
	"../examples/vratsa/vratsa.json",
}

func TestJSONRoundTripIsByteIdentical(t *testing.T) {
	want, err := os.ReadFile("testdata/rich.json")
	require.NoError(t, err)
	n, err := ReadJSON(bytes.NewReader(want), "rich.json")
	require.NoError(t, err)
	var got bytes.Buffer
	require.NoError(t, WriteJSON(&got, n))
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("JSON → network → JSON changed the text (-want +got):\n%s", diff)
	}
	// What was read is what the file says.
	l, _ := n.Link("l1")
	require.Equal(t, &network.Money{Amount: 800000, Currency: "PLN", Ceiling: true}, l.Money)
	require.Equal(t, network.Date{Year: 2012, Month: 9}, l.Start)
	a, _ := n.Actor("partners")
	require.True(t, a.IsAggregate())
	require.Equal(t, 8, a.Count)
	require.Equal(t, 6.0, n.Links()[1].Cadence.PerYear)
	require.Nil(t, n.Links()[2].Money, "no money given stays nil")
}

func TestJSONCSVJSONRoundTrip(t *testing.T) {
	for _, path := range datasets {
		n := readFile(t, path)
		dir := t.TempDir()
		require.NoError(t, Save(dir, n))
		back := readFile(t, dir)
		sameNetwork(t, n, back, path+" via CSV")
		require.Equal(t, filepath.Base(dir), back.Name, "a CSV network is named after its folder")

		js := filepath.Join(t.TempDir(), "x.json")
		require.NoError(t, Save(js, back))
		sameNetwork(t, n, readFile(t, js), path+" via CSV and JSON")
	}
}

func TestReadJSONErrors(t *testing.T) {
	const head = `{"format": "labournet/1", "actors": [{"id": "a", "kind": "school"}, {"id": "b", "kind": "employer"}], "links": [`
	tests := []struct {
		reason string
		in     string
		want   error
		place  string
	}{
		{"syntax error", `{"format": "labournet/1", "actors": [}`, ErrFormat, "bad.json:1"},
		{"not an object", `[1, 2]`, ErrFormat, "bad.json:1"},
		{"wrong format", `{"format": "labournet/2"}`, ErrFormat, "format"},
		{"missing format", `{"actors": []}`, ErrFormat, "format"},
		{"unknown top-level field", `{"format": "labournet/1", "actor": []}`, ErrFormat, "actor"},
		{"unknown actor field", `{"format": "labournet/1", "actors": [{"id": "a", "kind": "school", "targetgroup": []}]}`, ErrFormat, "actors[0].targetgroup"},
		{"unknown actor kind", `{"format": "labournet/1", "actors": [{"id": "a", "kind": "bakery"}]}`, actor.ErrUnknownKind, "actors[0].kind"},
		{"missing actor kind", `{"format": "labournet/1", "actors": [{"id": "a"}]}`, ErrFormat, "actors[0].kind"},
		{"bad country", `{"format": "labournet/1", "actors": [{"id": "a", "kind": "school", "country": "UK"}]}`, actor.ErrCountry, "actors[0]"},
		{"duplicate actor", `{"format": "labournet/1", "actors": [{"id": "a", "kind": "school"}, {"id": "a", "kind": "ngo"}]}`, network.ErrDuplicateID, "actors[1]"},
		{"wrong type", `{"format": "labournet/1", "actors": [{"id": 7, "kind": "school"}]}`, ErrFormat, "actors[0].id"},
		{"unknown link kind", head + `{"from": "a", "to": "b", "kind": "fundng"}]}`, network.ErrUnknownKind, "links[0].kind"},
		{"link to unknown actor", head + `{"from": "a", "to": "c", "kind": "cooperation"}]}`, network.ErrUnknownActor, "links[0]"},
		{"self link", head + `{"from": "a", "to": "a", "kind": "cooperation"}]}`, network.ErrSelfLink, "links[0]"},
		{"negative weight", head + `{"from": "a", "to": "b", "kind": "cooperation", "weight": -1}]}`, network.ErrNegative, "links[0]"},
		{"bad date", head + `{"from": "a", "to": "b", "kind": "cooperation", "start": "2012-13"}]}`, network.ErrDate, "links[0].start"},
		{"end before start", head + `{"from": "a", "to": "b", "kind": "cooperation", "start": "2012", "end": "2011"}]}`, network.ErrPeriod, "links[0]"},
		{"bad currency", head + `{"from": "a", "to": "b", "kind": "funding", "money": {"amount": 1, "currency": "EURO"}}]}`, network.ErrCurrency, "links[0]"},
		{"money without amount", head + `{"from": "a", "to": "b", "kind": "funding", "money": {"currency": "EUR"}}]}`, ErrFormat, "links[0].money"},
		{"bad cadence", head + `{"from": "a", "to": "b", "kind": "cooperation", "cadence": "now and then"}]}`, network.ErrCadence, "links[0].cadence"},
		{"duplicate link ID", head + `{"id": "x", "from": "a", "to": "b", "kind": "cooperation"}, {"id": "x", "from": "b", "to": "a", "kind": "cooperation"}]}`, network.ErrDuplicateID, "links[1]"},
		{"trailing data", `{"format": "labournet/1"} {}`, ErrFormat, "bad.json:1"},
	}
	for _, tt := range tests {
		n, err := ReadJSON(strings.NewReader(tt.in), "bad.json")
		require.Nil(t, n, tt.reason)
		require.ErrorIs(t, err, tt.want, tt.reason)
		require.ErrorContains(t, err, tt.place, tt.reason)
		require.True(t, strings.HasPrefix(err.Error(), "bad.json"), "%s: message must name the file: %v", tt.reason, err)
		var pe *ParseError
		require.True(t, errors.As(err, &pe), tt.reason)
	}
}

func TestReadJSONReportsEveryProblem(t *testing.T) {
	in := "{\"format\": \"labournet/1\",\n" +
		"\"actors\": [\n{\"id\": \"a\", \"kind\": \"bakery\"},\n{\"id\": \"b\", \"kind\": \"school\"}\n],\n" +
		"\"links\": [\n{\"from\": \"b\", \"to\": \"zz\", \"kind\": \"cooperation\"},\n{\"from\": \"a\", \"to\": \"b\", \"kind\": \"cooperation\", \"weight\": -2}\n]}\n"
	_, err := ReadJSON(strings.NewReader(in), "three.json")
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	// The link from the rejected actor "a" is not also reported as a link to
	// an unknown actor; its own problem (the weight) is.
	require.Len(t, msgs, 3, "%q", msgs)
	require.Contains(t, msgs[0], "three.json:3: actors[0].kind")
	require.Contains(t, msgs[1], "three.json:7: links[0]")
	require.Contains(t, msgs[1], "unknown actor")
	require.Contains(t, msgs[2], "three.json:8: links[1]")
	require.Contains(t, msgs[2], "link #2")
	require.Contains(t, msgs[2], "negative")
}

func TestReadJSONLinksBeforeActors(t *testing.T) {
	in := `{"links": [{"from": "a", "to": "b", "kind": "cooperation"}], "actors": [{"id": "a", "kind": "school"}, {"id": "b", "kind": "ngo"}], "format": "labournet/1"}`
	n, err := ReadJSON(strings.NewReader(in), "order.json")
	require.NoError(t, err)
	require.Equal(t, 1, n.NumLinks())
}

func writeCSVPair(t *testing.T, actors, links string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ActorsFile), []byte(actors), 0o644))
	if links != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, LinksFile), []byte(links), 0o644))
	}
	return dir
}

func TestReadCSVErrors(t *testing.T) {
	const actors = "id,kind\na,school\nb,employer\n"
	tests := []struct {
		reason        string
		actors, links string
		want          error
		place         string
	}{
		{"missing required column", "id,name\na,A\n", "", ErrFormat, "actors.csv:1: kind"},
		{"unknown kind", "id,kind\na,bakery\n", "", actor.ErrUnknownKind, "actors.csv:2:3: kind"},
		{"empty kind", "id,kind\na,\n", "", actor.ErrUnknownKind, "actors.csv:2:3: kind"},
		{"empty id", "id,kind\n,school\n", "", actor.ErrEmptyID, "actors.csv:2:1: id"},
		{"bad count", "id,kind,count\na,school,many\n", "", ErrFormat, "actors.csv:2:10: count"},
		{"ragged row", "id,kind\na,school,extra\n", "", ErrFormat, "actors.csv:2"},
		{"empty file", "", "", ErrFormat, "actors.csv:1"},
		{"duplicate actor", "id,kind\na,school\na,ngo\n", "", network.ErrDuplicateID, "actors.csv:3"},
		{"NaN weight", actors, "from,to,kind,weight\na,b,cooperation,NaN\n", network.ErrNaN, "links.csv:2:17: weight"},
		{"negative weight", actors, "from,to,kind,weight\na,b,cooperation,-3\n", network.ErrNegative, "links.csv:2"},
		{"link to unknown actor", actors, "from,to,kind\na,c,cooperation\n", network.ErrUnknownActor, "links.csv:2"},
		{"bad date", actors, "from,to,kind,start\na,b,cooperation,12/2012\n", network.ErrDate, "links.csv:2:17: start"},
		{"currency without amount", actors, "from,to,kind,money.currency\na,b,funding,EUR\n", ErrFormat, "links.csv:2: money.amount"},
		{"list with an empty value", "id,kind,targetGroups\na,school,youth;;over-55\n", "", actor.ErrInvalidText, "actors.csv:2:10: targetGroups"},
	}
	for _, tt := range tests {
		links := tt.links
		if links == "" {
			links = "from,to,kind\n"
		}
		dir := writeCSVPair(t, tt.actors, links)
		n, err := Load(dir)
		require.Nil(t, n, tt.reason)
		require.ErrorIs(t, err, tt.want, tt.reason)
		require.ErrorContains(t, err, tt.place, tt.reason)
	}
}

func TestReadCSVAcceptsBOMAndAnyColumnOrder(t *testing.T) {
	dir := writeCSVPair(t, "\uFEFFkind,id,attrs.colour,targetGroups\nschool,a,red,youth; over-55\nngo,b,,\n",
		"kind,to,from\ncooperation,b,a\n")
	n := readFile(t, dir)
	a, ok := n.Actor("a")
	require.True(t, ok)
	require.Equal(t, actor.Actor{ID: "a", Kind: actor.School, TargetGroups: []string{"youth", "over-55"}, Attrs: map[string]string{"colour": "red"}}, a)
	b, _ := n.Actor("b")
	require.Nil(t, b.Attrs, "an empty attribute cell is no attribute")
	require.Equal(t, 1, n.NumLinks())
}

func TestWriteCSVRejectsSeparatorInValue(t *testing.T) {
	n, err := network.Build("x", []actor.Actor{{ID: "a", Kind: actor.School, Skills: []string{"reading; writing"}}}, nil)
	require.NoError(t, err)
	var a, l bytes.Buffer
	err = WriteCSV(&a, &l, n)
	require.ErrorIs(t, err, actor.ErrInvalidText)
	require.ErrorContains(t, err, `actor "a"`)
}

func TestSaveIsAtomic(t *testing.T) {
	dir := t.TempDir()
	good, err := network.Build("good", []actor.Actor{{ID: "a", Kind: actor.School}, {ID: "b", Kind: actor.NGO}},
		[]network.Link{{From: "a", To: "b", Kind: network.Cooperation}})
	require.NoError(t, err)
	// A network that cannot be written as CSV: a list value holds the
	// separator.
	bad, err := network.Build("bad", []actor.Actor{{ID: "a", Kind: actor.School, Skills: []string{"a;b"}}}, nil)
	require.NoError(t, err)

	tables := filepath.Join(dir, "tables")
	require.NoError(t, Save(tables, good))
	before, err := os.ReadFile(filepath.Join(tables, ActorsFile))
	require.NoError(t, err)
	require.Error(t, Save(tables, bad))
	after, err := os.ReadFile(filepath.Join(tables, ActorsFile))
	require.NoError(t, err)
	require.Equal(t, string(before), string(after), "a failed Save must leave the old file")
	entries, err := os.ReadDir(tables)
	require.NoError(t, err)
	require.Len(t, entries, 2, "no temporary files left behind")

	path := filepath.Join(dir, "net.json")
	require.NoError(t, Save(path, good))
	sameNetwork(t, good, readFile(t, path), "saved JSON")

	require.ErrorIs(t, Save(filepath.Join(dir, "x.ods"), good), ErrUnsupported)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.ods"), nil, 0o644))
	_, err = Load(filepath.Join(dir, "x.ods"))
	require.ErrorIs(t, err, ErrUnsupported)

	// A workbook goes through package xlsx and reads back the same.
	book := filepath.Join(dir, "net.xlsx")
	require.NoError(t, Save(book, good))
	back, err := Load(book)
	require.NoError(t, err)
	require.Equal(t, good.NumActors(), back.NumActors())
	require.Equal(t, good.NumLinks(), back.NumLinks())
}

func TestCSVFolderNeedsLinks(t *testing.T) {
	dir := writeCSVPair(t, "id,kind\na,school\n", "")
	n, err := Load(dir)
	require.Nil(t, n)
	require.ErrorIs(t, err, ErrFormat)
	require.Contains(t, err.Error(), "no links.csv", "a folder without links.csv is not a network of 0 links")
	require.NoError(t, os.WriteFile(filepath.Join(dir, LinksFile), []byte("from,to,kind\n"), 0o644))
	n, err = Load(dir)
	require.NoError(t, err)
	require.Zero(t, n.NumLinks(), "a header alone is a network without links")
}

func TestJSONProblemOnTheLineOfItsField(t *testing.T) {
	in := `{"format": "labournet/1",
 "actors": [
  {"id": "a",
   "name": "A \"quoted\" {name}",
   "kind": "bakery"},
  {"id": "b", "kind": "school"}
 ],
 "links": [
  {"from": "a",
   "to": "b",
   "kind": "cooperation",
   "weight": -1}
 ]}`
	_, err := ReadJSON(strings.NewReader(in), "f.json")
	require.ErrorContains(t, err, "f.json:5: actors[0].kind", "the bad kind is on line 5, its object starts on line 3")
	_, err = ReadJSON(strings.NewReader(strings.Replace(in, `"kind": "bakery"`, `"kind": "ngo"`, 1)), "f.json")
	require.ErrorContains(t, err, "f.json:12", "a link's problem found by validation names the line of its field too")
}
