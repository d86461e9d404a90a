package analysis_test

import (
	"fmt"

	"github.com/labournet/labournet/analysis"
)

// Betweenness on the example partnership: the labour office lies on most
// shortest paths, the school on the NGO's.
func ExampleBetweenness() {
	s := exampleNetwork()
	for _, sc := range analysis.Betweenness(s, analysis.BetweennessOptions{}).Top(3) {
		fmt.Printf("%s %.4f\n", sc.ID, sc.Value)
	}
	// Output:
	// labour-office 0.7333
	// school 0.3333
	// bakery 0.0000
}

// PageRank with NetworkX's default damping 0.85 on the undirected view.
func ExamplePageRank() {
	s := exampleNetwork()
	r, err := analysis.PageRank(s, analysis.PageRankOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sc := range r.Top(3) {
		fmt.Printf("%s %.4f\n", sc.ID, sc.Value)
	}
	// Output:
	// labour-office 0.2937
	// school 0.1877
	// town 0.1245
}
