package actor

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Errors returned by validation and parsing. Use errors.Is to test for them;
// the returned errors wrap them with the place and the value.
var (
	ErrEmptyID      = errors.New("empty ID")
	ErrUnknownKind  = errors.New("unknown kind")
	ErrUnknownLevel = errors.New("unknown level")
	ErrCountry      = errors.New("not an ISO 3166-1 alpha-2 country code")
	ErrCount        = errors.New("negative count")
	ErrInvalidText  = errors.New("invalid text")
)

// Actor is one actor of a labour-market network: an organisation, a body, a
// programme, a person or an aggregate of unnamed organisations.
//
// Only ID and Kind are required. Empty fields mean "not given by the source"
// and are never filled with invented values. The zero value is an actor of kind
// Organisation with no ID, which Validate rejects.
type Actor struct {
	// ID identifies the actor within its network. It must be non-empty and
	// must not contain control characters (tab included) or characters
	// that some format cannot carry (see CheckID). Every text field and
	// attribute is checked by CheckText.
	ID string `json:"id"`
	// Name is the actor's name as the source gives it, in any script.
	Name string `json:"name,omitempty"`
	// Kind is what sort of actor this is.
	Kind Kind `json:"kind"`
	// Level is the territorial level the actor works at.
	Level Level `json:"level,omitempty"`
	// Country is an ISO 3166-1 alpha-2 code in upper case ("CZ", "BG"); see
	// ValidCountry for the accepted set.
	Country string `json:"country,omitempty"`
	// Region is free text or a NUTS code ("CZ051", "Vratsa district").
	Region string `json:"region,omitempty"`
	// Aggregate marks an actor that stands for a group of organisations
	// rather than one, such as "8 municipalities, not named" or "social
	// service providers" invited to a working group.
	Aggregate bool `json:"aggregate,omitempty"`
	// Count is the number of organisations an aggregate stands for, 0 when
	// the source does not say. A Count above 1 makes the actor an aggregate
	// even without Aggregate set. It must not be negative.
	Count int `json:"count,omitempty"`
	// Sectors are the economic sectors the actor works in (open vocabulary,
	// e.g. "tourism", "automotive").
	Sectors []string `json:"sectors,omitempty"`
	// TargetGroups are the population groups the actor serves or stands for.
	// The vocabulary is open; WellKnownTargetGroups lists the names analyses
	// know about.
	TargetGroups []string `json:"targetGroups,omitempty"`
	// Skills are skills the actor demands, teaches or names ("digital",
	// "green", "soft").
	Skills []string `json:"skills,omitempty"`
	// Themes are the subjects a body or organisation deals with
	// ("education", "social-affairs", "tourism"); gap analysis uses them to
	// ask which kinds a body's theme requires.
	Themes []string `json:"themes,omitempty"`
	// Attrs holds any further attributes as strings.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// IsAggregate reports whether the actor stands for several organisations:
// Aggregate is set or Count is above 1.
func (a Actor) IsAggregate() bool { return a.Aggregate || a.Count > 1 }

// Label returns the name, or the ID when the name is empty.
func (a Actor) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// Attr returns the value of the attribute called key. Besides the keys of
// Attrs it knows the fields "id", "name", "kind", "level", "country" and
// "region"; a field of Attrs with one of these names is hidden by the field.
// The second result is false when the value is empty or absent.
func (a Actor) Attr(key string) (string, bool) {
	var v string
	switch key {
	case "id":
		v = a.ID
	case "name":
		v = a.Name
	case "kind":
		v = a.Kind.String()
	case "level":
		v = a.Level.String()
	case "country":
		v = a.Country
	case "region":
		v = a.Region
	default:
		v = a.Attrs[key]
	}
	return v, v != ""
}

// Clone returns a deep copy of a: its slices and map are not shared.
func (a Actor) Clone() Actor {
	a.Sectors = slices.Clone(a.Sectors)
	a.TargetGroups = slices.Clone(a.TargetGroups)
	a.Skills = slices.Clone(a.Skills)
	a.Themes = slices.Clone(a.Themes)
	if a.Attrs != nil {
		m := make(map[string]string, len(a.Attrs))
		for k, v := range a.Attrs {
			m[k] = v
		}
		a.Attrs = m
	}
	return a
}

// FieldError is a problem with one field of one actor.
type FieldError struct {
	ID    string // the actor's ID (may be empty when the ID is the problem)
	Field string // the field, as named in files ("country", "targetGroups")
	Value string // the offending value
	Err   error  // the reason; one of the package's sentinel errors
}

// Error implements error.
func (e *FieldError) Error() string {
	return fmt.Sprintf("actor %q: %s %q: %v", e.ID, e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, so that errors.Is works against the sentinels.
func (e *FieldError) Unwrap() error { return e.Err }

// Validate checks the actor and returns every problem found, joined with
// errors.Join; each is a *FieldError. A nil result means the actor is valid.
func (a Actor) Validate() error {
	var errs []error
	add := func(field, value string, err error) {
		errs = append(errs, &FieldError{ID: a.ID, Field: field, Value: value, Err: err})
	}
	if strings.TrimSpace(a.ID) == "" {
		add("id", a.ID, ErrEmptyID)
	} else if err := CheckID(a.ID); err != nil {
		add("id", a.ID, err)
	}
	for _, f := range []struct {
		field, value string
		lines        bool
	}{{"name", a.Name, true}, {"country", a.Country, false}, {"region", a.Region, true}} {
		if err := CheckText(f.value, f.lines); err != nil {
			add(f.field, f.value, err)
		}
	}
	if !a.Kind.Valid() {
		add("kind", a.Kind.String(), ErrUnknownKind)
	}
	if !a.Level.Valid() {
		add("level", a.Level.String(), ErrUnknownLevel)
	}
	if a.Country != "" && !ValidCountry(a.Country) && CheckText(a.Country, false) == nil {
		add("country", a.Country, ErrCountry)
	}
	if a.Count < 0 {
		add("count", fmt.Sprint(a.Count), ErrCount)
	}
	for _, list := range []struct {
		field string
		vals  []string
	}{{"sectors", a.Sectors}, {"targetGroups", a.TargetGroups}, {"skills", a.Skills}, {"themes", a.Themes}} {
		for _, v := range list.vals {
			if strings.TrimSpace(v) == "" {
				add(list.field, v, fmt.Errorf("%w: empty value in list", ErrInvalidText))
			} else if err := CheckText(v, false); err != nil {
				add(list.field, v, err)
			}
		}
	}
	for _, k := range sortedKeys(a.Attrs) {
		if strings.TrimSpace(k) == "" {
			add("attrs", k, fmt.Errorf("%w: empty attribute name", ErrInvalidText))
		} else if err := CheckText(k, false); err != nil {
			add("attrs", k, fmt.Errorf("attribute name: %w", err))
		}
		if err := CheckText(a.Attrs[k], true); err != nil {
			add("attrs."+k, a.Attrs[k], err)
		}
	}
	return errors.Join(errs...)
}

// CheckID reports an identifier that some output format cannot carry: on
// top of what CheckText rejects, any control character, tab and line
// breaks included. The error wraps ErrInvalidText.
func CheckID(s string) error {
	if err := CheckText(s, false); err != nil {
		return err
	}
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		return fmt.Errorf("%w: tab at byte %d: an ID may not hold control characters", ErrInvalidText, i+1)
	}
	return nil
}

// CheckText reports a text that some output format cannot carry, so that
// what validation lets through survives JSON, CSV, GraphML, GEXF, DOT, SVG
// and Mermaid alike: invalid UTF-8; the noncharacters U+FFFE, U+FFFF (which
// XML cannot hold), U+FDD0 to U+FDEF and the last two code points of every
// plane; control characters (C0, DEL, C1) other than tab, and other than
// line feed and carriage return when lines is true. Free text (names,
// descriptions, regions, evidence, labels, attribute values) may span
// lines; identifiers, list values and attribute names may not. The error
// wraps ErrInvalidText and says which character is wrong and where.
func CheckText(s string, lines bool) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrInvalidText, i+1)
			}
		case r == '\t':
		case r == '\n' || r == '\r':
			if !lines {
				return fmt.Errorf("%w: line break at byte %d", ErrInvalidText, i+1)
			}
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			return fmt.Errorf("%w: control character U+%04X at byte %d", ErrInvalidText, r, i+1)
		case r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE:
			return fmt.Errorf("%w: noncharacter U+%04X at byte %d (XML cannot hold it)", ErrInvalidText, r, i+1)
		}
	}
	return nil
}

// sortedKeys returns the keys of m, sorted; nil, without allocating, for an
// empty m (the common case, which validation meets once per actor).
func sortedKeys(m map[string]string) []string {
	if len(m) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(m))
}
