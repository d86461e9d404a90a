package centrality_test

import (
	"context"
	"fmt"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/network"
)

// exampleNetwork is a small local partnership: the labour office links the
// town's employers and schools to the regional fund, and a school alone
// links in an NGO.
func exampleNetwork() *network.Snapshot {
	n, err := network.Build("example", []actor.Actor{
		{ID: "labour-office", Kind: actor.LabourOffice},
		{ID: "town", Kind: actor.Municipality},
		{ID: "factory", Kind: actor.Employer},
		{ID: "bakery", Kind: actor.Employer},
		{ID: "school", Kind: actor.School},
		{ID: "ngo", Kind: actor.NGO},
		{ID: "fund", Kind: actor.Fund},
	}, []network.Link{
		{From: "labour-office", To: "town", Kind: network.Partnership},
		{From: "labour-office", To: "factory", Kind: network.Cooperation},
		{From: "labour-office", To: "bakery", Kind: network.Cooperation},
		{From: "factory", To: "bakery", Kind: network.Cooperation},
		{From: "town", To: "school", Kind: network.Partnership},
		{From: "labour-office", To: "school", Kind: network.Cooperation},
		{From: "school", To: "ngo", Kind: network.Cooperation},
		{From: "fund", To: "labour-office", Kind: network.Funding},
	})
	if err != nil {
		panic(err)
	}
	return n.Snapshot()
}

// Betweenness on the example partnership: the labour office lies on most
// shortest paths, the school on the NGO's.
func ExampleBetweenness() {
	s := exampleNetwork()
	r, err := centrality.Betweenness(context.Background(), s, centrality.BetweennessOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sc := range r.Top(3) {
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
	r, err := centrality.PageRank(s, centrality.PageRankOptions{})
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
