package encoding

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/labournet/labournet/network"
)

// requireSame fails when two networks differ in actors or links.
func requireSame(t *testing.T, a, b *network.Network, what string) {
	t.Helper()
	opts := cmpopts.EquateEmpty()
	if diff := cmp.Diff(a.Actors(), b.Actors(), opts); diff != "" {
		t.Fatalf("%s: actors changed (-read +back):\n%s", what, diff)
	}
	if diff := cmp.Diff(a.Links(), b.Links(), opts); diff != "" {
		t.Fatalf("%s: links changed (-read +back):\n%s", what, diff)
	}
}

func FuzzReadJSON(f *testing.F) {
	for _, path := range []string{"testdata/rich.json", "../examples/jobtown2/jobtown1.json"} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"format": "labournet/1", "actors": [{"id": "a", "kind": "school"}], "links": []}`))
	f.Add([]byte(`{"format": "labournet/1", "actors": [{"id": "a", "kind": "school", "x": 1}]}`))
	f.Add([]byte(`{"links": [{"from": "a", "to": "b", "kind": "cooperation"}], "format": "labournet/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ReadJSON(bytes.NewReader(data), "fuzz.json")
		if (n == nil) == (err == nil) {
			t.Fatalf("want a network or an error, got %v and %v", n, err)
		}
		if err != nil {
			return
		}
		var js bytes.Buffer
		if err := WriteJSON(&js, n); err != nil {
			t.Fatalf("an accepted network must write: %v", err)
		}
		back, err := ReadJSON(&js, "back.json")
		if err != nil {
			t.Fatalf("written JSON must read back: %v\n%s", err, js.String())
		}
		requireSame(t, n, back, "JSON")
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add("id,kind,name\na,school,A\nb,ngo,\"B, with comma\"\n", "from,to,kind,weight\na,b,cooperation,2\n")
	f.Add("\uFEFFid,kind,targetGroups,attrs.x\na,school,youth; over-55,1\n", "")
	f.Add("id,kind\na,school\nb,ngo\n", "from,to,kind,money.amount,money.currency,start,end\na,b,funding,100,EUR,2012-09,2013\n")
	f.Add("id,kind\n", "from,to,kind\nx,y,cooperation\n")
	f.Fuzz(func(t *testing.T, actors, links string) {
		var lr *strings.Reader
		if links != "" {
			lr = strings.NewReader(links)
		}
		var n *network.Network
		var err error
		if lr == nil {
			n, err = ReadCSV(strings.NewReader(actors), nil, "actors.csv", "links.csv")
		} else {
			n, err = ReadCSV(strings.NewReader(actors), lr, "actors.csv", "links.csv")
		}
		if (n == nil) == (err == nil) {
			t.Fatalf("want a network or an error, got %v and %v", n, err)
		}
		if err != nil {
			return
		}
		var a, l bytes.Buffer
		if err := WriteCSV(&a, &l, n); err != nil {
			t.Fatalf("an accepted network must write: %v", err)
		}
		back, err := ReadCSV(&a, &l, "a.csv", "l.csv")
		if err != nil {
			t.Fatalf("written CSV must read back: %v\n%s\n%s", err, a.String(), l.String())
		}
		requireSame(t, n, back, "CSV")
	})
}
