package network

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
)

// Filter selects part of a network. Its zero value selects everything. The
// criteria combine with AND; a link is kept only when both its ends are.
type Filter struct {
	// Kinds keeps only links of these kinds; empty keeps all.
	Kinds []LinkKind
	// Statuses keeps only links with these statuses; empty keeps all.
	Statuses []Status
	// At keeps only links in force on that day (see Link.PhaseOn); the zero
	// Date keeps links regardless of time.
	At Date
	// Actor keeps only actors for which it returns true; nil keeps all.
	Actor func(actor.Actor) bool
	// Link keeps only links for which it returns true; nil keeps all.
	Link func(Link) bool
	// DropIsolated removes actors left without any link.
	DropIsolated bool
}

// keep reports whether the link r of n passes the link criteria of f. It
// makes r into a Link only when f.Link must see it.
func (f Filter) keep(n *Network, r *link) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, r.kind) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, r.status) {
		return false
	}
	if !f.At.IsZero() && !r.timing().InForce(f.At) {
		return false
	}
	return f.Link == nil || f.Link(n.linkOf(r))
}

// View returns a new network holding the part of n that f selects. Actors
// and links keep their order; n is not changed. The view shares the
// actors' and links' slices and maps with n (neither is ever changed in
// place), so it takes O(N + L) time and memory for the selection alone,
// with no validation: everything in n is valid already. When f keeps every
// actor and link, the view shares n's arrays of actors and links too, and
// costs only its indexes; adding to either network later does not change
// the other.
func (n *Network) View(f Filter) *Network {
	keep, keepLink, actors, kept := n.selection(f)
	v := &Network{Name: n.Name, Description: n.Description, Attrs: maps.Clone(n.Attrs), AsOf: n.AsOf}
	if actors == len(n.actors) {
		v.actors = n.actors[:len(n.actors):len(n.actors)]
		v.byID = n.byID.clone()
		if kept == len(n.links) {
			v.shareLinks(n)
			return v
		}
	} else {
		v.byID.grow(actors)
		v.actors = make([]actor.Actor, 0, actors)
		for i, a := range n.actors {
			if keep[i] {
				v.byID.put(a.ID, len(v.actors))
				v.actors = append(v.actors, a)
			}
		}
	}
	// Positions of the kept actors in v.
	at := make([]int32, len(n.actors))
	k := int32(0)
	for i := range n.actors {
		at[i] = k
		if keep[i] {
			k++
		}
	}
	v.links = make([]link, 0, kept)
	for i := range n.links {
		if keepLink[i] {
			r := n.links[i]
			v.copyLink(n, r, at[r.from], at[r.to])
		}
	}
	return v
}

// selection returns what f keeps of n: each actor (after DropIsolated)
// and each link, and how many of each. It takes O(N + L) time.
func (n *Network) selection(f Filter) (keep, keepLink []bool, actors, links int) {
	keep = make([]bool, len(n.actors))
	for i, a := range n.actors {
		keep[i] = f.Actor == nil || f.Actor(a)
	}
	linked := make([]bool, len(n.actors))
	keepLink = make([]bool, len(n.links))
	for i := range n.links {
		r := &n.links[i]
		if keep[r.from] && keep[r.to] && f.keep(n, r) {
			keepLink[i] = true
			links++
			linked[r.from], linked[r.to] = true, true
		}
	}
	for i := range keep {
		keep[i] = keep[i] && (!f.DropIsolated || linked[i])
		if keep[i] {
			actors++
		}
	}
	return keep, keepLink, actors, links
}

// Ego returns the ego network of the actor id to the given radius: the actor,
// every actor within radius links of it (links followed in either direction),
// and all links among them. A radius of 0 gives the actor alone. It returns
// an error wrapping ErrUnknownActor if id is not in n, and one wrapping
// ErrNegative for a negative radius.
func (n *Network) Ego(id string, radius int) (*Network, error) {
	if _, ok := n.Actor(id); !ok {
		return nil, fmt.Errorf("network: ego of %q: %w", id, ErrUnknownActor)
	}
	if radius < 0 {
		return nil, fmt.Errorf("network: ego of %q: radius %d: %w", id, radius, ErrNegative)
	}
	adj := make(map[string][]string)
	for i := range n.links {
		from, to := n.actors[n.links[i].from].ID, n.actors[n.links[i].to].ID
		adj[from] = append(adj[from], to)
		adj[to] = append(adj[to], from)
	}
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for d := 1; d <= radius && len(frontier) > 0; d++ {
		var next []string
		for _, u := range frontier {
			for _, v := range adj[u] {
				if _, seen := dist[v]; !seen {
					dist[v] = d
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	v := n.View(Filter{Actor: func(a actor.Actor) bool { _, ok := dist[a.ID]; return ok }})
	v.Name = fmt.Sprintf("%s: ego network of %s, radius %d", n.Name, id, radius)
	return v, nil
}

// Project returns the one-mode projection of the two-mode part of n formed
// by the hub actors (those for which hub returns true: projects, bodies,
// programmes) and the actors linked to them. The result holds the non-hub
// actors of n; two of them are joined by one Cooperation link when they are
// linked (by any link, in any direction) to one or more common hubs. The
// link's Weight is the number of hubs they share, its attribute "via" lists
// those hubs' IDs separated by ";" in sorted order, and its Evidence says it
// was projected. Links between non-hub actors are not carried over.
//
// For h hubs with m_i members each, Project takes O(Σ m_i²) time.
func (n *Network) Project(hub func(actor.Actor) bool) *Network {
	isHub := make(map[string]bool)
	for _, a := range n.actors {
		if hub(a) {
			isHub[a.ID] = true
		}
	}
	members := make(map[string]map[string]bool) // hub -> members
	for _, l := range n.AllLinks() {
		var h, m string
		switch {
		case isHub[l.To] && !isHub[l.From]:
			h, m = l.To, l.From
		case isHub[l.From] && !isHub[l.To]:
			h, m = l.From, l.To
		default:
			continue
		}
		if members[h] == nil {
			members[h] = make(map[string]bool)
		}
		members[h][m] = true
	}
	type pair struct{ a, b string }
	shared := make(map[pair][]string)
	hubs := slices.Sorted(maps.Keys(members))
	for _, h := range hubs {
		ms := slices.Sorted(maps.Keys(members[h]))
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				p := pair{ms[i], ms[j]}
				shared[p] = append(shared[p], h)
			}
		}
	}
	p := &Network{Name: n.Name + " (projection)", Description: n.Description, Attrs: maps.Clone(n.Attrs), AsOf: n.AsOf}
	for _, a := range n.actors {
		if !isHub[a.ID] {
			p.mustAddActor(a)
		}
	}
	pairs := slices.Collect(maps.Keys(shared))
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	for _, pr := range pairs {
		via := shared[pr]
		p.mustAddLink(Link{
			From: pr.a, To: pr.b, Kind: Cooperation,
			Weight:   float64(len(via)),
			Evidence: "projected: " + strconv.Itoa(len(via)) + " shared hub(s)",
			Attrs:    map[string]string{"via": strings.Join(via, ";")},
		})
	}
	return p
}

// mustAddActor adds an actor already validated in another network.
func (n *Network) mustAddActor(a actor.Actor) {
	if err := n.AddActor(a); err != nil {
		panic("network: internal error: " + err.Error())
	}
}

// mustAddLink adds a link already validated in another network.
func (n *Network) mustAddLink(l Link) {
	if err := n.AddLink(l); err != nil {
		panic("network: internal error: " + err.Error())
	}
}
