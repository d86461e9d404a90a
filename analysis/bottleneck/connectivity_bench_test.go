package bottleneck

import (
	"testing"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// BenchmarkMinGroupCut separates the actor with most ties and its contacts
// from every actor three or more ties away.
func BenchmarkMinGroupCut(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) {
		b.StopTimer()
		dist := make([]int, s.N())
		for i := range dist {
			dist[i] = -1
		}
		hub := cutBenchHub(s)
		dist[hub] = 0
		queue := []int{hub}
		for q := 0; q < len(queue); q++ {
			for _, w := range s.Neighbors(queue[q]) {
				if dist[w] < 0 {
					dist[w] = dist[queue[q]] + 1
					queue = append(queue, int(w))
				}
			}
		}
		a := func(x actor.Actor) bool { i, _ := s.Index(x.ID); return dist[i] >= 0 && dist[i] <= 1 }
		far := func(x actor.Actor) bool { i, _ := s.Index(x.ID); return dist[i] >= 3 }
		b.StartTimer()
		if _, err := MinGroupCut(s, a, far, GroupCutOptions{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGroupBetweenness measures paths from every hundredth actor to
// all employers.
func BenchmarkGroupBetweenness(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) {
		a := func(x actor.Actor) bool { i, _ := s.Index(x.ID); return i%100 == 0 }
		if _, err := GroupBetweenness(s, a, analysis.SelectKinds(actor.Employer)); err != nil {
			b.Fatal(err)
		}
	})
}
