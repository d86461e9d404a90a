package gexf_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/gexf"
)

type doc struct {
	Graph struct {
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string `xml:"id,attr"`
			Label  string `xml:"label,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Type   string  `xml:"type,attr"`
			Kind   string  `xml:"kind,attr"`
			Weight float64 `xml:"weight,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func TestWriteCarriesEverything(t *testing.T) {
	for _, path := range []string{"../testdata/rich.json", "../../examples/jobtown2/jobtown2.json", "../../examples/vratsa/vratsa.json"} {
		n, err := encoding.Load(path)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, gexf.Write(&b, n))
		var d doc
		require.NoError(t, xml.Unmarshal(b.Bytes(), &d), path)
		titles := map[string]string{}
		for _, as := range d.Graph.Attributes {
			for _, a := range as.Attrs {
				titles[a.ID] = a.Title
			}
		}
		require.Len(t, d.Graph.Nodes, n.NumActors())
		for i, a := range n.Actors() {
			node := d.Graph.Nodes[i]
			require.Equal(t, a.ID, node.ID)
			require.Equal(t, a.Label(), node.Label)
			got := map[string]string{}
			for _, v := range node.Values {
				got[titles[v.For]] = v.Value
			}
			require.Equal(t, a.Kind.String(), got["kind"], a.ID)
			require.Equal(t, a.Country, got["country"], a.ID)
			for k, v := range a.Attrs {
				require.Equal(t, v, got["attr."+k], a.ID)
			}
		}
		require.Len(t, d.Graph.Edges, n.NumLinks())
		for i, l := range n.Links() {
			e := d.Graph.Edges[i]
			require.Equal(t, [2]string{l.From, l.To}, [2]string{e.Source, e.Target})
			require.Equal(t, l.Kind.String(), e.Kind)
			require.Equal(t, l.EffectiveWeight(), e.Weight)
			want := "undirected"
			if l.IsDirected() {
				want = "directed"
			}
			require.Equal(t, want, e.Type)
			got := map[string]string{}
			for _, v := range e.Values {
				got[titles[v.For]] = v.Value
			}
			require.Equal(t, l.Evidence, got["evidence"])
			if l.Money != nil {
				require.Equal(t, l.Money.Currency, got["money.currency"])
			}
		}
	}
}
