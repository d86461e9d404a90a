package encoding

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/encoding/graphml"
)

// endless is a stream of one byte without end, as /dev/zero or a stream
// that never closes.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// stream is head, then an endless stream of c.
func stream(head string, c byte) io.Reader {
	return io.MultiReader(strings.NewReader(head), endless(c))
}

// requireTooLarge checks that err wraps ErrTooLarge, names the limit and,
// when want is not "", holds want.
func requireTooLarge(t *testing.T, err error, limit, want string) {
	t.Helper()
	require.ErrorIs(t, err, ErrTooLarge)
	require.NotErrorIs(t, err, ErrFormat)
	require.Contains(t, err.Error(), "the "+limit+" limit")
	if want != "" {
		require.Contains(t, err.Error(), want)
	}
}

// heapAfter runs f and returns the peak of the heap in use while it ran,
// sampled every millisecond.
func heapAfter(f func()) uint64 {
	runtime.GC()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var m runtime.MemStats
		var peak uint64
		for {
			select {
			case <-done:
				result <- peak
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}()
	f()
	close(done)
	return <-result
}

func TestLimitsResolve(t *testing.T) {
	d := DefaultLimits()
	require.Equal(t, Limits{MaxBytes: 512 << 20, MaxValue: 1 << 20, MaxElements: 750_000}, d)
	require.Equal(t, d, Limits{}.Resolve())
	n := Limits{MaxBytes: -1, MaxValue: -1, MaxElements: -1}.Resolve()
	require.Greater(t, n.MaxBytes, int64(1)<<62)
	require.Greater(t, n.MaxValue, 1<<30)
	require.Greater(t, n.MaxElements, 1<<30)
}

const jsonHead = `{"format": "labournet/1", "name": "n", "actors": [`

func TestReadJSONMaxBytes(t *testing.T) {
	src := jsonHead + `{"id": "a", "kind": "body"}, {"id": "b", "kind": "body"}], "links": []}`
	_, err := ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxBytes: int64(len(src) - 1)})
	requireTooLarge(t, err, "MaxBytes", "n.json")
	n, err := ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxBytes: int64(len(src))})
	require.NoError(t, err)
	require.Equal(t, 2, n.NumActors())
	// An endless stream of white space stops at MaxBytes.
	_, err = ReadJSONWith(stream(jsonHead, ' '), "-", Limits{MaxBytes: 1 << 20})
	requireTooLarge(t, err, "MaxBytes", "input longer than 1 MiB")
}

func TestReadJSONMaxValue(t *testing.T) {
	lim := Limits{MaxValue: 1000}
	long := strings.Repeat("é", 501) // 1002 bytes
	for _, tt := range []struct{ src, path string }{
		{`{"format": "labournet/1", "name": "` + long + `"}`, "n.json:1: name"},
		{`{"format": "labournet/1", "description": "` + long + `"}`, "description"},
		{`{"format": "labournet/1", "attrs": {"k": "` + long + `"}}`, "attrs.k"},
		{jsonHead + "\n" + `{"id": "a", "kind": "body", "name": "` + long + `"}]}`, "n.json:2: actors[0].name"},
		{jsonHead + `{"id": "a", "kind": "body", "sectors": ["` + long + `"]}]}`, "actors[0].sectors"},
		{jsonHead + `{"id": "a", "kind": "body", "attrs": {"` + long + `": "x"}}]}`, "actors[0].attrs"},
		{`{"format": "labournet/1", "links": [{"from": "a", "to": "b", "kind": "funding", "evidence": "` + long + `"}]}`, "links[0].evidence"},
	} {
		_, err := ReadJSONWith(strings.NewReader(tt.src), "n.json", lim)
		requireTooLarge(t, err, "MaxValue", tt.path)
	}
	// Escapes count as what they stand for: 1000 bytes written as \u00e9.
	esc := strings.Repeat(`\u00e9`, 500)
	n, err := ReadJSONWith(strings.NewReader(jsonHead+`{"id": "a", "kind": "body", "name": "`+esc+`"}]}`), "n.json", lim)
	require.NoError(t, err)
	a, _ := n.Actor("a")
	require.Len(t, a.Name, 1000)
	// No limit.
	_, err = ReadJSONWith(strings.NewReader(`{"format": "labournet/1", "name": "`+long+`"}`), "n.json", Limits{MaxValue: -1})
	require.NoError(t, err)
}

