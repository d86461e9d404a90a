package centrality

import (
	"context"
	"testing"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// TestCancelAndProgress cancels each long measure on a network of 10^5
// actors (it must stop within 100 ms) and runs it to the end on 10^3 actors
// (its progress must count up to its total).
func TestCancelAndProgress(t *testing.T) {
	big := testnet.BenchNetwork(t, 100000).Snapshot()
	small := testnet.BenchNetwork(t, 1000).Snapshot()
	runs := map[string]func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error{
		"betweenness": func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error {
			_, err := Betweenness(ctx, s, BetweennessOptions{Progress: p})
			return err
		},
		"weighted betweenness": func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error {
			_, err := Betweenness(ctx, s, BetweennessOptions{Weighted: true, Progress: p})
			return err
		},
		"sampled betweenness": func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error {
			_, err := ApproxBetweenness(ctx, s, 500, 1, BetweennessOptions{Progress: p})
			return err
		},
		"closeness": func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error {
			_, err := Closeness(ctx, s, ClosenessOptions{Progress: p})
			return err
		},
		"harmonic": func(ctx context.Context, s *network.Snapshot, p analysis.Progress) error {
			_, err := Harmonic(ctx, s, ClosenessOptions{Directed: true, Progress: p})
			return err
		},
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			testnet.CheckCancel(t, func(ctx context.Context, p analysis.Progress) error { return run(ctx, big, p) })
			testnet.CheckProgress(t, func(p analysis.Progress) error { return run(context.Background(), small, p) })
		})
	}
}
