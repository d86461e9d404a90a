package report

import (
	"context"
	"fmt"
	"testing"

	"github.com/labournet/labournet/internal/testnet"
)

// BenchmarkReport runs the whole report, default optimiser included, on the
// benchmark networks (mean degree 5) at 10^3, 10^4 and 10^5 actors; above
// 5,000 actors betweenness and the path statistics are sampled (see
// Options.ExactUpTo).
func BenchmarkReport(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			nw := testnet.BenchNetwork(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(context.Background(), nw, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
