package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// Cluster chooses how DOT groups actors.
type Cluster uint8

// The clusterings.
const (
	NoCluster Cluster = iota // no grouping
	ByLevel                  // one box per level (local, regional...)
	ByBody                   // one box per body, holding its members
)

// Highlight marks analysis results on a diagram. Its zero value marks
// nothing.
type Highlight struct {
	// Central gives actors a score (e.g. betweenness); they are drawn larger,
	// in proportion, and labelled first.
	Central map[string]float64
	// CutPoints are actors drawn with a red border (articulation points).
	CutPoints []string
	// Bridges are ties drawn bold red, as pairs of actor IDs in any order.
	Bridges [][2]string
}

// Options configures the diagrams. The zero value draws everything plainly
// with layout seed 0.
type Options struct {
	// Title is drawn above the diagram; empty means the network's name.
	Title string
	// Seed seeds the SVG layout: the same seed gives the same picture.
	Seed uint64
	// Cluster groups actors in DOT output.
	Cluster Cluster
	// Highlight marks analysis results.
	Highlight Highlight
	// MaxLabels bounds the labelled actors in SVG (the rest are drawn as
	// small unlabelled nodes, the top actors by Highlight.Central or by
	// degree labelled first); 0 means 80.
	MaxLabels int
}

// KindStyle is how one actor kind is drawn: a Graphviz shape name (the SVG
// draws circle, box, diamond, hexagon, ellipse or triangle) and a fill
// colour, #rrggbb. The palette lives in internal/schema, so that GEXF's viz
// colours and the diagrams share it.
type KindStyle = schema.KindStyle

// Style returns how actors of kind k are drawn: colour-blind-friendly hues
// (Okabe–Ito and Tol's muted scheme), grouped by role; an unknown kind is
// drawn as an organisation.
func Style(k actor.Kind) KindStyle { return schema.Palette(k) }

// LinkStyle is how one link is drawn.
type LinkStyle struct {
	Color  string // #rrggbb
	Dashed bool   // planned
	Dotted bool   // ended
	Arrow  bool   // directed
	Width  float64
}

var linkColors = map[network.LinkKind]string{
	network.Cooperation: "#555555",
	network.Partnership: "#0072B2",
	network.Funding:     "#B8860B",
	network.Membership:  "#777777",
	network.Service:     "#009E73",
	network.Governance:  "#882255",
	network.Reporting:   "#AA4499",
	network.Information: "#56B4E9",
}

// StyleOf returns how link l is drawn.
func StyleOf(l network.Link) LinkStyle {
	s := LinkStyle{Color: linkColors[l.Kind], Arrow: l.IsDirected(), Width: 1.2}
	switch l.Status {
	case network.Planned:
		s.Dashed = true
	case network.Ended:
		s.Dotted, s.Color = true, "#AAAAAA"
	}
	return s
}

// label returns the text drawn for an actor: its name (or ID), with the
// count of an aggregate.
func label(a actor.Actor) string {
	l := a.Label()
	if a.Count > 1 && !strings.Contains(l, fmt.Sprint(a.Count)) {
		l = fmt.Sprintf("%s (%d)", l, a.Count)
	}
	return l
}

// linkLabel returns the text drawn on a link: funding amounts, otherwise
// the link's label.
func linkLabel(l network.Link) string {
	if l.Money != nil {
		return l.Money.String()
	}
	return l.Label
}

// sortedActors returns the actors by ID.
func sortedActors(n *network.Network) []actor.Actor {
	as := n.Actors()
	slices.SortFunc(as, func(a, b actor.Actor) int { return strings.Compare(a.ID, b.ID) })
	return as
}

// usedKinds returns the actor kinds present, in declaration order.
func usedKinds(as []actor.Actor) []actor.Kind {
	seen := map[actor.Kind]bool{}
	for _, a := range as {
		seen[a.Kind] = true
	}
	var ks []actor.Kind
	for _, k := range actor.Kinds() {
		if seen[k] {
			ks = append(ks, k)
		}
	}
	return ks
}

// usedLinkKinds returns the link kinds present, in declaration order.
func usedLinkKinds(ls []network.Link) []network.LinkKind {
	seen := map[network.LinkKind]bool{}
	for _, l := range ls {
		seen[l.Kind] = true
	}
	var ks []network.LinkKind
	for _, k := range network.LinkKinds() {
		if seen[k] {
			ks = append(ks, k)
		}
	}
	return ks
}

func (h Highlight) isBridge(a, b string) bool {
	for _, br := range h.Bridges {
		if br == [2]string{a, b} || br == [2]string{b, a} {
			return true
		}
	}
	return false
}

func title(n *network.Network, opt Options) string {
	if opt.Title != "" {
		return opt.Title
	}
	return n.Name
}
