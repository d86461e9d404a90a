package encoding

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/internal/fileerr"
)

// fastCases are elements for both paths of the JSON reader: plain ones the
// fast path takes, and ones it must leave to the general path.
var fastCases = []struct {
	obj  string
	fast bool // the fast path takes it
}{
	{`{"id": "a", "kind": "school"}`, true},
	{`{"id": "a", "name": "Žilinská univerzita", "kind": "university", "level": "regional", "country": "SK", "region": "SK031",
	   "aggregate": true, "count": 3, "sectors": ["x"], "targetGroups": [], "skills": ["a", "b"], "themes": ["t"], "attrs": {"k": "v", "e": ""}}`, true},
	{`{"from": "a", "to": "b", "kind": "funding", "role": "lead", "weight": 2.5e0, "money": {"amount": 1e6, "currency": "EUR", "ceiling": true},
	   "cadence": "every 2 months", "start": "2012-09", "end": "2014", "status": "ended", "targetGroups": ["youth"], "evidence": "p. 4", "attrs": {}}`, true},
	{`{"from": "a", "to": "b", "kind": "cooperation", "direction": "undirected", "id": "l1", "label": "x"}`, true},
	{` { "id" : "a" , "kind" : "ngo" } `, true},
	{`{"id": "a\u00e9", "kind": "school"}`, false},            // an escape
	{`{"id": "a", "kind": "school", "id": "b"}`, false},       // a key twice
	{`{"id": "a", "kind": "school", "name": null}`, false},    // null
	{`{"id": "a", "kind": "schol"}`, false},                   // a value the field rejects
	{`{"id": "a", "kind": "school", "colour": "red"}`, false}, // an unknown key
	{`{"id": "a"}`, false},                                    // a required key missing
	{`{"id": "a", "kind": "school", "count": 1.5}`, false},    // not an int
	{`{"id": "a", "kind": "school", "count": 01}`, false},     // not JSON
	{`{"from": "a", "to": "b", "kind": "funding", "money": {"currency": "EUR"}}`, false},
	{`{"from": "a", "to": "b", "kind": "funding", "money": {"amount": 1, "cents": 2}}`, false},
	{`{"from": "a", "to": "b", "kind": "funding", "weight": "2"}`, false},
	{`{"id": "\xff", "kind": "school"}`, false}, // invalid UTF-8
	{`{"id": "a", "kind": "school"} x`, false},
	{`["id"]`, false},
}

// TestFastElemAgrees decodes each case both ways: the fast path takes the
// plain ones and gives what the general path gives.
func TestFastElemAgrees(t *testing.T) {
	for _, c := range fastCases {
		for _, isLink := range []bool{false, true} {
			fast, slow, fastOK, slowOK := bothPaths([]byte(c.obj), isLink)
			if isLink != strings.Contains(c.obj, `"from"`) {
				continue // an actor case read as a link, or the other way round
			}
			if fastOK != c.fast {
				t.Errorf("%s: fast path took it: %v, want %v", c.obj, fastOK, c.fast)
			}
			if fastOK {
				if !slowOK {
					t.Errorf("%s: the fast path took what the general path rejects", c.obj)
				} else if d := cmp.Diff(slow, fast, cmpopts.EquateEmpty()); d != "" {
					t.Errorf("%s: (-general +fast)\n%s", c.obj, d)
				}
			}
		}
	}
}

// bothPaths decodes obj as an actor or a link by both paths.
func bothPaths(obj []byte, isLink bool) (fast, slow any, fastOK, slowOK bool) {
	p := &fileerr.List{File: "x"}
	var raw map[string]json.RawMessage
	rawErr := json.Unmarshal(obj, &raw)
	pos := elemPos{line: 1, path: "x", obj: obj}
	if isLink {
		f, ok := fastLinkOf(obj, 1<<20)
		fast, fastOK = f, ok
		if rawErr == nil {
			slow, slowOK = decodeLink(raw, pos, p)
		}
	} else {
		f, ok := fastActorOf(obj, 1<<20)
		fast, fastOK = f, ok
		if rawErr == nil {
			slow, slowOK = decodeActor(raw, pos, p)
		}
	}
	return fast, slow, fastOK, slowOK
}

// FuzzFastElem checks that whatever the fast path takes, the general path
// takes too and decodes to the same element.
func FuzzFastElem(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.obj), false)
		f.Add([]byte(c.obj), true)
	}
	f.Fuzz(func(t *testing.T, obj []byte, isLink bool) {
		fast, slow, fastOK, slowOK := bothPaths(obj, isLink)
		if !fastOK {
			return
		}
		if !slowOK {
			t.Fatalf("%q: the fast path took what the general path rejects", obj)
		}
		if d := cmp.Diff(slow, fast, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("%q: (-general +fast)\n%s", obj, d)
		}
	})
}

// TestDocScannerChunks reads values split across the reader's chunks at
// every place, with a reader that gives one byte at a time: the values and
// their lines are those of the whole text.
func TestDocScannerChunks(t *testing.T) {
	text := "{\"a\": 12345, \"b\": \"x\\\"}\\\\\", \"c\": [1, {\"d\": \"]\"}],\n\"e\": true}"
	var want, got []string
	for _, r := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text))} {
		d := newDocScanner(r, 1<<20, 1<<20)
		var vals []string
		if c, err := d.next(); err != nil || c != '{' {
			t.Fatalf("start: %q %v", c, err)
		}
		for {
			k, _, err := d.value()
			if err != nil {
				t.Fatal(err)
			}
			vals = append(vals, string(k))
			if err := d.expect(':', "after key"); err != nil {
				t.Fatal(err)
			}
			v, line, err := d.value()
			if err != nil {
				t.Fatal(err)
			}
			vals = append(vals, fmt.Sprintf("%s@%d", v, line))
			c, err := d.next()
			if err != nil {
				t.Fatal(err)
			}
			if c == '}' {
				break
			}
		}
		if err := d.end(); err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = vals
		} else {
			got = vals
		}
	}
	require.Equal(t, []string{`"a"`, "12345@1", `"b"`, `"x\"}\\"@1`, `"c"`, `[1, {"d": "]"}]@1`, `"e"`, "true@2"}, want)
	require.Equal(t, want, got, "one byte at a time")
}
