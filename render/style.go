package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// Cluster chooses how actors are grouped: boxes (clusters) in DOT, soft
// hulls in SVG, both named in the legend.
type Cluster uint8

// The clusterings.
const (
	NoCluster   Cluster = iota // no grouping
	ByLevel                    // one group per level (local, regional...)
	ByBody                     // one group per body, holding its members
	ByRegion                   // one group per region (Actor.Region)
	ByCommunity                // Louvain communities of the undirected links, seeded by Options.Seed
)

// SizeBy chooses the measure that sets the size of the nodes.
type SizeBy uint8

// The node sizes. Highlight.Central enlarges its actors on top of any of
// them.
const (
	SizeDegree      SizeBy = iota // area grows with the number of linked actors
	SizeNone                      // all nodes the same size
	SizeBetweenness               // by betweenness centrality (computed, O(N·E))
)

// EdgeLabel chooses the text drawn on links.
type EdgeLabel uint8

// The link texts.
const (
	EdgeAuto    EdgeLabel = iota // funding amounts; DOT also the link's own Label
	EdgeNone                     // no text on links
	EdgeMoney                    // the amount, where given
	EdgeRole                     // From's role (lead, member...), where given
	EdgeCadence                  // how often the tie meets, where given
	EdgeText                     // the link's own Label, where given
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
	// Cluster groups actors: clusters in DOT, shaded hulls in SVG.
	Cluster Cluster
	// Highlight marks analysis results.
	Highlight Highlight
	// MaxLabels bounds the labelled actors in SVG (the rest are drawn as
	// small unlabelled nodes, the top actors by Highlight.Central or by
	// degree labelled first); 0 means 150.
	MaxLabels int
	// Size chooses what node size shows; the zero value is by degree.
	Size SizeBy
	// EdgeLabels chooses the text drawn on links; the zero value draws
	// funding amounts.
	EdgeLabels EdgeLabel
}

// defaultMaxLabels is the number of actors labelled when
// Options.MaxLabels is 0.
const defaultMaxLabels = 150

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
func linkLabel(l network.Link) string { return edgeText(l, EdgeAuto, true) }

// edgeText returns the text drawn on a link under the choice e; dot says
// whether the DOT defaults apply (EdgeAuto falls back to the link's Label).
func edgeText(l network.Link, e EdgeLabel, dot bool) string {
	switch e {
	case EdgeNone:
		return ""
	case EdgeMoney:
		if l.Money != nil {
			return l.Money.String()
		}
		return ""
	case EdgeRole:
		return l.Role
	case EdgeCadence:
		if l.Cadence.IsZero() {
			return ""
		}
		return l.Cadence.String()
	case EdgeText:
		return l.Label
	}
	if l.Money != nil {
		return l.Money.String()
	}
	if dot {
		return l.Label
	}
	return ""
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

// group is a set of actors drawn together: a cluster in DOT, a hull in SVG.
type group struct {
	name string
	ids  []string // in the order drawn
}

// groupsOf returns the groups of clustering c over the actors as (sorted
// by ID): levels in declaration order after "level not given"; bodies by ID,
// each with its members (an actor in several bodies goes with the first by
// ID); regions by name, "region not given" last; Louvain communities
// (package cohesion, seeded by seed) in the order of their smallest ID.
// Actors may be left out of every group (bodies' non-members).
func groupsOf(as []actor.Actor, links []network.Link, c Cluster, s *network.Snapshot, seed uint64) []group {
	var gs []group
	switch c {
	case ByLevel:
		for _, lv := range append([]actor.Level{actor.LevelUnknown}, actor.Levels()...) {
			g := group{name: lv.String()}
			if g.name == "" {
				g.name = "level not given"
			}
			for _, a := range as {
				if a.Level == lv {
					g.ids = append(g.ids, a.ID)
				}
			}
			if len(g.ids) > 0 {
				gs = append(gs, g)
			}
		}
	case ByBody:
		byID := map[string]actor.Actor{}
		for _, a := range as {
			byID[a.ID] = a
		}
		placed := map[string]bool{}
		for _, body := range as {
			if body.Kind != actor.Body || placed[body.ID] {
				continue
			}
			var members []string
			for _, l := range links {
				if l.Kind == network.Membership && l.To == body.ID && !placed[l.From] && byID[l.From].Kind != actor.Body {
					members = append(members, l.From)
				}
			}
			slices.Sort(members)
			members = slices.Compact(members)
			g := group{name: label(body), ids: append([]string{body.ID}, members...)}
			for _, id := range g.ids {
				placed[id] = true
			}
			gs = append(gs, g)
		}
	case ByRegion:
		byRegion := map[string][]string{}
		for _, a := range as {
			byRegion[a.Region] = append(byRegion[a.Region], a.ID)
		}
		var regions []string
		for r := range byRegion {
			if r != "" {
				regions = append(regions, r)
			}
		}
		slices.Sort(regions)
		if _, ok := byRegion[""]; ok {
			regions = append(regions, "")
		}
		for _, r := range regions {
			name := r
			if name == "" {
				name = "region not given"
			}
			gs = append(gs, group{name: name, ids: byRegion[r]})
		}
	case ByCommunity:
		for k, ids := range cohesion.Louvain(s, cohesion.LouvainOptions{Seed: seed}).Groups {
			gs = append(gs, group{name: fmt.Sprintf("community %d", k+1), ids: ids})
		}
	}
	return gs
}
