package neo4j

import (
	"io"
	"testing"

	"github.com/labournet/labournet/internal/testnet"
)

// BenchmarkWrite_100000_500000 writes 10^5 actors and 5·10^5 links to
// io.Discard and reports the peak heap in use above the network's own.
func BenchmarkWrite_100000_500000(b *testing.B) {
	n := testnet.RichNetwork(b, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, testnet.PeakHeap(func() {
			if err := WriteTo(io.Discard, io.Discard, n); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkWriteFiles_100000_500000 is BenchmarkWrite_100000_500000
// through Write, to files.
func BenchmarkWriteFiles_100000_500000(b *testing.B) {
	n := testnet.RichNetwork(b, 100_000)
	dir := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, testnet.PeakHeap(func() {
			if err := Write(dir, n); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
