package encoding

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// linkCases are links for linkReader beyond fastCases: ones it takes, and
// ones it must leave to the other paths although they are plain.
var linkCases = []struct {
	obj  string
	fast bool
}{
	{`{"from": "a", "to": "b", "kind": "partnership", "role": "lead", "start": "2026-04-01", "end": "2029-12-31", "status": "planned"}`, true},
	{`{"from": "b", "to": "a", "kind": "funding", "role": "beneficiary", "money": {"amount": 469200, "currency": "EUR"}, "start": "2026-04-01"}`, true},
	{`{"from": "a", "to": "a-long-identifier-of-thirty-bytes", "kind": "membership", "role": "lead"}`, true},
	{`{"from": "a", "to": "b", "kind": "Funding"}`, false},                                 // another spelling of a kind
	{`{"from": "a", "to": "b", "kind": "funding", "status": "Ended"}`, false},              // and of a status
	{`{"from": "a", "to": "c", "kind": "funding"}`, false},                                 // an unknown end
	{`{"from": "a", "to": "a", "kind": "funding"}`, false},                                 // a self-link
	{`{"from": "a", "to": "b", "kind": "funding", "start": "2014", "end": "2012"}`, false}, // ends before it starts
	{`{"from": "a", "to": "b", "kind": "funding", "start": "2014-02-30"}`, false},          // no such day
	{`{"from": "a", "to": "b", "kind": "funding", "weight": -1}`, false},                   // a negative weight
	{`{"from": "a", "to": "b", "kind": "funding", "role": "a\tb"}`, false},                 // a tab in a role
	{`{"from": "a", "to": "b"}`, false},                                                    // no kind
	{`{"from": "a", "to": "b", "kind": "funding", "from": "b"}`, false},                    // a key twice
}

// linkNetworks returns two networks with the same actors, for both paths.
func linkNetworks(t testing.TB) (*network.Network, *network.Network) {
	t.Helper()
	var ns [2]*network.Network
	for i := range ns {
		ns[i] = network.New("x")
		for _, id := range []string{"a", "b", "a-long-identifier-of-thirty-bytes"} {
			if err := ns[i].AddActor(actor.Actor{ID: id, Kind: actor.School}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ns[0], ns[1]
}

// bothLinkPaths adds obj to fast by linkReader, and to slow by the path
// the reader takes otherwise. It reports whether each added it.
func bothLinkPaths(t testing.TB, obj []byte) (fast, slow *network.Network, fastOK, slowOK bool) {
	fast, slow = linkNetworks(t)
	lr := newLinkReader()
	fastOK, _ = lr.add(obj, 1<<20, fast)
	l, ok := fastLinkOf(obj, 1<<20)
	if !ok {
		var raw map[string]json.RawMessage
		if json.Unmarshal(obj, &raw) != nil {
			return fast, slow, fastOK, false
		}
		if l, ok = decodeLink(raw, elemPos{line: 1, path: "x", obj: obj}, &fileerr.List{File: "x"}); !ok {
			return fast, slow, fastOK, false
		}
	}
	slowOK = slow.AddLink(l) == nil
	return fast, slow, fastOK, slowOK
}

// TestLinkReaderAgrees adds each link by linkReader and by the other
// paths: linkReader takes the plain ones between known actors and makes
// the same network; what it leaves, it leaves unchanged.
func TestLinkReaderAgrees(t *testing.T) {
	cases := linkCases
	for _, c := range fastCases {
		cases = append(cases, struct {
			obj  string
			fast bool
		}{c.obj, c.fast})
	}
	for _, c := range cases {
		if !strings.Contains(c.obj, `"from"`) {
			continue // an actor
		}
		fast, slow, fastOK, slowOK := bothLinkPaths(t, []byte(c.obj))
		if fastOK != c.fast {
			t.Errorf("%s: linkReader took it: %v, want %v", c.obj, fastOK, c.fast)
		}
		if fastOK && !slowOK {
			t.Errorf("%s: linkReader took what the other paths reject", c.obj)
		}
		if !fastOK && fast.NumLinks() != 0 {
			t.Errorf("%s: linkReader left it but changed the network", c.obj)
		}
		if fastOK {
			if d := cmp.Diff(slow.Links(), fast.Links(), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("%s: (-other paths +linkReader)\n%s", c.obj, d)
			}
		}
	}
}

// FuzzLinkReader checks that whatever linkReader adds, the other paths
// add too, as the same link, and that what it leaves it leaves unchanged.
func FuzzLinkReader(f *testing.F) {
	for _, c := range linkCases {
		f.Add([]byte(c.obj))
	}
	for _, c := range fastCases {
		f.Add([]byte(c.obj))
	}
	f.Fuzz(func(t *testing.T, obj []byte) {
		fast, slow, fastOK, slowOK := bothLinkPaths(t, obj)
		if !fastOK {
			if fast.NumLinks() != 0 {
				t.Fatalf("%q: linkReader left it but changed the network", obj)
			}
			return
		}
		if !slowOK {
			t.Fatalf("%q: linkReader took what the other paths reject", obj)
		}
		if d := cmp.Diff(slow.Links(), fast.Links(), cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("%q: (-other paths +linkReader)\n%s", obj, d)
		}
	})
}

// TestLinkReaderAllocates nothing for a plain link between known actors
// once its role and dates have been seen: at millions of links, every
// allocation is work for the collector.
func TestLinkReaderAllocates(t *testing.T) {
	n, _ := linkNetworks(t)
	n.Grow(0, 2000)
	lr := newLinkReader()
	obj := []byte(`{"from": "a", "to": "b", "kind": "partnership", "role": "lead", "weight": 2, "start": "2026-04-01", "end": "2029-12-31", "status": "planned"}`)
	allocs := testing.AllocsPerRun(1000, func() {
		if ok, _ := lr.add(obj, 1<<20, n); !ok {
			t.Fatal("not taken")
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per link, want 0", allocs)
	}
}
