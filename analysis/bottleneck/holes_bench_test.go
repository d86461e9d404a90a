package bottleneck

import (
	"testing"

	"github.com/labournet/labournet/network"
)

func BenchmarkConstraint(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Constraint(s, HolesOptions{}) })
}

func BenchmarkConstraintDirectedWeighted(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Constraint(s, HolesOptions{Directed: true, Weighted: true}) })
}

func BenchmarkEffectiveSize(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { EffectiveSize(s, HolesOptions{}) })
}

func BenchmarkHierarchy(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Hierarchy(s, HolesOptions{Weighted: true}) })
}

func BenchmarkLocalConstraint(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) {
		hub := cutBenchHub(s)
		if _, err := LocalConstraint(s, s.ID(hub), s.ID(int(s.Neighbors(hub)[0])), HolesOptions{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkConstraintHub adds a hub tied to every actor: each ego's scan of
// the hub's contacts is replaced by lookups in the hub's row.
func BenchmarkConstraintHub(b *testing.B) {
	cutBenchOn(b, cutBenchHubNet, 0, func(b *testing.B, s *network.Snapshot) { Constraint(s, HolesOptions{}) })
}
