package bottleneck

import (
	"testing"

	"github.com/labournet/labournet/network"
)

func BenchmarkBrokerage(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Brokerage(s, BrokerageOptions{}) })
}

// BenchmarkBrokerageHub adds a hub tied both ways to every actor: it lies on
// about N² two-paths, which are counted by group rather than enumerated.
func BenchmarkBrokerageHub(b *testing.B) {
	cutBenchOn(b, cutBenchHubNet, 0, func(b *testing.B, s *network.Snapshot) { Brokerage(s, BrokerageOptions{}) })
}
