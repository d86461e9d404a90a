package graphml_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
)

const moneyHead = `<graphml>
<key id="ma" for="edge" attr.name="money.amount" attr.type="double"/>
<key id="mc" for="edge" attr.name="money.currency" attr.type="string"/>
<key id="mx" for="edge" attr.name="money.ceiling" attr.type="boolean"/>
<graph edgedefault="directed"><node id="a"/><node id="b"/>
`

// TestReadMoneyCeiling: money.ceiling is an XML Schema boolean, so "1" is
// true. The reader used to take anything but "true" for false, silently.
func TestReadMoneyCeiling(t *testing.T) {
	for _, v := range []string{"true", "1", "True"} {
		in := moneyHead + `<edge source="a" target="b"><data key="ma">800000</data><data key="mc">PLN</data><data key="mx">` + v + `</data></edge></graph></graphml>`
		n, err := graphml.Read(strings.NewReader(in), "m.graphml")
		require.NoError(t, err, v)
		require.Equal(t, &network.Money{Amount: 800000, Currency: "PLN", Ceiling: true}, n.Links()[0].Money, v)
	}
	in := moneyHead + `<edge source="a" target="b"><data key="ma">1</data><data key="mc">PLN</data><data key="mx">perhaps</data></edge></graph></graphml>`
	_, err := graphml.Read(strings.NewReader(in), "m.graphml")
	require.ErrorIs(t, err, encoding.ErrFormat, "a ceiling that is no boolean is reported, not read as false")
	require.ErrorContains(t, err, "m.graphml:6: edge a -> b: money.ceiling:")
}

// TestReadMoneyWithoutAmount: a currency or a ceiling without an amount is
// reported, as the CSV reader does; the ceiling was silently dropped.
func TestReadMoneyWithoutAmount(t *testing.T) {
	for _, data := range []string{`<data key="mc">EUR</data>`, `<data key="mx">true</data>`} {
		in := moneyHead + `<edge source="a" target="b">` + data + `</edge></graph></graphml>`
		n, err := graphml.Read(strings.NewReader(in), "m.graphml")
		require.Nil(t, n, data)
		require.ErrorIs(t, err, encoding.ErrFormat, data)
		require.ErrorContains(t, err, "m.graphml:6: edge a -> b: money.amount: ", data)
	}
}

func TestWriteRejectsSeparatorInList(t *testing.T) {
	n, err := network.Build("x", []actor.Actor{{ID: "a", Kind: actor.School, Skills: []string{"reading; writing"}}}, nil)
	require.NoError(t, err)
	var b strings.Builder
	err = graphml.Write(&b, n)
	require.ErrorIs(t, err, actor.ErrInvalidText)
	require.ErrorContains(t, err, `graphml: actor "a": skills: `)
}

// TestReadBooleans: booleans read as XML Schema, Python and igraph write
// them; false is no value.
func TestReadBooleans(t *testing.T) {
	head := `<graphml><key id="k" for="node" attr.name="kind"/><key id="g" for="node" attr.name="aggregate" attr.type="boolean"/><graph>`
	for v, want := range map[string]bool{"true": true, "True": true, "TRUE": true, "1": true, "false": false, "False": false, "0": false, "": false} {
		in := head + `<node id="a"><data key="k">municipality</data><data key="g">` + v + `</data></node></graph></graphml>`
		n, err := graphml.Read(strings.NewReader(in), "b.graphml")
		require.NoError(t, err, v)
		a, _ := n.Actor("a")
		require.Equal(t, want, a.Aggregate, v)
	}
}

