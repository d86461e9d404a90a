package parquet

import (
	"io"
	"testing"

	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// BenchmarkWrite_100000_500000 writes 10^5 actors and 5·10^5 links to
// io.Discard and reports the peak heap in use above the network's own.
func BenchmarkWrite_100000_500000(b *testing.B) {
	testnet.BenchWrite(b, func(n *network.Network) error { return WriteTo(io.Discard, io.Discard, n, Options{}) })
}

// BenchmarkWriteFiles_100000_500000 is BenchmarkWrite_100000_500000
// through Write, to files.
func BenchmarkWriteFiles_100000_500000(b *testing.B) {
	dir := b.TempDir()
	testnet.BenchWrite(b, func(n *network.Network) error { return Write(dir, n) })
}