func TestReadJSONEndlessString(t *testing.T) {
	// A string without end, at the top level and in an element, stops at
	// 8×MaxValue+64 KiB of input, far below MaxBytes, holding little.
	for _, head := range []string{`{"format": "labournet/1", "name": "`, jsonHead + `{"id": "a", "kind": "body"}, {"id": "`, `{"format": "labournet/1", "x`} {
		var err error
		peak := heapAfter(func() { _, err = ReadJSONWith(stream(head, 'a'), "-", Limits{}) })
		requireTooLarge(t, err, "MaxValue", "one element longer than 8256 KiB")
		require.Less(t, peak, uint64(64<<20), "peak heap")
	}
	// An array without end is bounded by the bytes.
	_, err := ReadJSONWith(stream(jsonHead+`{"id": "a", "kind": "body", "sectors": [`, '['), "-", Limits{})
	require.Error(t, err)
}

func TestReadJSONMaxElements(t *testing.T) {
	src := jsonHead + `{"id": "a", "kind": "body"}, {"id": "b", "kind": "body"}], "links": [{"from": "a", "to": "b", "kind": "membership"}]}`
	_, err := ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxElements: 2})
	requireTooLarge(t, err, "MaxElements", "links[0]: input too large: more than 2 actors and links")
	n, err := ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxElements: 3})
	require.NoError(t, err)
	require.Equal(t, 1, n.NumLinks())
}

func readCSVLim(actors, links io.Reader, lim Limits) error {
	_, _, err := ReadCSVWith(actors, links, "actors.csv", "links.csv", CSVOptions{Limits: lim})
	return err
}

func TestReadCSVMaxBytes(t *testing.T) {
	a := "id,kind\na,body\nb,body\n"
	l := "from,to,kind\na,b,membership\n"
	requireTooLarge(t, readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxBytes: int64(len(a) - 1)}), "MaxBytes", "actors.csv")
	requireTooLarge(t, readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxBytes: int64(len(l) - 1)}), "MaxBytes", "links.csv")
	require.NoError(t, readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxBytes: int64(max(len(a), len(l)))}))
	// Rows without end.
	requireTooLarge(t, readCSVLim(stream("id,kind\n", '\n'), nil, Limits{MaxBytes: 1 << 20}), "MaxBytes", "")
}

func TestReadCSVMaxValue(t *testing.T) {
	lim := Limits{MaxValue: 100}
	long := strings.Repeat("x", 101)
	err := readCSVLim(strings.NewReader("id,kind,name\na,body,"+long+"\n"), nil, lim)
	requireTooLarge(t, err, "MaxValue", "actors.csv:2:8: name")
	err = readCSVLim(strings.NewReader("id,kind,"+long+"\n"), nil, lim)
	requireTooLarge(t, err, "MaxValue", "actors.csv:1:9")
	require.NoError(t, readCSVLim(strings.NewReader("id,kind,name\na,body,"+long[1:]+"\n"), nil, lim))
	// One endless cell, quoted or not, stops at 8×MaxValue+64 KiB.
	for _, head := range []string{"id,kind,name\na,body,", "id,kind,name\na,body,\"", "id,kind,"} {
		var err error
		peak := heapAfter(func() { err = readCSVLim(stream(head, 'x'), nil, Limits{}) })
		requireTooLarge(t, err, "MaxValue", "one row longer than 8256 KiB")
		require.Less(t, peak, uint64(64<<20), "peak heap")
	}
}

