package report

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
)

// TestCancelAndProgress cancels the report on a network of 10^5 actors (it
// must stop within 100 ms) and checks the stages it reports on a small one.
func TestCancelAndProgress(t *testing.T) {
	big := testnet.BenchNetwork(t, 100000)
	testnet.CheckCancel(t, func(ctx context.Context, p analysis.Progress) error {
		_, err := New(ctx, big, Options{Progress: func(_ string, done, total int) { p(done, total) }})
		return err
	})
	var stages []string
	_, err := New(context.Background(), reportNet(t), Options{Progress: func(stage string, done, total int) {
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
		require.LessOrEqual(t, done, total+0*done, "stage %s", stage)
	}})
	require.NoError(t, err)
	require.Equal(t, []string{"cohesion", "betweenness", "brokers", "communities", "gaps", "recommendations", "optimiser"}, stages)
}
