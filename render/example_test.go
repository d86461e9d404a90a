package render_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

func pact() *network.Network {
	n, _ := network.Build("Kielce", []actor.Actor{
		{ID: "city", Name: "City Hall", Kind: actor.Municipality},
		{ID: "mup", Name: "Municipal Labour Office", Kind: actor.LabourOffice},
	}, []network.Link{{From: "city", To: "mup", Kind: network.Cooperation}})
	return n
}

func ExampleMermaid() {
	_ = render.Mermaid(os.Stdout, pact(), render.Options{})
	// Output:
	// ---
	// title: Kielce
	// ---
	// flowchart LR
	//   n0{{"City Hall"}}
	//   n1["Municipal Labour Office"]
	//   n0 ---|"cooperation"| n1
	//   classDef k_municipality fill:#009E73,stroke:#333,color:#000
	//   classDef k_labour_office fill:#0072B2,stroke:#333,color:#000
	//   class n0 k_municipality
	//   class n1 k_labour_office
}

func ExampleDOT() {
	n := pact()
	_ = render.DOT(os.Stdout, n, render.Options{Highlight: render.Highlight{CutPoints: []string{"city"}}})
}

func ExampleHTML() {
	// Write to a file (an *os.File) to open it in a browser: the page needs
	// nothing beside it, not even a network connection.
	var page strings.Builder
	if err := render.HTML(&page, pact(), render.Options{Seed: 1}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(page.String(), "<!DOCTYPE html>"))
	fmt.Println(strings.Contains(page.String(), `"name":"Municipal Labour Office"`))
	// Output:
	// true
	// true
}
