package encoding

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// What validation lets through, every format carries: tabs and line breaks
// in free text, any printable character, in JSON, CSV, GraphML and GEXF.
func TestAllowedTextRoundTrips(t *testing.T) {
	n, err := network.Build("Pact: \"2024\" # 1", []actor.Actor{
		{ID: "a: [b] #c", Name: "Line\none\ttab & <x> \"q\" `b` \U0001F642 \uFFFD", Kind: actor.Body, Region: "r\r\nx", Attrs: map[string]string{"note": "a\nb"}},
		{ID: "b", Kind: actor.School, Sectors: []string{"tab\there"}},
	}, []network.Link{{From: "a: [b] #c", To: "b", Kind: network.Cooperation, Label: "x\ny", Evidence: "e\r\nf\tg"}})
	require.NoError(t, err)
	n.Description = "d\nd"
	dir := t.TempDir()
	for _, name := range []string{"n.json", "n.graphml", "n.gexf", "csv"} {
		p := filepath.Join(dir, name)
		require.NoError(t, Save(p, n), name)
		m, err := Load(p)
		require.NoError(t, err, name)
		a, _ := m.Actor("a: [b] #c")
		require.Equal(t, "Line\none\ttab & <x> \"q\" `b` \U0001F642 \uFFFD", a.Name, name)
		b, _ := m.Actor("b")
		require.Equal(t, []string{"tab\there"}, b.Sectors, name)
		l := m.Links()[0]
		require.Equal(t, "x\ny", l.Label, name)
		require.Equal(t, "a\nb", a.Attrs["note"], name)
		if name == "csv" {
			// encoding/csv reads a line break "\r\n" in a quoted cell as "\n".
			require.Equal(t, "r\nx", a.Region)
			require.Equal(t, "e\nf\tg", l.Evidence)
			continue
		}
		require.Equal(t, "r\r\nx", a.Region, name)
		require.Equal(t, "e\r\nf\tg", l.Evidence, name)
		require.Equal(t, n.Name, m.Name, name)
	}
}

func TestReadersRejectForbiddenText(t *testing.T) {
	// JSON can spell every character; each is refused with its place.
	for _, tt := range []struct{ src, want string }{
		{jsonHead + `{"id": "a\uFFFE", "kind": "body"}]}`, `n.json:1: actors[0]: actor "a\ufffe": id "a\ufffe": invalid text: noncharacter U+FFFE`},
		{jsonHead + `{"id": "a", "kind": "body", "name": "\uffff"}]}`, `actors[0]: actor "a": name "\uffff": invalid text: noncharacter U+FFFF`},
		{jsonHead + `{"id": "a", "kind": "body", "skills": ["\u0007"]}]}`, `skills "\a": invalid text: control character U+0007`},
		{jsonHead + `{"id": "a", "kind": "body", "attrs": {"k": "\u001b"}}]}`, `attrs.k "\x1b": invalid text`},
		{jsonHead + `{"id": "a", "kind": "body"}, {"id": "b", "kind": "body"}], "links": [{"from": "a", "to": "b", "kind": "service", "evidence": "\u0000"}]}`, `evidence "\x00": invalid text`},
		{`{"format": "labournet/1", "name": "\ufffe"}`, `n.json:1: name: invalid text: noncharacter U+FFFE`},
		{`{"format": "labournet/1", "description": "\u0001"}`, `description: invalid text`},
		{`{"format": "labournet/1", "attrs": {"k": "\uffff"}}`, `attrs: network attrs.k "\uffff": invalid text`},
	} {
		_, err := ReadJSON(strings.NewReader(tt.src), "n.json")
		require.ErrorIs(t, err, actor.ErrInvalidText, tt.src)
		require.ErrorContains(t, err, tt.want)
	}
	// CSV: a control character in a cell, invalid UTF-8 an ErrFormat (the
	// CSV reader's own check).
	_, err := ReadCSV(strings.NewReader("id,kind,name\na,body,x\x01y\n"), nil, "actors.csv", "")
	require.ErrorIs(t, err, actor.ErrInvalidText)
	require.ErrorContains(t, err, "actors.csv:2")
	_, err = ReadCSV(strings.NewReader("id,kind,name\na,body,x\xffy\n"), nil, "actors.csv", "")
	require.ErrorIs(t, err, ErrFormat)
	// XML cannot even spell them: the XML reader refuses the file.
	var buf bytes.Buffer
	buf.WriteString(graphmlHead + `<node id="a&#xFFFE;"/></graph></graphml>`)
	_, err = Load(writeTemp(t, "n.graphml", buf.String()))
	require.ErrorIs(t, err, ErrFormat)
}

func writeTemp(t *testing.T, name, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
	return p
}
