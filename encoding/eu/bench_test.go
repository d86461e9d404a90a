package eu_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/labournet/labournet/encoding/eu"
	"github.com/labournet/labournet/internal/cordisgen"
)

// BenchmarkImportCORDIS imports synthetic CORDIS folders (package
// internal/cordisgen, seed 1) of a tenth of H2020 and of H2020's size:
// 3,500 and 35,000 projects, about 18,000 and 180,000 participations.
// The target for the full size: under 30 s and 2 GB on 2 cores.
func BenchmarkImportCORDIS(b *testing.B) {
	l, err := eu.Preset("cordis")
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir() // kept across the runs of each size
	for _, projects := range []int{3500, 35000} {
		var dir string
		var st cordisgen.Stats
		b.Run(strconv.Itoa(projects), func(b *testing.B) {
			if dir == "" {
				dir = filepath.Join(root, strconv.Itoa(projects))
				if st, err = cordisgen.WriteDir(dir, cordisgen.Options{Projects: projects, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				res, err := eu.Import(context.Background(), l, []string{dir}, eu.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if res.Participations != st.Participations {
					b.Fatalf("%d participations imported, %d generated", res.Participations, st.Participations)
				}
			}
			b.ReportMetric(float64(st.Participations)*float64(b.N)/b.Elapsed().Seconds(), "participations/s")
		})
	}
}