func TestReadCSVMaxElements(t *testing.T) {
	a := "id,kind\na,body\nb,body\n"
	l := "from,to,kind\na,b,membership\n"
	err := readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxElements: 2})
	requireTooLarge(t, err, "MaxElements", "links.csv:2: input too large: more than 2 rows")
	err = readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxElements: 1})
	requireTooLarge(t, err, "MaxElements", "actors.csv:3")
	require.NoError(t, readCSVLim(strings.NewReader(a), strings.NewReader(l), Limits{MaxElements: 3}))
}

const graphmlHead = `<graphml><key id="n" for="node" attr.name="name"/><graph edgedefault="undirected">`

func TestReadGraphMLLimits(t *testing.T) {
	doc := graphmlHead + `<node id="a"><data key="n">` + strings.Repeat("x", 100) + `</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>`
	read := func(r io.Reader, lim Limits) error {
		_, _, err := graphml.ReadLimited(r, "n.graphml", lim)
		return err
	}
	require.NoError(t, read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc)), MaxValue: 100, MaxElements: 3}))
	requireTooLarge(t, read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc) - 1)}), "MaxBytes", "n.graphml")
	requireTooLarge(t, read(strings.NewReader(doc), Limits{MaxValue: 99}), "MaxValue", "a value longer than 99 bytes")
	requireTooLarge(t, read(strings.NewReader(doc), Limits{MaxElements: 2}), "MaxElements", "more than 2 nodes and edges")
	// XML elements of any kind: 4×MaxElements.
	many := graphmlHead + `<node id="a">` + strings.Repeat(`<data key="n">x</data>`, 20) + `</node></graph></graphml>`
	requireTooLarge(t, read(strings.NewReader(many), Limits{MaxElements: 5}), "MaxElements", "more than 20 XML elements")
	// An attribute value, text and a tag without end.
	requireTooLarge(t, read(strings.NewReader(graphmlHead+`<node id="`+strings.Repeat("x", 101)+`"/></graph></graphml>`), Limits{MaxValue: 100}), "MaxValue", "attribute id longer than 100 bytes")
	for _, head := range []string{graphmlHead + `<node id="a"><data key="n">`, graphmlHead + `<node id="`, graphmlHead + `<!--`} {
		var err error
		peak := heapAfter(func() { err = read(stream(head, 'x'), Limits{}) })
		requireTooLarge(t, err, "MaxValue", "")
		require.Less(t, peak, uint64(64<<20), "peak heap")
	}
	// Elements without end stop at the element limit or the bytes.
	err := read(stream(graphmlHead, ' '), Limits{MaxBytes: 1 << 20})
	requireTooLarge(t, err, "MaxBytes", "")
	err = read(io.MultiReader(strings.NewReader(graphmlHead), &repeat{s: `<node id="a"/>`}), Limits{MaxElements: 1000})
	requireTooLarge(t, err, "MaxElements", "more than 1000 nodes and edges")
}

// repeat is s repeated without end.
type repeat struct {
	s string
	i int
}

func (r *repeat) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = r.s[r.i%len(r.s)]
		r.i++
	}
	return len(p), nil
}

const gexfHead = `<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected"><attributes class="node"><attribute id="0" title="region" type="string"/></attributes><nodes>`

