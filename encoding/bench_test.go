package encoding

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// writeGenerated writes a seeded network of links links among links/5
// actors as the CSV pair and as JSON into dir.
func writeGenerated(tb testing.TB, dir string, links int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, uint64(links)))
	actors := max(links/5, 2)
	kinds := []string{"municipality", "labour-office", "employer", "school", "ngo", "library"}
	linkKinds := []string{"cooperation", "partnership", "funding", "membership", "service"}
	a, _ := os.Create(filepath.Join(dir, ActorsFile))
	l, _ := os.Create(filepath.Join(dir, LinksFile))
	j, _ := os.Create(filepath.Join(dir, "net.json"))
	aw, lw, jw := bufio.NewWriter(a), bufio.NewWriter(l), bufio.NewWriter(j)
	fmt.Fprintln(aw, "id,name,kind,country,targetGroups")
	fmt.Fprint(jw, "{\"format\": \"labournet/1\", \"name\": \"generated\",\n\"actors\": [\n")
	for i := range actors {
		k := kinds[rng.IntN(len(kinds))]
		fmt.Fprintf(aw, "a%d,Actor %d,%s,CZ,youth; over-55\n", i, i, k)
		sep := ","
		if i == actors-1 {
			sep = ""
		}
		fmt.Fprintf(jw, "{\"id\": \"a%d\", \"name\": \"Actor %d\", \"kind\": \"%s\", \"country\": \"CZ\", \"targetGroups\": [\"youth\", \"over-55\"]}%s\n", i, i, k, sep)
	}
	fmt.Fprintln(lw, "from,to,kind,weight,start")
	fmt.Fprint(jw, "],\n\"links\": [\n")
	for i := range links {
		u := rng.IntN(actors)
		v := (u + 1 + rng.IntN(actors-1)) % actors
		k := linkKinds[rng.IntN(len(linkKinds))]
		w := 1 + rng.IntN(5)
		fmt.Fprintf(lw, "a%d,a%d,%s,%d,2012-09\n", u, v, k, w)
		sep := ","
		if i == links-1 {
			sep = ""
		}
		fmt.Fprintf(jw, "{\"from\": \"a%d\", \"to\": \"a%d\", \"kind\": \"%s\", \"weight\": %d, \"start\": \"2012-09\"}%s\n", u, v, k, w, sep)
	}
	fmt.Fprint(jw, "]}\n")
	for _, w := range []*bufio.Writer{aw, lw, jw} {
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
	}
	a.Close()
	l.Close()
	j.Close()
}

func benchLoad(b *testing.B, links int, path func(dir string) string) {
	dir := b.TempDir()
	writeGenerated(b, dir, links)
	st, _ := os.Stat(filepath.Join(dir, LinksFile))
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n, err := LoadWith(path(dir), Limits{MaxElements: -1}) // 1e6 links and their actors: past the default
		if err != nil {
			b.Fatal(err)
		}
		if n.NumLinks() != links {
			b.Fatalf("%d links, want %d", n.NumLinks(), links)
		}
	}
}

func csvDir(dir string) string   { return dir }
func jsonFile(dir string) string { return filepath.Join(dir, "net.json") }

func BenchmarkReadCSV_1e4(b *testing.B)  { benchLoad(b, 1e4, csvDir) }
func BenchmarkReadCSV_1e5(b *testing.B)  { benchLoad(b, 1e5, csvDir) }
func BenchmarkReadCSV_1e6(b *testing.B)  { benchLoad(b, 1e6, csvDir) }
func BenchmarkReadJSON_1e4(b *testing.B) { benchLoad(b, 1e4, jsonFile) }
func BenchmarkReadJSON_1e5(b *testing.B) { benchLoad(b, 1e5, jsonFile) }
func BenchmarkReadJSON_1e6(b *testing.B) { benchLoad(b, 1e6, jsonFile) }
