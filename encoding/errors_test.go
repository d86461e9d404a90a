package encoding_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
)

// TestOneErrorTypeForEveryFormat reads the same mistakes in JSON, CSV and
// GraphML: every problem is an *encoding.ParseError naming the file, the
// line and the place, and errors.Is matches encoding.ErrFormat or the
// sentinel of package actor or network whatever the format.
func TestOneErrorTypeForEveryFormat(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		if filepath.Base(path) == encoding.ActorsFile { // the pair needs its links table
			require.NoError(t, os.WriteFile(filepath.Join(filepath.Dir(path), encoding.LinksFile), []byte("from,to,kind\n"), 0o644))
		}
		return path
	}
	const graphmlHead = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="k" for="node" attr.name="kind"/><key id="c" for="node" attr.name="count"/>
<graph edgedefault="undirected">
`
	tests := []struct {
		format, path string
		want         error
		line         int
		place        string // the ParseError's Path
	}{
		{"JSON", write("count.json", "{\"format\": \"labournet/1\",\n\"actors\": [{\"id\": \"a\", \"kind\": \"school\", \"count\": \"many\"}]}"),
			encoding.ErrFormat, 2, "actors[0].count"},
		{"CSV", write("count/actors.csv", "id,kind,count\na,school,many\n"),
			encoding.ErrFormat, 2, "count"},
		{"GraphML", write("count.graphml", graphmlHead+`<node id="a"><data key="c">many</data></node></graph></graphml>`),
			encoding.ErrFormat, 5, `node "a": count`},
		{"JSON", write("kind.json", "{\"format\": \"labournet/1\",\n\"actors\": [{\"id\": \"a\", \"kind\": \"bakery\"}]}"),
			actor.ErrUnknownKind, 2, "actors[0].kind"},
		{"CSV", write("kind/actors.csv", "id,kind\na,bakery\n"),
			actor.ErrUnknownKind, 2, "kind"},
		{"GraphML", write("kind.graphml", graphmlHead+`<node id="a"><data key="k">bakery</data></node></graph></graphml>`),
			actor.ErrUnknownKind, 5, `node "a": kind`},
		{"JSON", write("syntax.json", "{\"format\": \"labournet/1\",\n\"actors\": [}"),
			encoding.ErrFormat, 2, "actors[0]"},
		{"CSV", write("syntax/actors.csv", "id,kind\n\"a,school\n"),
			encoding.ErrFormat, 2, ""},
		{"GraphML", write("syntax.graphml", graphmlHead+`<node id="a"></graph>`),
			encoding.ErrFormat, 5, ""},
		{"GraphML", write("edge.graphml", graphmlHead+"<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>"),
			network.ErrUnknownActor, 6, "edge a -> b"},
	}
	for _, tt := range tests {
		path := tt.path
		if tt.format == "CSV" {
			path = filepath.Dir(path)
		}
		n, err := encoding.Load(path)
		require.Nil(t, n, tt.path)
		require.ErrorIs(t, err, tt.want, tt.path)
		var pe *encoding.ParseError
		require.True(t, errors.As(err, &pe), "%s: %v", tt.path, err)
		require.Equal(t, tt.path, pe.File, "%s: the file", tt.format)
		require.Equal(t, tt.line, pe.Line, "%s: the line: %v", tt.path, err)
		require.Equal(t, tt.place, pe.Path, "%s: the place: %v", tt.path, err)
		require.True(t, strings.HasPrefix(err.Error(), tt.path+":"), "%s: message names the file: %v", tt.format, err)
	}
}

// TestGraphMLReportsEveryProblem: one ParseError per problem, each with
// its line, as for JSON and CSV.
func TestGraphMLReportsEveryProblem(t *testing.T) {
	in := `<graphml>
<key id="k" for="node" attr.name="kind"/><key id="co" for="node" attr.name="country"/><key id="w" for="edge" attr.name="weight"/>
<graph>
<node id="a"><data key="k">bakery</data></node>
<node id="b"><data key="co">UK</data><data key="k">bakery</data></node>
<node id="c"/>
<edge source="c" target="c"><data key="w">heavy</data></edge>
</graph></graphml>`
	_, err := graphml.Read(strings.NewReader(in), "many.graphml")
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	var places []string
	for _, e := range errs {
		var pe *encoding.ParseError
		require.True(t, errors.As(e, &pe), "%v", e)
		places = append(places, fmt.Sprintf("%s:%d: %s", pe.File, pe.Line, pe.Path))
	}
	require.Equal(t, []string{
		`many.graphml:4: node "a": kind`,
		`many.graphml:5: node "b": kind`,
		`many.graphml:7: edge c -> c: weight`,
	}, places)
}