func TestReadGEXFLimits(t *testing.T) {
	doc := gexfHead + `<node id="a" label="A"><attvalues><attvalue for="0" value="` + strings.Repeat("x", 100) + `"/></attvalues></node><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`
	read := func(r io.Reader, lim Limits) error {
		_, err := gexf.ReadLimited(r, "n.gexf", lim)
		return err
	}
	require.NoError(t, read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc)), MaxValue: 100, MaxElements: 3}))
	requireTooLarge(t, read(strings.NewReader(doc), Limits{MaxBytes: int64(len(doc) - 1)}), "MaxBytes", "n.gexf")
	requireTooLarge(t, read(strings.NewReader(doc), Limits{MaxValue: 99}), "MaxValue", "attribute value longer than 99 bytes")
	three := `<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><graph><nodes><node id="a"/><node id="b"/><node id="c"/></nodes></graph></gexf>`
	requireTooLarge(t, read(strings.NewReader(three), Limits{MaxElements: 2}), "MaxElements", "n.gexf:1: input too large: more than 2 nodes and edges")
	many := gexfHead + `<node id="a"><spells>` + strings.Repeat(`<spell start="2020"/>`, 40) + `</spells></node></nodes></graph></gexf>`
	requireTooLarge(t, read(strings.NewReader(many), Limits{MaxElements: 5}), "MaxElements", "more than 20 XML elements")
	desc := `<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><meta><description>`
	requireTooLarge(t, read(strings.NewReader(desc+strings.Repeat("x", 101)+`</description></meta><graph/></gexf>`), Limits{MaxValue: 100}), "MaxValue", "a value longer than 100 bytes")
	for _, head := range []string{desc, gexfHead + `<node id="`} {
		var err error
		peak := heapAfter(func() { err = read(stream(head, 'x'), Limits{}) })
		requireTooLarge(t, err, "MaxValue", "")
		require.Less(t, peak, uint64(64<<20), "peak heap")
	}
	err := read(io.MultiReader(strings.NewReader(gexfHead), &repeat{s: `<node id="a"/>`}), Limits{MaxElements: 1000})
	requireTooLarge(t, err, "MaxElements", "more than 1000 nodes and edges")
}

func TestLoadRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"n.json", "n.graphml", "n.gexf"} {
		p := filepath.Join(dir, name)
		require.NoError(t, syscall.Mkfifo(p, 0o600))
		done := make(chan error, 1)
		go func() { _, err := Load(p); done <- err }()
		select {
		case err := <-done:
			require.ErrorIs(t, err, ErrNotRegular)
			require.EqualError(t, err, p+": not a regular file: it is a FIFO (named pipe); to read a stream, pass - and give it on standard input")
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s) blocks on a FIFO", name)
		}
	}
	// A FIFO as one of the CSV tables.
	csvDir := filepath.Join(dir, "csv")
	require.NoError(t, os.Mkdir(csvDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(csvDir, ActorsFile), []byte("id,kind\n"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(csvDir, LinksFile), 0o600))
	_, err := Load(csvDir)
	require.ErrorIs(t, err, ErrNotRegular)
}

func TestLoadRefusesDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "zero.graphml")
	require.NoError(t, os.Symlink("/dev/zero", p))
	_, err := Load(p)
	require.ErrorIs(t, err, ErrNotRegular)
	require.Contains(t, err.Error(), "zero.graphml: not a regular file: it is a character device")
}

func TestLoadMaxBytes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.json")
	src := jsonHead + `{"id": "a", "kind": "body"}]}`
	require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	_, err := LoadWith(p, Limits{MaxBytes: 10})
	requireTooLarge(t, err, "MaxBytes", fmt.Sprintf("n.json: input too large: a file of %d bytes, larger than 10 bytes", len(src)))
	n, err := LoadWith(p, Limits{MaxBytes: int64(len(src))})
	require.NoError(t, err)
	require.Equal(t, 1, n.NumActors())
	// Limits reach the CSV tables and the XML readers.
	csvDir := filepath.Join(dir, "csv")
	require.NoError(t, os.Mkdir(csvDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(csvDir, ActorsFile), []byte("id,kind\na,body\nb,body\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(csvDir, LinksFile), []byte("from,to,kind\n"), 0o644))
	_, err = LoadWith(csvDir, Limits{MaxElements: 1})
	requireTooLarge(t, err, "MaxElements", "")
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, n))
	for _, name := range []string{"n.graphml", "n.gexf"} {
		require.NoError(t, Save(filepath.Join(dir, name), n))
		_, err = LoadWith(filepath.Join(dir, name), Limits{MaxElements: 0})
		require.NoError(t, err)
		_, err = LoadWith(filepath.Join(dir, name), Limits{MaxValue: 1})
		requireTooLarge(t, err, "MaxValue", "")
	}
	require.False(t, errors.Is(err, ErrFormat))
}

