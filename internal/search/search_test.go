package search

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

func TestHeapOrder(t *testing.T) {
	var h Heap
	rng := rand.New(rand.NewPCG(1, 2))
	var want []float64
	for i := range 200 {
		d := float64(rng.IntN(50))
		h.Push(Item{V: int32(i), D: d})
		want = append(want, d)
	}
	slices.Sort(want)
	var got []float64
	last := Item{D: -1}
	for len(h) > 0 {
		it := h.Pop()
		require.True(t, it.D > last.D || it.D == last.D && it.V > last.V, "by distance, then actor")
		got = append(got, it.D)
		last = it
	}
	require.Equal(t, want, got)
}

// path returns the snapshot of the path a0 – a1 – ... – a(k-1).
func path(t *testing.T, k int) *network.Snapshot {
	t.Helper()
	var as []actor.Actor
	var ls []network.Link
	for i := range k {
		as = append(as, actor.Actor{ID: string(rune('a'+i/26)) + string(rune('a'+i%26)), Kind: actor.NGO})
		if i > 0 {
			ls = append(ls, network.Link{From: as[i-1].ID, To: as[i].ID, Kind: network.Cooperation, Weight: float64(i)})
		}
	}
	n, err := network.Build("path", as, ls)
	require.NoError(t, err)
	return n.Snapshot()
}

func TestRunDistances(t *testing.T) {
	s := path(t, 6)
	c := New(s.N())
	require.True(t, c.Run(Forward(s, false), 0, nil))
	require.Equal(t, []float64{0, 1, 2, 3, 4, 5}, c.Dist)
	require.True(t, c.Run(Forward(s, false), 0, Distance(true, true)))
	require.Equal(t, []float64{0, 1, 3, 6, 10, 15}, c.Dist, "weights as distances add up")
	require.True(t, c.Run(Forward(s, false), 5, nil))
	require.Equal(t, 5.0, c.Dist[0], "a search resets what the last one touched")
	for _, sig := range c.Sigma[:6] {
		require.Equal(t, 1.0, sig, "one shortest path on a path")
	}
}

func TestParallelIsDeterministicAndCancellable(t *testing.T) {
	s := path(t, 60)
	each := func(c *Search, src int, acc []float64) {
		c.Run(Forward(s, false), src, Distance(true, false))
		for _, v := range c.Order {
			acc[v] += c.Dist[v]
		}
	}
	var calls, last int
	one, err := Parallel(NewTracker(context.Background(), s.N(), func(done, total int) {
		calls++
		require.Greater(t, done, last)
		require.Equal(t, 60, total)
		last = done
	}), s.N(), nil, 1, each)
	require.NoError(t, err)
	require.Equal(t, 60, calls, "one step per source")
	four, err := Parallel(NewTracker(context.Background(), s.N(), nil), s.N(), nil, 4, each)
	require.NoError(t, err)
	for i := range one {
		require.Equal(t, math.Float64bits(one[i]), math.Float64bits(four[i]), "the sums do not depend on the workers")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Parallel(NewTracker(ctx, s.N(), nil), s.N(), nil, 2, each)
	require.ErrorIs(t, err, context.Canceled)
}

func TestTrackerFinish(t *testing.T) {
	var got [][2]int
	tr := NewTracker(context.Background(), 10, func(done, total int) { got = append(got, [2]int{done, total}) })
	require.True(t, tr.Step(3))
	tr.Finish()
	tr.Finish()
	require.Equal(t, [][2]int{{3, 10}, {10, 10}}, got, "Finish reports all done, once")
	require.NoError(t, tr.Err())
	require.Equal(t, 3, Workers(3, 10))
	require.Equal(t, 1, Workers(8, 0), "at least one worker")
}

// TestAccumulate checks the pool under Parallel: each item adds into its
// buffer (k mod 16) in increasing k, each worker number stays below
// Workers(workers, count) and is used by one goroutine at a time, steps
// count what each item returns, and the sum does not depend on the workers.
func TestAccumulate(t *testing.T) {
	const n, count = 7, 100
	run := func(workers int) []float64 {
		var last int
		tr := NewTracker(context.Background(), 2*count, func(done, total int) {
			assert.Greater(t, done, last) // called on the workers' goroutines
			last = done
		})
		busy := make([]atomic.Bool, Workers(workers, count))
		out, err := Accumulate(tr, n, count, workers, func(w, k int, acc []float64) int {
			assert.Less(t, w, len(busy))
			assert.False(t, busy[w].Swap(true), "worker %d used twice at once", w)
			defer busy[w].Store(false)
			// Not associative in floating point: the order of the items
			// within a buffer shows in the bits of the sum.
			acc[k%n] = acc[k%n]*1.1 + 1/float64(k+1)
			return 2
		})
		require.NoError(t, err)
		require.Equal(t, 2*count, last, "each item finished two steps")
		return out
	}
	want := make([]float64, n)
	for b := range 16 {
		acc := make([]float64, n)
		for k := b; k < count; k += 16 {
			acc[k%n] = acc[k%n]*1.1 + 1/float64(k+1)
		}
		for i := range acc {
			want[i] += acc[i]
		}
	}
	for _, workers := range []int{1, 2, 5, 16, 40} {
		got := run(workers)
		for i := range want {
			require.Equal(t, math.Float64bits(want[i]), math.Float64bits(got[i]), "workers %d, value %d", workers, i)
		}
	}
	out, err := Accumulate(NewTracker(context.Background(), 0, nil), n, 0, 2, func(int, int, []float64) int { return 1 })
	require.NoError(t, err)
	require.Equal(t, make([]float64, n), out, "no items, zeros")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Accumulate(NewTracker(ctx, count, nil), n, count, 2, func(int, int, []float64) int { return 1 })
	require.ErrorIs(t, err, context.Canceled)
}
