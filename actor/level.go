package actor

import (
	"fmt"
	"strings"
)

// Level is the territorial level an actor works at. Its zero value,
// LevelUnknown, means the source did not say.
type Level uint8

// The levels. LevelUnknown prints as the empty string.
const (
	LevelUnknown  Level = iota // "": not given
	Local                      // "local": a municipality, a district office
	Regional                   // "regional": a region, county or voivodeship
	National                   // "national": a whole country
	International              // "international": across countries (the EU, a transnational network)

	numLevels
)

var levelNames = [numLevels]string{"", "local", "regional", "national", "international"}

// Levels returns the known levels from local to international (LevelUnknown
// excluded).
func Levels() []Level { return []Level{Local, Regional, National, International} }

// String returns the level's name; LevelUnknown is "".
func (l Level) String() string {
	if l < numLevels {
		return levelNames[l]
	}
	return fmt.Sprintf("level(%d)", uint8(l))
}

// Valid reports whether l is a defined level (LevelUnknown included).
func (l Level) Valid() bool { return l < numLevels }

// ParseLevel returns the level named s, ignoring case and surrounding space.
// The empty string is LevelUnknown. An unknown name returns an error wrapping
// ErrUnknownLevel that lists the valid names.
func ParseLevel(s string) (Level, error) {
	norm := normalizeName(s)
	for l, name := range levelNames {
		if name == norm {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("%w %q (valid: %s)", ErrUnknownLevel, s, strings.Join(levelNames[1:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrUnknownLevel, uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseLevel.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
