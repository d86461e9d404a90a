package cohesion

import (
	"context"
	"testing"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
)

// TestPathsCancelAndProgress cancels ComponentPaths on a network of 10^5
// actors (it must stop within 100 ms) and runs it to the end on 10^3 actors
// (its progress must count up to its total), by links and weighted.
func TestPathsCancelAndProgress(t *testing.T) {
	big := testnet.BenchNetwork(t, 100000).Snapshot()
	small := testnet.BenchNetwork(t, 1000).Snapshot()
	for _, w := range []bool{false, true} {
		run := func(ctx context.Context, p analysis.Progress, large bool) error {
			s := small
			if large {
				s = big
			}
			_, err := ComponentPaths(ctx, s, ComponentPathsOptions{Weighted: w, Progress: p})
			return err
		}
		testnet.CheckCancel(t, func(ctx context.Context, p analysis.Progress) error { return run(ctx, p, true) })
		testnet.CheckProgress(t, func(p analysis.Progress) error { return run(context.Background(), p, false) })
	}
}
