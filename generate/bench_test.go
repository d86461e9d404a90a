package generate_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/labournet/labournet/generate"
)

var benchSizes = []int{10_000, 100_000}

func BenchmarkNetwork(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := generate.Network(generate.Options{Actors: n, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := generate.Write(io.Discard, generate.Options{Actors: n, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
