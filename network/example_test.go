package network_test

import (
	"fmt"

	"gonum.org/v1/gonum/graph/path"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

func pact() *network.Network {
	n, _ := network.Build("Liberec pact", []actor.Actor{
		{ID: "kraj", Kind: actor.RegionalAuthority}, {ID: "up", Kind: actor.LabourOffice},
		{ID: "board", Kind: actor.Body}, {ID: "wg-edu", Kind: actor.Body},
	}, []network.Link{
		{From: "kraj", To: "board", Kind: network.Membership, Cadence: network.MustParseCadence("every 2 months")},
		{From: "up", To: "board", Kind: network.Membership},
		{From: "wg-edu", To: "board", Kind: network.Information, Status: network.Planned},
	})
	return n
}

func ExampleBuild() {
	_, err := network.Build("pact", []actor.Actor{{ID: "kraj", Kind: actor.RegionalAuthority}},
		[]network.Link{{From: "kraj", To: "board", Kind: network.Membership, Weight: -1}})
	fmt.Println(err)
	// Output:
	// link #1 (kraj -> board): to "board": unknown actor
	// link #1 (kraj -> board): weight "-1": negative value
}

func ExampleNetwork_View() {
	working := pact().View(network.Filter{Statuses: []network.Status{network.StatusUnknown, network.Active}})
	fmt.Println(working.NumLinks(), "working links")
	// Output: 2 working links
}

func ExampleNetwork_Project() {
	p := pact().Project(func(a actor.Actor) bool { return a.Kind == actor.Body })
	for _, l := range p.Links() {
		fmt.Println(l.From, "-", l.To, "share", l.Weight, "body:", l.Attrs["via"])
	}
	// Output: kraj - up share 1 body: board
}

func ExampleSnapshot_Undirected() {
	s := pact().Snapshot()
	g := s.Undirected() // a gonum graph.WeightedUndirected
	from, _ := s.Index("kraj")
	paths := path.DijkstraFrom(network.Node(from), g)
	for i, id := range s.IDs() {
		fmt.Println(id, paths.WeightTo(int64(i)))
	}
	// Output:
	// board 1
	// kraj 0
	// up 2
	// wg-edu 2
}

// A reader of a large file finds each end once, by Index, and adds the
// link by the ends' positions; Ends gives them back.
func ExampleNetwork_AddLinkBetween() {
	n := pact()
	from, _ := n.Index("up")
	to, _ := n.Index("kraj")
	if err := n.AddLinkBetween(from, to, network.Link{Kind: network.Reporting}); err != nil {
		fmt.Println(err)
	}
	last := n.NumLinks() - 1
	l := n.Links()[last]
	f, t := n.Ends(last)
	fmt.Println(l.From, "->", l.To, l.Kind, f, t)
	fmt.Println(n.AddLinkBetween(from, from, network.Link{Kind: network.Reporting}))
	// Output:
	// up -> kraj reporting 1 0
	// link #5 (up -> up): to "up": link from an actor to itself
}
