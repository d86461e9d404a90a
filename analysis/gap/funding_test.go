package gap

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

func fundNet(t *testing.T, links []network.Link) *network.Network {
	t.Helper()
	ids := map[string]bool{}
	var as []actor.Actor
	for _, l := range links {
		for _, id := range []string{l.From, l.To} {
			if !ids[id] {
				ids[id] = true
				as = append(as, actor.Actor{ID: id, Kind: actor.Organisation})
			}
		}
	}
	n, err := network.Build("funding", as, links)
	require.NoError(t, err)
	return n
}

func eur(a float64) *network.Money { return &network.Money{Amount: a, Currency: "EUR"} }

func TestFundingFlows(t *testing.T) {
	nan := analysis.NaN()
	n := fundNet(t, []network.Link{
		{From: "f1", To: "prog", Kind: network.Funding, Money: eur(100)},
		{From: "f2", To: "prog", Kind: network.Funding, Money: eur(300)},
		{From: "prog", To: "proj", Kind: network.Funding},
		{From: "proj", To: "a", Kind: network.Funding, Money: eur(50)},
		{From: "proj", To: "b", Kind: network.Funding},
		{From: "f3", To: "b", Kind: network.Funding, Money: eur(10)},
		{From: "f4", To: "b", Kind: network.Funding, Status: network.Planned, Money: eur(10)},
		{From: "a", To: "b", Kind: network.Cooperation},
	})
	got := FundingFlows(n, network.Date{})
	want := []Funding{
		{ID: "a", SingleFunder: true, HHI: 1,
			Direct:  []FundingSource{{ID: "proj", Amount: 50, Currency: "EUR", Known: true, Share: 1}},
			Origins: []FundingSource{{ID: "f2", Share: 0.75}, {ID: "f1", Share: 0.25}}},
		{ID: "b", HHI: nan, // proj gives no amount: shares unknown
			Direct:  []FundingSource{{ID: "f3", Amount: 10, Currency: "EUR", Known: true, Share: nan}, {ID: "proj", Share: nan}},
			Origins: []FundingSource{{ID: "f1", Share: nan}, {ID: "f2", Share: nan}, {ID: "f3", Share: nan}}},
		{ID: "prog", HHI: 0.625,
			Direct:  []FundingSource{{ID: "f2", Amount: 300, Currency: "EUR", Known: true, Share: 0.75}, {ID: "f1", Amount: 100, Currency: "EUR", Known: true, Share: 0.25}},
			Origins: []FundingSource{{ID: "f2", Share: 0.75}, {ID: "f1", Share: 0.25}}},
		{ID: "proj", SingleFunder: true, HHI: 1,
			Direct:  []FundingSource{{ID: "prog", Share: 1}},
			Origins: []FundingSource{{ID: "f2", Share: 0.75}, {ID: "f1", Share: 0.25}}},
	}
	if diff := cmp.Diff(want, got, testnet.Approx(1e-12)); diff != "" {
		t.Errorf("FundingFlows (-want +got):\n%s", diff)
	}
}

func TestFundingSharesNeedOneCurrencyAndNoCeiling(t *testing.T) {
	tests := []struct {
		reason string
		links  []network.Link
		hhi    float64
	}{
		{"two currencies cannot be added", []network.Link{
			{From: "f1", To: "p", Kind: network.Funding, Money: eur(1)},
			{From: "f2", To: "p", Kind: network.Funding, Money: &network.Money{Amount: 1, Currency: "BGN"}}}, math.NaN()},
		{"a ceiling is not the sum paid", []network.Link{
			{From: "f1", To: "p", Kind: network.Funding, Money: eur(1)},
			{From: "f2", To: "p", Kind: network.Funding, Money: &network.Money{Amount: 1, Currency: "EUR", Ceiling: true}}}, math.NaN()},
		{"equal known amounts", []network.Link{
			{From: "f1", To: "p", Kind: network.Funding, Money: eur(2)},
			{From: "f2", To: "p", Kind: network.Funding, Money: eur(2)}}, 0.5},
		{"an undirected funding link is not a flow", []network.Link{
			{From: "f1", To: "p", Kind: network.Funding, Money: eur(2)},
			{From: "f2", To: "p", Kind: network.Funding, Direction: network.Undirected, Money: eur(2)}}, 1},
	}
	for _, tt := range tests {
		fs := FundingFlows(fundNet(t, tt.links), network.Date{})
		require.Len(t, fs, 1, tt.reason)
		if diff := cmp.Diff(tt.hhi, float64(fs[0].HHI), cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("%s: HHI (-want +got):\n%s", tt.reason, diff)
		}
	}
}

func TestFundingCycle(t *testing.T) {
	fs := FundingFlows(fundNet(t, []network.Link{
		{From: "x", To: "y", Kind: network.Funding},
		{From: "y", To: "x", Kind: network.Funding},
		{From: "root", To: "x", Kind: network.Funding},
	}), network.Date{})
	require.Len(t, fs, 2)
	for _, f := range fs {
		for _, o := range f.Origins {
			require.Equal(t, "root", o.ID, "a cycle must not make %s an origin of %s", o.ID, f.ID)
		}
	}
}

func TestFundingJSONNulls(t *testing.T) {
	b, err := json.Marshal(Funding{ID: "p", HHI: analysis.NaN(), Direct: []FundingSource{{ID: "f", Share: analysis.NaN()}}})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"p","direct":[{"id":"f","amount":0,"known":false,"share":null}],"origins":null,"hhi":null,"singleFunder":false}`, string(b))
}
