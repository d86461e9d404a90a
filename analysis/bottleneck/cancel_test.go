package bottleneck

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
)

// TestRemovalCancelAndProgress checks that the removal analyses report
// their progress up to their total, and that a cancelled context stops them
// with its error. They take linear time, so cancellation is checked before
// they start rather than during the run.
func TestRemovalCancelAndProgress(t *testing.T) {
	s := testnet.BenchNetwork(t, 10000).Snapshot()
	order := robustDegreeRanking(s)
	runs := map[string]func(ctx context.Context, p analysis.Progress) error{
		"effects": func(ctx context.Context, p analysis.Progress) error {
			_, err := RemovalEffects(ctx, s, RemovalOptions{Progress: p})
			return err
		},
		"fragmentation": func(ctx context.Context, p analysis.Progress) error {
			_, err := RemovalFragmentation(ctx, s, RemovalOptions{Progress: p})
			return err
		},
		"curve": func(ctx context.Context, p analysis.Progress) error {
			_, err := RemovalCurve(ctx, s, order, len(order), RemovalOptions{Progress: p})
			return err
		},
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			testnet.CheckProgress(t, func(p analysis.Progress) error { return run(context.Background(), p) })
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			require.ErrorIs(t, run(ctx, nil), context.Canceled)
		})
	}
}
