package network

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
)

// Network is a set of actors and the links between them. Several links may
// join the same pair of actors (a partnership and a funding link, say).
//
// Build a network with New and AddActor/AddLink, or all at once with Build.
// The zero value is an empty network ready to use. A Network is not safe for
// concurrent writes; once built, concurrent reads are safe. Analyses never
// change a network: they read a Snapshot of it.
type Network struct {
	// Name is the network's title ("Liberec Region Employment Pact").
	Name string
	// Description is free text about the network and its sources.
	Description string
	// Attrs holds further attributes of the whole network (edition, source).
	Attrs map[string]string
	// AsOf is the day the data describes, when the source says; analyses
	// that need a day and are given none use it (see Day).
	AsOf Date

	actors  []actor.Actor
	byID    idIndex
	links   []link            // see store.go
	more    []linkMore        // the fields most links leave empty
	roles   map[string]string // the roles of links, each string once
	linkIDs map[string]int
	recent  [2]recentID // the ends of the last link added: links often share one
}

// recentID is a short actor ID and its position, remembered to save a
// lookup.
type recentID struct {
	key [idInline]byte
	n   uint8 // the ID's length; 0 when none
	at  int
}

// New returns an empty network with the given name.
func New(name string) *Network { return &Network{Name: name} }

// Build returns a network holding the given actors and links, after checking
// all of them. If any is invalid it returns nil and every problem found,
// joined with errors.Join: each is an *actor.FieldError or a *LinkError that
// names the actor or link and the field.
func Build(name string, actors []actor.Actor, links []Link) (*Network, error) {
	n := New(name)
	n.actors = make([]actor.Actor, 0, len(actors))
	n.links = make([]link, 0, len(links))
	n.byID.grow(len(actors))
	var errs []error
	for _, a := range actors {
		if err := n.AddActor(a); err != nil {
			errs = append(errs, err)
		}
	}
	// Links checked against every actor given, even invalid ones, so that one
	// bad actor is not also reported once per link.
	for _, a := range actors {
		if _, ok := n.byID.get(a.ID); !ok && strings.TrimSpace(a.ID) != "" {
			n.byID.put(a.ID, -1)
		}
	}
	for _, l := range links {
		if err := n.AddLink(l); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return n, nil
}

// Grow makes room for at least actors more actors and links more links,
// so that adding that many does not move the ones already added. Readers
// that know or estimate the size of a file call it; the network is the
// same with or without it. Negative counts are taken as 0.
func (n *Network) Grow(actors, links int) {
	if actors > 0 {
		n.actors = slices.Grow(n.actors, actors)
		n.byID.grow(len(n.actors) + actors)
	}
	if links > 0 {
		n.growLinks(links)
	}
}

// AddActor validates a and adds a copy of it. It returns every problem with a
// (see actor.Actor.Validate), or an error wrapping ErrDuplicateID when the ID
// is taken; in both cases the network is unchanged.
func (n *Network) AddActor(a actor.Actor) error {
	var errs []error
	if err := a.Validate(); err != nil {
		errs = append(errs, err)
	}
	if _, dup := n.byID.get(a.ID); dup && a.ID != "" {
		errs = append(errs, &actor.FieldError{ID: a.ID, Field: "id", Value: a.ID, Err: ErrDuplicateID})
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	n.byID.put(a.ID, len(n.actors))
	if len(n.actors) == cap(n.actors) {
		// Doubled, rather than append's quarter above a few hundred:
		// an actor is large, and a reader that cannot know how many come
		// would copy them all some ten times over.
		n.actors = slices.Grow(n.actors, max(len(n.actors), 64))
	}
	n.actors = append(n.actors, a.Clone())
	return nil
}

// AddLink validates l and adds a copy of it. Both ends must be actors already
// in the network. It returns every problem with l, each a *LinkError, joined;
// on error the network is unchanged.
func (n *Network) AddLink(l Link) error {
	from, to, err := n.checkLink(len(n.links), l, -1, -1)
	if err != nil {
		return err
	}
	n.store(from, to, &l, true)
	return nil
}

// AddLinkBetween is AddLink with the ends given by their positions among
// the actors (see Index and AllActors) instead of by l.From and l.To,
// which it ignores. Readers of large files, which find each end once,
// use it to save looking it up again. A position out of range is an
// error wrapping ErrUnknownActor.
func (n *Network) AddLinkBetween(from, to int, l Link) error {
	l.From, l.To = "", ""
	if from >= 0 && from < len(n.actors) && to >= 0 && to < len(n.actors) {
		// Checked first without the ends' IDs, which only a message needs:
		// reading them is a trip to memory per end in a large network.
		if _, _, err := n.checkLink(len(n.links), l, from, to); err == nil {
			n.store(from, to, &l, true)
			return nil
		}
	}
	if from >= 0 && from < len(n.actors) {
		l.From = n.actors[from].ID
	} else {
		from = -2
	}
	if to >= 0 && to < len(n.actors) {
		l.To = n.actors[to].ID
	} else {
		to = -2
	}
	if _, _, err := n.checkLink(len(n.links), l, from, to); err != nil {
		return err
	}
	n.store(from, to, &l, true)
	return nil
}

// Index returns the position of the actor id among the actors, in the
// order they were added (see AllActors).
func (n *Network) Index(id string) (int, bool) {
	i, ok := n.lookup(id)
	return i, ok && i >= 0
}

// checkLink returns every problem of l, joined, and the positions of its
// ends among the actors (-1 for an end that is no valid actor). An end
// given as a position (at or below -2 for one out of range, -1 for none)
// is not looked up.
func (n *Network) checkLink(index int, l Link, atFrom, atTo int) (from, to int, err error) {
	from, to = atFrom, atTo
	var errs []error
	add := func(field, value string, err error) {
		errs = append(errs, &LinkError{Index: index, ID: l.ID, From: l.From, To: l.To, Field: field, Value: value, Err: err})
	}
	if l.ID != "" {
		if _, dup := n.linkIDs[l.ID]; dup {
			add("id", l.ID, ErrDuplicateID)
		}
		if err := actor.CheckID(l.ID); err != nil {
			add("id", l.ID, err)
		}
	}
	for _, f := range []struct {
		field, value string
		lines        bool
	}{{"role", l.Role, false}, {"label", l.Label, true}, {"evidence", l.Evidence, true}} {
		if err := actor.CheckText(f.value, f.lines); err != nil {
			add(f.field, f.value, err)
		}
	}
	if len(l.Attrs) > 0 {
		for _, k := range slices.Sorted(maps.Keys(l.Attrs)) {
			if err := checkAttr(k, l.Attrs[k]); err != nil {
				add("attrs."+k, l.Attrs[k], err)
			}
		}
	}
	from = n.checkEnd(from, "from", l.From, add)
	to = n.checkEnd(to, "to", l.To, add)
	if from >= 0 && from == to || l.From != "" && l.From == l.To {
		add("to", l.To, ErrSelfLink)
	}
	if !l.Kind.Valid() {
		add("kind", l.Kind.String(), ErrUnknownKind)
	}
	if !l.Direction.Valid() {
		add("direction", l.Direction.String(), ErrDirection)
	}
	if !l.Status.Valid() {
		add("status", l.Status.String(), ErrUnknownStatus)
	}
	switch {
	case math.IsNaN(l.Weight) || math.IsInf(l.Weight, 0):
		add("weight", fmt.Sprint(l.Weight), ErrNaN)
	case l.Weight < 0:
		add("weight", fmt.Sprint(l.Weight), ErrNegative)
	}
	if l.Money != nil {
		l.Money.validate(add)
	}
	switch c := l.Cadence.PerYear; {
	case math.IsNaN(c) || math.IsInf(c, 0):
		add("cadence", fmt.Sprint(c), ErrNaN)
	case c < 0:
		add("cadence", fmt.Sprint(c), ErrNegative)
	}
	if !l.Start.Valid() {
		add("start", fmt.Sprintf("%d-%d-%d", l.Start.Year, l.Start.Month, l.Start.Day), ErrDate)
	}
	if !l.End.Valid() {
		add("end", fmt.Sprintf("%d-%d-%d", l.End.Year, l.End.Month, l.End.Day), ErrDate)
	}
	if !l.Start.IsZero() && !l.End.IsZero() && l.End.Last().Before(l.Start.First()) {
		add("end", l.End.String(), fmt.Errorf("%w (start %s)", ErrPeriod, l.Start))
	}
	for _, g := range l.TargetGroups {
		if strings.TrimSpace(g) == "" {
			add("targetGroups", g, fmt.Errorf("%w: empty value in list", actor.ErrInvalidText))
		} else if err := actor.CheckText(g, false); err != nil {
			add("targetGroups", g, err)
		}
	}
	return from, to, errors.Join(errs...)
}

// checkEnd returns the position of a link's end: at when it is one (0 or
// more), else that of the actor id. It reports an end out of range (at
// -2 or less), an empty ID and an unknown one to add, and returns -1 for
// them.
func (n *Network) checkEnd(at int, field, id string, add func(field, value string, err error)) int {
	switch {
	case at >= 0:
		return at
	case at < -1:
		add(field, id, ErrUnknownActor)
	case id == "":
		add(field, id, ErrEmptyID)
	default:
		if i, ok := n.lookup(id); ok {
			return i
		}
		add(field, id, ErrUnknownActor)
	}
	return -1
}

// lookup returns the position of the actor id, as byID does, first
// asking the ends of the last link added: readers add the links of a
// project, or of an actor, one after another.
func (n *Network) lookup(id string) (int, bool) {
	for _, r := range n.recent {
		if int(r.n) == len(id) && string(r.key[:r.n]) == id && r.n > 0 {
			return r.at, true
		}
	}
	i, ok := n.byID.get(id)
	if ok && i >= 0 && len(id) <= idInline {
		n.recent[1] = n.recent[0]
		n.recent[0].n = uint8(copy(n.recent[0].key[:], id))
		n.recent[0].at = i
	}
	return i, ok
}

// checkAttr checks one attribute: its name as a single line of text, its
// value as free text (see actor.CheckText).
func checkAttr(k, v string) error {
	if strings.TrimSpace(k) == "" {
		return fmt.Errorf("%w: empty attribute name", actor.ErrInvalidText)
	}
	if err := actor.CheckText(k, false); err != nil {
		return fmt.Errorf("attribute name: %w", err)
	}
	return actor.CheckText(v, true)
}

// CheckAttrs checks the attributes of a network as actor.CheckText checks
// text: names on one line, values free text. It returns every problem,
// joined; each wraps actor.ErrInvalidText and names the attribute.
func CheckAttrs(attrs map[string]string) error {
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		if err := checkAttr(k, attrs[k]); err != nil {
			errs = append(errs, fmt.Errorf("network attrs.%s %q: %w", k, attrs[k], err))
		}
	}
	return errors.Join(errs...)
}

// CheckText checks the network's own text, as actor.CheckText does: its
// Name and Description (which may span lines) and its Attrs (see
// CheckAttrs), so that every output format can carry them. AddActor and
// AddLink check actors and links; readers call CheckText for the rest. It
// returns every problem, joined; each wraps actor.ErrInvalidText and names
// the field.
func (n *Network) CheckText() error {
	var errs []error
	for _, f := range []struct{ field, value string }{{"name", n.Name}, {"description", n.Description}} {
		if err := actor.CheckText(f.value, true); err != nil {
			errs = append(errs, fmt.Errorf("network %s %q: %w", f.field, f.value, err))
		}
	}
	if err := CheckAttrs(n.Attrs); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// NumActors returns the number of actors.
func (n *Network) NumActors() int { return len(n.actors) }

// NumLinks returns the number of links.
func (n *Network) NumLinks() int { return len(n.links) }

// Actors returns the actors in the order they were added. The slice is a
// copy; the actors' own slices and maps are shared and must not be changed.
func (n *Network) Actors() []actor.Actor { return slices.Clone(n.actors) }

// Links returns the links in the order they were added. The slice is a copy;
// the links' own pointers, slices and maps are shared and must not be changed.
func (n *Network) Links() []Link {
	ls := make([]Link, len(n.links))
	for i := range n.links {
		ls[i] = n.linkOf(&n.links[i])
	}
	return ls
}

// AllActors returns an iterator over the actors, in the order they were
// added, with their positions. Unlike Actors it copies nothing but the
// actor being yielded, so writers and other readers of every actor of a
// large network use it. The actors' own slices and maps are shared and
// must not be changed.
func (n *Network) AllActors() iter.Seq2[int, actor.Actor] {
	return func(yield func(int, actor.Actor) bool) {
		for i, a := range n.actors {
			if !yield(i, a) {
				return
			}
		}
	}
}

// AllLinks returns an iterator over the links, in the order they were
// added, with their positions; see AllActors.
func (n *Network) AllLinks() iter.Seq2[int, Link] {
	return func(yield func(int, Link) bool) {
		for i := range n.links {
			if !yield(i, n.linkOf(&n.links[i])) {
				return
			}
		}
	}
}

// Ends returns the positions among the actors (see Index and AllActors)
// of the ends of link i, the i-th added: an analysis of every link that
// counts actors need not look up their IDs.
func (n *Network) Ends(i int) (from, to int) {
	r := &n.links[i]
	return int(r.from), int(r.to)
}

// Actor returns the actor with the given ID.
func (n *Network) Actor(id string) (actor.Actor, bool) {
	i, ok := n.byID.get(id)
	if !ok || i < 0 {
		return actor.Actor{}, false
	}
	return n.actors[i], true
}

// Link returns the link with the given ID.
func (n *Network) Link(id string) (Link, bool) {
	i, ok := n.linkIDs[id]
	if !ok {
		return Link{}, false
	}
	return n.linkOf(&n.links[i]), true
}

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c := &Network{Name: n.Name, Description: n.Description, Attrs: maps.Clone(n.Attrs), AsOf: n.AsOf}
	for _, a := range n.actors {
		_ = c.AddActor(a) // already valid
	}
	for i := range n.links {
		l := n.linkOf(&n.links[i])
		c.store(int(n.links[i].from), int(n.links[i].to), &l, true)
	}
	return c
}

// ActorAttrKeys returns the keys of the actors' Attrs, each once, sorted.
// Writers of tables use them as columns.
func (n *Network) ActorAttrKeys() []string {
	return attrKeys(len(n.actors), func(i int) map[string]string { return n.actors[i].Attrs })
}

// LinkAttrKeys returns the keys of the links' Attrs, each once, sorted.
func (n *Network) LinkAttrKeys() []string {
	return attrKeys(len(n.more), func(i int) map[string]string { return n.more[i].attrs })
}

func attrKeys(count int, attrs func(int) map[string]string) []string {
	set := map[string]bool{}
	for i := range count {
		for k := range attrs(i) {
			set[k] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}
