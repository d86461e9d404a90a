package network

import (
	"errors"
	"fmt"
	"strings"
)

// LinkRef names links to remove: by ID, or by their ends and kind. A zero
// From/To/Kind triple with an ID matches the link with that ID; without an
// ID it matches every link between From and To (in either direction) of
// Kind, or of any kind when AnyKind is set.
type LinkRef struct {
	ID       string
	From, To string
	Kind     LinkKind
	AnyKind  bool
}

// ParseLinkRef reads a link reference as the command line writes it: a link
// ID, or "FROM:TO" (any kind), or "FROM:TO:KIND".
func ParseLinkRef(s string) (LinkRef, error) {
	parts := strings.Split(s, ":")
	switch len(parts) {
	case 1:
		if s == "" {
			return LinkRef{}, fmt.Errorf("network: empty link reference: %w", ErrEmptyID)
		}
		return LinkRef{ID: s}, nil
	case 2:
		return LinkRef{From: parts[0], To: parts[1], AnyKind: true}, nil
	case 3:
		k, err := ParseLinkKind(parts[2])
		if err != nil {
			return LinkRef{}, fmt.Errorf("network: link %q: %w", s, err)
		}
		return LinkRef{From: parts[0], To: parts[1], Kind: k}, nil
	}
	return LinkRef{}, fmt.Errorf("network: link reference %q: want ID, FROM:TO or FROM:TO:KIND", s)
}

func (r LinkRef) matches(l Link) bool {
	if r.ID != "" && r.From == "" && r.To == "" {
		return l.ID == r.ID
	}
	ends := (l.From == r.From && l.To == r.To) || (l.From == r.To && l.To == r.From)
	return ends && (r.AnyKind || l.Kind == r.Kind)
}

// String returns the reference as ParseLinkRef reads it.
func (r LinkRef) String() string {
	switch {
	case r.From == "" && r.To == "":
		return r.ID
	case r.AnyKind:
		return r.From + ":" + r.To
	}
	return r.From + ":" + r.To + ":" + r.Kind.String()
}

// Edit is a what-if change to a network: actors and links to remove, links
// to add.
type Edit struct {
	// RemoveActors are the IDs of actors to remove, with all their links.
	RemoveActors []string
	// RemoveLinks are the links to remove.
	RemoveLinks []LinkRef
	// AddLinks are links to add (proposed links: mark them Planned to keep
	// them apart, or leave the status empty to treat them as existing).
	AddLinks []Link
}

// Apply returns a new network with the edit applied; n is not changed. An
// actor to remove that does not exist, a link reference that matches no
// link, and an invalid link to add are errors (all reported together, each
// wrapping ErrUnknownActor, ErrUnknownLink or the link's validation error); a link to add may
// not touch a removed actor.
func (n *Network) Apply(e Edit) (*Network, error) {
	var errs []error
	gone := make(map[string]bool)
	for _, id := range e.RemoveActors {
		if _, ok := n.Actor(id); !ok {
			errs = append(errs, fmt.Errorf("network: remove actor %q: %w", id, ErrUnknownActor))
		}
		gone[id] = true
	}
	used := make([]bool, len(e.RemoveLinks))
	keep := func(l Link) bool {
		if gone[l.From] || gone[l.To] {
			return false
		}
		for i, r := range e.RemoveLinks {
			if r.matches(l) {
				used[i] = true
				return false
			}
		}
		return true
	}
	out := &Network{Name: n.Name, Description: n.Description, Attrs: n.Attrs, AsOf: n.AsOf}
	for _, a := range n.actors {
		if !gone[a.ID] {
			out.mustAddActor(a)
		}
	}
	for _, l := range n.AllLinks() {
		if keep(l) {
			out.mustAddLink(l)
		}
	}
	for i, r := range e.RemoveLinks {
		if !used[i] {
			errs = append(errs, fmt.Errorf("network: remove link %s: %w", r, ErrUnknownLink))
		}
	}
	for _, l := range e.AddLinks {
		if err := out.AddLink(l); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}
