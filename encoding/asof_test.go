package encoding_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
)

// TestAsOf checks the optional top-level "asOf" of labournet/1: written
// when set, read back, carried by GraphML, and a bad day reported with its
// place.
func TestAsOf(t *testing.T) {
	n := network.New("dated")
	require.NoError(t, n.AddActor(actor.Actor{ID: "a", Kind: actor.NGO}))
	n.AsOf = network.MustParseDate("2018-06")
	var js bytes.Buffer
	require.NoError(t, encoding.WriteJSON(&js, n))
	require.Contains(t, js.String(), `"asOf": "2018-06"`)
	back, err := encoding.ReadJSON(&js, "dated.json")
	require.NoError(t, err)
	require.Equal(t, n.AsOf, back.AsOf)

	var gm bytes.Buffer
	require.NoError(t, graphml.Write(&gm, n))
	fromXML, err := graphml.Read(&gm, "dated.graphml")
	require.NoError(t, err)
	require.Equal(t, n.AsOf, fromXML.AsOf)

	plain := network.New("undated")
	js.Reset()
	require.NoError(t, encoding.WriteJSON(&js, plain))
	require.NotContains(t, js.String(), "asOf", "unknown stays unknown")

	_, err = encoding.ReadJSON(strings.NewReader(`{"format": "labournet/1",
 "asOf": "June 2018", "actors": [], "links": []}`), "bad.json")
	require.ErrorIs(t, err, network.ErrDate)
	require.Contains(t, err.Error(), "bad.json:2")
	require.Contains(t, err.Error(), "asOf")
}
