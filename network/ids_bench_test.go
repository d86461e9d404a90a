package network

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkIDIndexGet looks up IDs of the generator's form in random
// order, as the links of a file name their ends, among 2·10^4 and 10^6
// actors; and, for comparison, the same in a Go map.
func BenchmarkIDIndexGet(b *testing.B) {
	for _, n := range []int{20000, 1000000} {
		ids := make([]string, n)
		var x idIndex
		m := make(map[string]int32, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("emp-%06d", i)
			x.put(ids[i], i)
			m[ids[i]] = int32(i)
		}
		order := rand.New(rand.NewPCG(1, 2)).Perm(n)
		b.Run(fmt.Sprintf("index_%d", n), func(b *testing.B) {
			sum := 0
			for i := 0; b.Loop(); i++ {
				at, _ := x.get(ids[order[i%n]])
				sum += at
			}
			_ = sum
		})
		b.Run(fmt.Sprintf("map_%d", n), func(b *testing.B) {
			sum := int32(0)
			for i := 0; b.Loop(); i++ {
				sum += m[ids[order[i%n]]]
			}
			_ = sum
		})
	}
}
