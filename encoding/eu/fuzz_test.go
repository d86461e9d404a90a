package eu_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/labournet/labournet/encoding/eu"
)

// FuzzImport feeds the CSV reader of each preset arbitrary tables: it must
// return a network or an error, never panic, and a network it returns must
// hold every link's ends.
func FuzzImport(f *testing.F) {
	for _, p := range []string{"testdata/cordis/organization.csv", "testdata/kohesio/CZ-pp21-27-20260924.csv",
		"testdata/erasmus/ErasmusPlus_KA2_2022_Projects_Overview.csv"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(orgHeader + "\n" + orgRow("1", "A", "9", "", "Org", "", "false", "HES", "", "", "", "CZ", "CZ051", "", "", "", "", "", "1", "coordinator", "1,5")))
	layouts := map[string]*eu.Layout{}
	for _, name := range eu.Presets() {
		layouts[name] = preset(f, name)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range eu.Presets() {
			res, err := eu.ImportReader(context.Background(), layouts[name], bytes.NewReader(data), "in.csv", eu.Options{})
			if err != nil {
				continue
			}
			n := res.Network
			for _, l := range n.Links() {
				if _, ok := n.Actor(l.From); !ok {
					t.Fatalf("%s: link from unknown %q", name, l.From)
				}
				if _, ok := n.Actor(l.To); !ok {
					t.Fatalf("%s: link to unknown %q", name, l.To)
				}
			}
		}
	})
}
