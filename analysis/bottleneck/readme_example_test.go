package bottleneck_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/network"
)

// Example_readme is the Go example of README.md; TestREADMEExampleInSync
// keeps the two identical.
func Example_readme() {
	defer chdir("../../examples/liberec")()
	// README:start
	n, err := encoding.Load("liberec.json")
	if err != nil {
		log.Fatal(err) // every problem, with its file, line and field
	}
	s := n.InForce(network.Date{}).Snapshot() // links in force on the data's asOf day, else today
	for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
		a, _ := n.Actor(c.ID)
		fmt.Printf("%s: %d pairs of actors depend on it\n", a.Label(), c.Separated)
	}
	// README:end

	// Output:
	// Extended level: working-group sessions open to other actors: 78 pairs of actors depend on it
	// Project team (analysis of the current state, map of links, optimisation proposal): 41 pairs of actors depend on it
}

func chdir(dir string) func() {
	old, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	if err := os.Chdir(dir); err != nil {
		panic(err)
	}
	return func() { _ = os.Chdir(old) }
}

// TestREADMEExampleInSync checks that the Go example of README.md (the code
// block after the "README example" comment) holds the code of
// Example_readme, line for line and in order.
func TestREADMEExampleInSync(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("readme_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- README example")
	if !ok {
		t.Fatal("README.md has no <!-- README example --> comment")
	}
	_, block, _ = strings.Cut(block, "```go\n")
	block, _, _ = strings.Cut(block, "```")
	_, code, _ := strings.Cut(string(src), "// README:start\n")
	code, _, _ = strings.Cut(code, "// README:end")
	lines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	readmeLines := lines(block)
	i := 0
	for _, want := range lines(code) {
		for i < len(readmeLines) && readmeLines[i] != want {
			i++
		}
		if i == len(readmeLines) {
			t.Fatalf("README.md's example lacks, or has out of order, the line\n\t%s\nof Example_readme", want)
		}
		i++
	}
}
