package gap

import (
	"fmt"
	"testing"

	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// BenchmarkMeasure measures a network against the default model, and the
// same network with one cooperation link added, measured afresh (Measure
// of a copy) and from the state before (measureChange, as Recommend and
// OptimizeLinks measure their proposals), at 10^4 and 10^5 actors.
func BenchmarkMeasure(b *testing.B) {
	m := DefaultModel()
	for _, n := range []int{10000, 100000} {
		nw := testnet.BenchNetwork(b, n)
		day := nw.Day(network.Date{})
		base := Measure(nw, m, day)
		l := network.Link{From: base.snap.ID(1), To: base.snap.ID(n - 2), Kind: network.Cooperation}
		b.Run(fmt.Sprintf("%d/base", n), func(b *testing.B) {
			for b.Loop() {
				Measure(nw, m, day)
			}
		})
		b.Run(fmt.Sprintf("%d/applied", n), func(b *testing.B) {
			for b.Loop() {
				after, err := nw.Apply(network.Edit{AddLinks: []network.Link{l}})
				if err != nil {
					b.Fatal(err)
				}
				Compare(base, Measure(after, m, day), l.From, l.To)
			}
		})
		b.Run(fmt.Sprintf("%d/change", n), func(b *testing.B) {
			for b.Loop() {
				after, err := measureChange(base, nil, []network.Link{l})
				if err != nil {
					b.Fatal(err)
				}
				Compare(base, after, l.From, l.To)
			}
		})
	}
}
