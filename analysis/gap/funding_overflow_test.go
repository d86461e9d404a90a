package gap

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/network"
)

// Amounts whose sum overflows float64 give exact, finite shares, and JSON
// without +Inf.
func TestFundingOverflow(t *testing.T) {
	money := func(a float64) *network.Money { return &network.Money{Amount: a, Currency: "EUR"} }
	fs := FundingFlows(fundNet(t, []network.Link{
		{From: "f1", To: "p", Kind: network.Funding, Money: money(1e308)},
		{From: "f2", To: "p", Kind: network.Funding, Money: money(1e308)},
		{From: "f3", To: "p", Kind: network.Funding, Money: money(1e308)},
		{From: "f3", To: "p", Kind: network.Funding, Money: money(1e308)},
		{From: "p", To: "q", Kind: network.Funding, Money: money(1e308)},
	}), network.Date{})
	require.Len(t, fs, 2)
	p := fs[0]
	require.Equal(t, "p", p.ID)
	require.Equal(t, "f3", p.Direct[0].ID)
	require.InDelta(t, 0.5, float64(p.Direct[0].Share), 1e-15)
	require.InDelta(t, 0.25, float64(p.Direct[1].Share), 1e-15)
	require.InDelta(t, 0.25, float64(p.Direct[2].Share), 1e-15)
	require.True(t, math.IsInf(float64(p.Direct[0].Amount), 1), "f3's sum overflows")
	require.InDelta(t, 1e308, float64(p.Direct[1].Amount), 1e293)
	require.InDelta(t, 0.375, float64(p.HHI), 1e-15)
	for _, f := range fs {
		for _, s := range append(f.Direct, f.Origins...) {
			require.False(t, math.IsInf(float64(s.Share), 0) || s.Share.IsNaN(), "%s <- %s", f.ID, s.ID)
		}
	}
	b, err := json.Marshal(fs)
	require.NoError(t, err, "no +Inf in JSON")
	require.Contains(t, string(b), `"id":"f3","amount":null`)
	require.NotContains(t, string(b), "Inf")

	// Two amounts of 1e308 from two sources: half each.
	fs = FundingFlows(fundNet(t, []network.Link{
		{From: "a", To: "x", Kind: network.Funding, Money: money(1e308)},
		{From: "b", To: "x", Kind: network.Funding, Money: money(1e308)},
	}), network.Date{})
	require.Equal(t, 0.5, float64(fs[0].Direct[0].Share))
	require.Equal(t, 0.5, float64(fs[0].Direct[1].Share))
	require.Equal(t, 0.5, float64(fs[0].HHI))
	_, err = json.Marshal(fs)
	require.NoError(t, err)
}