func TestReadJSONMaxValues(t *testing.T) {
	// Attributes and list values: 8×MaxElements.
	sectors := `"s"` + strings.Repeat(`, "s"`, 16)
	src := jsonHead + `{"id": "a", "kind": "body", "sectors": [` + sectors + `]}, {"id": "b", "kind": "body"}]}`
	_, err := ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxElements: 2})
	requireTooLarge(t, err, "MaxElements", "actors[1]: input too large: more than 16 attributes and list values")
	_, err = ReadJSONWith(strings.NewReader(src), "n.json", Limits{MaxElements: 3})
	require.NoError(t, err)
}

func TestReadCSVMaxValues(t *testing.T) {
	a := "id,kind,sectors,x\na,body," + strings.Repeat("s;", 15) + "s,1\nb,body,,\n"
	err := readCSVLim(strings.NewReader(a), nil, Limits{MaxElements: 2})
	requireTooLarge(t, err, "MaxElements", "actors.csv:2: input too large: more than 16 attributes and list values")
	require.NoError(t, readCSVLim(strings.NewReader(a), nil, Limits{MaxElements: 3}))
}

func TestReadersStopAfterMaxProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(jsonHead)
	for i := range 3000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "a%d", "kind": "bogus"}`, i)
	}
	b.WriteString("]}")
	_, err := ReadJSON(strings.NewReader(b.String()), "n.json")
	require.ErrorContains(t, err, "n.json: malformed file: more than 1000 problems: stopped reading")
	require.Equal(t, 1001, problems(err))

	var c strings.Builder
	c.WriteString("id,kind\n")
	for i := range 3000 {
		fmt.Fprintf(&c, "a%d,bogus\n", i)
	}
	_, err = ReadCSV(strings.NewReader(c.String()), nil, "actors.csv", "")
	require.ErrorContains(t, err, "more than 1000 problems: stopped reading")
	require.Equal(t, 1001, problems(err))

	var g strings.Builder
	g.WriteString(graphmlHead)
	for i := range 3000 {
		fmt.Fprintf(&g, `<node id="a%d"><data key="x"/></node>`, i)
	}
	g.WriteString("</graph></graphml>")
	_, _, err = graphml.ReadLimited(strings.NewReader(g.String()), "n.graphml", Limits{})
	require.ErrorContains(t, err, "more than 1000 problems: stopped reading")
	require.Equal(t, 1001, problems(err))
}

// problems counts the problems of a joined error, one a line.
func problems(err error) int { return strings.Count(err.Error(), "\n") + 1 }

func TestLimitReader(t *testing.T) {
	b, err := io.ReadAll(LimitReader(strings.NewReader("abcdef"), Limits{MaxBytes: 6}))
	require.NoError(t, err)
	require.Equal(t, "abcdef", string(b))
	b, err = io.ReadAll(LimitReader(endless('x'), Limits{MaxBytes: 5}))
	requireTooLarge(t, err, "MaxBytes", "input longer than 5 bytes")
	require.Equal(t, "xxxxx", string(b))
}

func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenRegular(dir, Limits{})
	require.ErrorIs(t, err, ErrNotRegular)
	require.ErrorContains(t, err, "it is a folder")
	p := filepath.Join(dir, "x")
	require.NoError(t, os.WriteFile(p, []byte("12345"), 0o644))
	f, err := OpenRegular(p, Limits{MaxBytes: 5})
	require.NoError(t, err)
	f.Close()
	_, err = OpenRegular(p, Limits{MaxBytes: 4})
	requireTooLarge(t, err, "MaxBytes", "a file of 5 bytes, larger than 4 bytes")
}
