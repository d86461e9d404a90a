package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The CSV pair on standard input splits before the links header, whatever
// the delimiter, the case and the aliases of its columns.
func TestSplitCSVTables(t *testing.T) {
	for _, c := range []struct {
		name, actors, links string
	}{
		{"comma", "id,name,kind\na,A,ngo\nb,B,school\n", "from,to,kind\na,b,cooperation\n"},
		{"semicolon and aliases", "ID;Name;Type\na;\"A; the first\";ngo\n", "Source;Target;Type;attrs.note\na;b;cooperation;x\n"},
		{"tab", "id\tkind\na\tngo\n", "id\tFrom\tTo\tKind\n1\ta\tb\tfunding\n"},
		{"Excel, with a BOM on each table", "\ufeffid;kind\r\na;ngo\r\n", "\ufefffrom;to;kind\r\na;b;partnership\r\n"},
		{"no links table", "id,kind\na,ngo\nb,school\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			actors, links := splitCSVTables([]byte(c.actors + c.links))
			require.Equal(t, c.actors, string(actors))
			if c.links == "" {
				require.Nil(t, links)
			} else {
				require.Equal(t, c.links, string(links))
			}
		})
	}
	// The first row is never the links header, and a row with an unknown
	// column is not one.
	for _, data := range []string{
		"from,to,kind\na,b,cooperation\n",
		"id,kind\na,ngo\nfrom,to,colour\na,b,red\n",
	} {
		_, links := splitCSVTables([]byte(data))
		require.Nil(t, links, "%q", data)
	}
}
