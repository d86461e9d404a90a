package gap

import (
	"cmp"
	"math"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// FundingSource is money reaching an actor from one source.
type FundingSource struct {
	// ID is the source actor.
	ID string `json:"id"`
	// Amount is the known amount and Currency its ISO 4217 code; Known is
	// false when some link from this source gives no amount, and then
	// Amount is only what is known. A sum beyond the largest float64 is
	// +Inf, written as null in JSON; the shares stay exact (see
	// FundingFlows).
	Amount   analysis.Float `json:"amount"`
	Currency string         `json:"currency,omitempty"`
	Known    bool           `json:"known"`
	// Share is the source's share of everything the actor receives, in
	// [0, 1], or NaN (null in JSON) when amounts are missing or in several
	// currencies and the share cannot be known.
	Share analysis.Float `json:"share"`
}

// Funding is what one actor receives along funding chains.
type Funding struct {
	ID string `json:"id"`
	// Direct are the actors that fund this one directly, by descending
	// share, then ID.
	Direct []FundingSource `json:"direct"`
	// Origins are the actors at the start of the chains reaching this one
	// (sources that receive no funding themselves), with each one's share
	// traced through the chain: a partner that gets all its money from a
	// project financed 60/40 by two programmes owes 60% and 40% to them.
	// Amount is not traced (Amount 0, Known false); Share is NaN when an
	// amount on the way is missing.
	Origins []FundingSource `json:"origins"`
	// HHI is the Herfindahl–Hirschman index of the direct sources' shares,
	// Σ s_i², from 1/k (k equal sources) to 1 (a single source). It is 1 for
	// a single source whatever its amount, and NaN when the shares cannot be
	// known.
	HHI analysis.Float `json:"hhi"`
	// SingleFunder is true when exactly one actor funds this one directly.
	SingleFunder bool `json:"singleFunder"`
}

// FundingFlows traces the funding links of n (directed funding links in
// force on the day at; the zero Date means n.Day) and returns, for every actor that receives funding, its
// direct sources with their shares, the origins of its money along the
// chains (fund → programme → project → partner), the concentration of its
// sources (Herfindahl index) and whether it depends on a single funder.
// Results are sorted by actor ID.
//
// A source's share of an actor's inflow is its known amount over the total,
// when every incoming funding link gives an amount in one currency (amounts
// whose sum overflows float64 are scaled by the largest first, so that their
// shares stay exact and finite);
// otherwise the share is unknown (NaN), never guessed. Shares through a chain
// multiply: share(o → v) = Σ_u share(u → v) · share(o → u). Funding cycles are
// cut where the depth-first search meets them (the link closing a cycle is
// ignored for origins).
//
// It takes O(N + L·O) time, O being the largest number of origins reaching an
// actor.
func FundingFlows(n *network.Network, at network.Date) []Funding {
	day := n.Day(at)
	type in struct {
		from   string
		amount float64
		cur    string
		known  bool
	}
	incoming := map[string][]in{}
	for _, l := range n.AllLinks() {
		if l.Kind != network.Funding || !l.InForce(day) || !l.IsDirected() {
			continue
		}
		x := in{from: l.From}
		if l.Money != nil && !l.Money.Ceiling {
			x.amount, x.cur, x.known = l.Money.Amount, l.Money.Currency, true
		}
		incoming[l.To] = append(incoming[l.To], x)
	}
	direct := map[string][]FundingSource{}
	for id, ins := range incoming {
		bySrc := map[string]*FundingSource{}
		var order []string
		allKnown, cur := true, ""
		total := 0.0
		for _, x := range ins {
			s := bySrc[x.from]
			if s == nil {
				s = &FundingSource{ID: x.from, Known: true}
				bySrc[x.from] = s
				order = append(order, x.from)
			}
			if !x.known {
				s.Known, allKnown = false, false
				continue
			}
			if cur == "" {
				cur = x.cur
			} else if cur != x.cur {
				allKnown = false
			}
			s.Amount += analysis.Float(x.amount)
			s.Currency = x.cur
			total += x.amount
		}
		// share returns the share of a source: its amount over the total,
		// or, when a sum overflows, the same computed on the amounts
		// divided by the largest one, which cannot overflow.
		share := func(s *FundingSource) analysis.Float {
			if !math.IsInf(total, 0) && !math.IsInf(float64(s.Amount), 0) {
				return s.Amount / analysis.Float(total)
			}
			largest := 0.0
			for _, x := range ins {
				if x.known {
					largest = max(largest, x.amount)
				}
			}
			var mine, all float64
			for _, x := range ins {
				if x.known {
					all += x.amount / largest
					if x.from == s.ID {
						mine += x.amount / largest
					}
				}
			}
			return analysis.Float(mine / all)
		}
		var srcs []FundingSource
		for _, from := range order {
			s := *bySrc[from]
			switch {
			case len(order) == 1:
				s.Share = 1
			case allKnown && total > 0:
				s.Share = share(&s)
			default:
				s.Share = analysis.NaN()
			}
			srcs = append(srcs, s)
		}
		slices.SortFunc(srcs, compareSources)
		direct[id] = srcs
	}
	// Trace origins by depth-first search with memoisation.
	origins := map[string]map[string]analysis.Float{}
	state := map[string]int{} // 0 new, 1 on stack, 2 done
	var trace func(id string) map[string]analysis.Float
	trace = func(id string) map[string]analysis.Float {
		if state[id] == 2 {
			return origins[id]
		}
		state[id] = 1
		res := map[string]analysis.Float{}
		for _, s := range direct[id] {
			if state[s.ID] == 1 {
				continue // cycle
			}
			if len(direct[s.ID]) == 0 {
				res[s.ID] += s.Share
				continue
			}
			for o, sh := range trace(s.ID) {
				res[o] += s.Share * sh
			}
		}
		state[id] = 2
		origins[id] = res
		return res
	}
	ids := make([]string, 0, len(direct))
	for id := range direct {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]Funding, 0, len(ids))
	for _, id := range ids {
		f := Funding{ID: id, Direct: direct[id], Origins: []FundingSource{}, SingleFunder: len(direct[id]) == 1}
		f.HHI = 0
		for _, s := range f.Direct {
			f.HHI += s.Share * s.Share
		}
		for o, sh := range trace(id) {
			f.Origins = append(f.Origins, FundingSource{ID: o, Share: sh})
		}
		slices.SortFunc(f.Origins, compareSources)
		out = append(out, f)
	}
	return out
}

func compareSources(a, b FundingSource) int {
	an, bn := a.Share.IsNaN(), b.Share.IsNaN()
	switch {
	case an != bn:
		if an {
			return 1
		}
		return -1
	case !an && a.Share != b.Share:
		return cmp.Compare(b.Share, a.Share)
	}
	return cmp.Compare(a.ID, b.ID)
}
