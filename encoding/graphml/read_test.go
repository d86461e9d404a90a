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