// TestReadIgraphStyle: igraph names its nodes n0, n1... and keeps the
// original ids in the vertex attribute "id"; it writes every attribute on
// every element, empty, NaN, false or 0 where the original had none, and a
// count as a double. A "label" without a name is the name; an attribute of
// no field is kept and noted.
func TestReadIgraphStyle(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_label" for="node" attr.name="label" attr.type="string"/>
  <key id="v_count" for="node" attr.name="count" attr.type="double"/>
  <key id="v_size" for="node" attr.name="size" attr.type="double"/>
  <key id="v_id" for="node" attr.name="id" attr.type="string"/>
  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="e_amount" for="edge" attr.name="money.amount" attr.type="double"/>
  <key id="e_currency" for="edge" attr.name="money.currency" attr.type="string"/>
  <key id="e_ceiling" for="edge" attr.name="money.ceiling" attr.type="boolean"/>
  <key id="e_since" for="edge" attr.name="since" attr.type="double"/>
  <key id="e_from" for="edge" attr.name="from" attr.type="string"/>
  <key id="e_to" for="edge" attr.name="to" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="v_label">Labour office</data><data key="v_count">NaN</data><data key="v_size">2.5</data><data key="v_id">office</data></node>
    <node id="n1"><data key="v_label">Fund</data><data key="v_count">8.0</data><data key="v_id">fund</data></node>
    <edge source="n0" target="n1">
      <data key="e_kind">funding</data><data key="e_weight">NaN</data><data key="e_amount">NaN</data>
      <data key="e_currency"></data><data key="e_ceiling">false</data><data key="e_since">2012</data>
      <data key="e_from">fund</data><data key="e_to">office</data>
    </edge>
    <edge source="n0" target="n1">
      <data key="e_kind">funding</data><data key="e_weight">0</data><data key="e_amount">0</data>
      <data key="e_ceiling">0</data><data key="e_from">fund</data><data key="e_to">office</data>
    </edge>
  </graph>
</graphml>`
	n, notes, err := graphml.ReadWithNotes(strings.NewReader(in), "ig.graphml")
	require.NoError(t, err)
	require.Equal(t, []actor.Actor{
		{ID: "office", Name: "Labour office", Kind: actor.Organisation, Attrs: map[string]string{"size": "2.5"}},
		{ID: "fund", Name: "Fund", Kind: actor.Organisation, Count: 8},
	}, n.Actors())
	require.Equal(t, []network.Link{
		{From: "fund", To: "office", Kind: network.Funding, Attrs: map[string]string{"since": "2012"}},
		{From: "fund", To: "office", Kind: network.Funding},
	}, n.Links(), "the ends from the from/to data, NaN and 0 amounts no money")
	require.Equal(t, []string{
		`ig.graphml: node attribute "label" read as actor names`,
		"ig.graphml: attributes not in the labournet schema, kept as actor attrs: size",
		"ig.graphml: attributes not in the labournet schema, kept as link attrs: since",
	}, notes)
}

// TestReadFromToMismatch: "from" and "to" data that name other actors than
// the edge's ends do not move the link; they are kept and noted.
func TestReadFromToMismatch(t *testing.T) {
	in := `<graphml>
<key id="f" for="edge" attr.name="from"/><key id="t" for="edge" attr.name="to"/>
<graph edgedefault="directed"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="f">c</data><data key="t">b</data></edge>
</graph></graphml>`
	n, notes, err := graphml.ReadWithNotes(strings.NewReader(in), "m.graphml")
	require.NoError(t, err)
	l := n.Links()[0]
	require.Equal(t, "a", l.From)
	require.Equal(t, "b", l.To)
	require.Equal(t, map[string]string{"from": "c", "to": "b"}, l.Attrs)
	require.Len(t, notes, 1)
	require.Contains(t, notes[0], "m.graphml:4: edge a -> b: its from/to data")
}

// TestWriteDirection: a mixed network is a directed graph, each link
// carrying its ends and whether it is directed; weight has a default of 1
// and is written for every link.
func TestWriteDirection(t *testing.T) {
	n, err := network.Build("x", []actor.Actor{{ID: "fund", Kind: actor.Fund}, {ID: "office", Kind: actor.LabourOffice}},
		[]network.Link{
			{From: "fund", To: "office", Kind: network.Funding},
			{From: "office", To: "fund", Kind: network.Cooperation},
		})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, graphml.Write(&b, n))
	out := b.String()
	require.Contains(t, out, `<graph id="G" edgedefault="directed">`)
	require.Contains(t, out, `attr.name="weight" attr.type="double"><default>1</default></key>`)
	require.Equal(t, 2, strings.Count(out, `<data key="l_weight">1</data>`))
	require.Contains(t, out, `<data key="l_from">fund</data>
      <data key="l_to">office</data>
      <data key="l_directed">true</data>`)
	require.Contains(t, out, `<data key="l_directed">false</data>`)
	back, notes, err := graphml.ReadWithNotes(strings.NewReader(out), "x.graphml")
	require.NoError(t, err)
	require.Empty(t, notes)
	require.Equal(t, n.Links(), back.Links())
}

// TestReadGraphData: the network's description and attributes are graph
// data; a graph attribute of no field is kept and noted.
func TestReadGraphData(t *testing.T) {
	n := network.New("G")
	n.Description = "about"
	n.Attrs = map[string]string{"source": "test"}
	var b strings.Builder
	require.NoError(t, graphml.Write(&b, n))
	in := strings.Replace(b.String(), `<graph id="G"`, `<key id="gx" for="graph" attr.name="edition"/><graph id="G"`, 1)
	in = strings.Replace(in, `</graph>`, `<data key="gx">2</data></graph>`, 1)
	back, notes, err := graphml.ReadWithNotes(strings.NewReader(in), "g.graphml")
	require.NoError(t, err)
	require.Equal(t, "about", back.Description)
	require.Equal(t, map[string]string{"source": "test", "edition": "2"}, back.Attrs)
	require.Equal(t, []string{"g.graphml: attributes not in the labournet schema, kept as network attrs: edition"}, notes)
}
