package gap

import (
	"context"
	"testing"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
)

// TestCancelAndProgress cancels Recommend and OptimizeLinks while they try
// candidates on a network of 1,000 actors (they must stop within 100 ms),
// and runs them to the end on a small network (their progress must count up
// to its total).
func TestCancelAndProgress(t *testing.T) {
	big := testnet.BenchNetwork(t, 1000)
	small := testnet.Spec(t, []string{"lo1:labour-office", "lo2:labour-office", "e1:employer", "e2:employer", "e3:employer", "e4:employer", "wg:body:::education", "s:school"},
		[]string{"lo1>e1:cooperation", "e1>e2:cooperation", "lo2>e3:cooperation", "e3>e4:cooperation", "lo1>wg:membership"})
	m := DefaultModel()
	t.Run("recommend", func(t *testing.T) {
		testnet.CheckCancel(t, func(ctx context.Context, p analysis.Progress) error {
			_, err := Recommend(ctx, big, m, RecommendOptions{Progress: p})
			return err
		})
		testnet.CheckProgress(t, func(p analysis.Progress) error {
			_, err := Recommend(context.Background(), small, m, RecommendOptions{Progress: p})
			return err
		})
	})
	t.Run("optimize", func(t *testing.T) {
		testnet.CheckCancel(t, func(ctx context.Context, p analysis.Progress) error {
			_, err := OptimizeLinks(ctx, big, m, 3, OptimizeOptions{Progress: p})
			return err
		})
		testnet.CheckProgress(t, func(p analysis.Progress) error {
			_, err := OptimizeLinks(context.Background(), small, m, 3, OptimizeOptions{Progress: p})
			return err
		})
	})
}
