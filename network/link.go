package network

import (
	"fmt"
	"maps"
	"slices"
)

// LinkKind is the type of a link. Its zero value is Cooperation.
type LinkKind uint8

// The link kinds. Funding, governance, reporting, service and information
// point from source to target; partnership, cooperation and membership are
// undirected unless a link states a direction.
const (
	Cooperation LinkKind = iota // "cooperation": working together without a formal partnership
	Partnership                 // "partnership": partners of a project, pact or agreement
	Funding                     // "funding": money from source to target
	Membership                  // "membership": an actor is a member of a body (From member, To body)
	Service                     // "service": From provides a service to To
	Governance                  // "governance": From steers, runs or oversees To
	Reporting                   // "reporting": From reports to To
	Information                 // "information": From informs To

	numLinkKinds
)

var linkKindNames = []string{"cooperation", "partnership", "funding", "membership", "service", "governance", "reporting", "information"}

// LinkKinds returns every link kind, in declaration order.
func LinkKinds() []LinkKind {
	ks := make([]LinkKind, numLinkKinds)
	for i := range ks {
		ks[i] = LinkKind(i)
	}
	return ks
}

// String returns the kind's name.
func (k LinkKind) String() string { return enumString(int(k), linkKindNames, "linkkind") }

// Valid reports whether k is a defined kind.
func (k LinkKind) Valid() bool { return k < numLinkKinds }

// Directed reports whether links of this kind point from source to target by
// default.
func (k LinkKind) Directed() bool {
	switch k {
	case Funding, Service, Governance, Reporting, Information:
		return true
	}
	return false
}

// ParseLinkKind returns the link kind named s (case-insensitive). An unknown
// name returns an error wrapping ErrUnknownKind that lists the valid names.
func ParseLinkKind(s string) (LinkKind, error) {
	i, err := parseName(s, linkKindNames, ErrUnknownKind)
	return LinkKind(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (k LinkKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrUnknownKind, uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseLinkKind.
func (k *LinkKind) UnmarshalText(b []byte) error {
	v, err := ParseLinkKind(string(b))
	*k = v
	return err
}

// Status tells whether a link exists. Its zero value, StatusUnknown, means the
// source did not say; analyses treat such a link as existing.
type Status uint8

// The statuses.
const (
	StatusUnknown Status = iota // "": not given
	Planned                     // "planned": proposed or agreed, not yet working
	Active                      // "active": working
	Ended                       // "ended": no longer working

	numStatuses
)

var statusNames = []string{"", "planned", "active", "ended"}

// String returns the status name; StatusUnknown is "".
func (s Status) String() string { return enumString(int(s), statusNames, "status") }

// Valid reports whether s is a defined status (StatusUnknown included).
func (s Status) Valid() bool { return s < numStatuses }

// ParseStatus returns the status named s; "" is StatusUnknown.
func ParseStatus(s string) (Status, error) {
	i, err := parseName(s, statusNames, ErrUnknownStatus)
	return Status(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrUnknownStatus, uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseStatus.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	*s = v
	return err
}

// Direction overrides the direction a link's kind implies. Its zero value,
// DefaultDirection, keeps the kind's own.
type Direction uint8

// The directions.
const (
	DefaultDirection Direction = iota // "": as the kind says
	Directed                          // "directed": from From to To
	Undirected                        // "undirected": both ways

	numDirections
)

var directionNames = []string{"", "directed", "undirected"}

// String returns the direction's name; DefaultDirection is "".
func (d Direction) String() string { return enumString(int(d), directionNames, "direction") }

// Valid reports whether d is a defined direction.
func (d Direction) Valid() bool { return d < numDirections }

// ParseDirection returns the direction named s; "" is DefaultDirection.
func ParseDirection(s string) (Direction, error) {
	i, err := parseName(s, directionNames, ErrDirection)
	return Direction(i), err
}

// MarshalText implements encoding.TextMarshaler.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrDirection, uint8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseDirection.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	*d = v
	return err
}

// Well-known roles. A link's role is open text; these are the names analyses
// and diagrams recognise.
const (
	RoleLead        = "lead"        // lead partner or beneficiary of a project
	RolePartner     = "partner"     // partner of a project or pact
	RoleAssociated  = "associated"  // associated partner (no budget of its own)
	RoleMember      = "member"      // member of a body
	RoleChair       = "chair"       // chair or lead of a body
	RoleHolder      = "holder"      // holder ("bearer") of a pact or programme
	RoleSignatory   = "signatory"   // signatory of a pact or agreement
	RoleOperator    = "operator"    // operator running a programme or contact point
	RoleBeneficiary = "beneficiary" // recipient of funding
	RoleHost        = "host"        // host of a meeting or service point
	RoleGuest       = "guest"       // invited participant (the extended circle)
	RoleExpert      = "expert"      // expert advising a body or network
)

// Link is a typed tie between two actors. Only From, To and Kind are
// required. Empty fields mean "not given by the source".
type Link struct {
	// ID optionally identifies the link; when given it must be unique in the
	// network. Errors name links without an ID by position and ends.
	ID string `json:"id,omitempty"`
	// From and To are the IDs of the linked actors. For directed links
	// (funding, service...) From is the source. For membership, From is the
	// member and To the body.
	From string `json:"from"`
	To   string `json:"to"`
	// Kind is the type of the link.
	Kind LinkKind `json:"kind"`
	// Direction overrides the direction the kind implies.
	Direction Direction `json:"direction,omitempty"`
	// Role is From's role in the tie (lead, partner, member, chair...).
	Role string `json:"role,omitempty"`
	// Label is a short description for diagrams ("e-employment services").
	Label string `json:"label,omitempty"`
	// Weight is the tie strength, a positive number; 0 means not given and
	// counts as 1 (see EffectiveWeight). It must not be negative.
	Weight float64 `json:"weight,omitempty"`
	// Money is the amount that flows along the link, or nil when the source
	// gives none.
	Money *Money `json:"money,omitempty"`
	// Cadence is how often the tie meets.
	Cadence Cadence `json:"cadence,omitzero"`
	// Start and End bound the period the link exists; a zero Date is open.
	Start Date `json:"start,omitzero"`
	End   Date `json:"end,omitzero"`
	// Status says whether the link is planned, active or ended.
	Status Status `json:"status,omitempty"`
	// TargetGroups are the population groups the link serves (for service
	// and funding links, e.g. subsidies for hiring people over 50).
	TargetGroups []string `json:"targetGroups,omitempty"`
	// Evidence names the source of the link (a document, a meeting report).
	Evidence string `json:"evidence,omitempty"`
	// Attrs holds any further attributes as strings.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// IsDirected reports whether the link points from From to To: its Direction
// if given, else its kind's default.
func (l Link) IsDirected() bool {
	switch l.Direction {
	case Directed:
		return true
	case Undirected:
		return false
	}
	return l.Kind.Directed()
}

// EffectiveWeight returns the link's weight, or 1 when none was given.
func (l Link) EffectiveWeight() float64 {
	if l.Weight == 0 {
		return 1
	}
	return l.Weight
}

// Clone returns a deep copy of l.
func (l Link) Clone() Link {
	if l.Money != nil {
		m := *l.Money
		l.Money = &m
	}
	l.TargetGroups = slices.Clone(l.TargetGroups)
	l.Attrs = maps.Clone(l.Attrs)
	return l
}
