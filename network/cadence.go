package network

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Cadence is how often a tie meets, as meetings per year, with the text the
// source used. "every 2 months" is 6 a year; "once a year" is 1. A cadence
// with no fixed rate ("as needed") has PerYear 0 and keeps its text. The zero
// value is the unknown cadence.
type Cadence struct {
	PerYear float64 // meetings a year; 0 when unknown or irregular
	Text    string  // the wording given, kept for round trips; may be empty
}

// IsZero reports whether c is the unknown cadence.
func (c Cadence) IsZero() bool { return c.PerYear == 0 && c.Text == "" }

// Irregular reports whether c was given but has no fixed rate ("as needed").
func (c Cadence) Irregular() bool { return c.PerYear == 0 && c.Text != "" }

// String returns the text the cadence was read from, or "N per year".
func (c Cadence) String() string {
	if c.Text != "" || c.PerYear == 0 {
		return c.Text
	}
	return strconv.FormatFloat(c.PerYear, 'g', -1, 64) + " per year"
}

var (
	cadenceWords = map[string]float64{
		"daily": 365, "weekly": 52, "fortnightly": 26, "biweekly": 26,
		"monthly": 12, "bimonthly": 6, "quarterly": 4, "half-yearly": 2,
		"semiannually": 2, "semi-annually": 2, "twice a year": 2, "twice yearly": 2,
		"yearly": 1, "annually": 1, "annual": 1, "once a year": 1, "every year": 1,
		"every month": 12, "every week": 52, "every quarter": 4, "every day": 365,
	}
	irregularWords = []string{"as needed", "as required", "ad hoc", "irregular", "irregularly", "on demand", "occasionally", "as its target group needs"}
	unitPerYear    = map[string]float64{
		"day": 365, "days": 365, "week": 52, "weeks": 52, "month": 12, "months": 12,
		"quarter": 4, "quarters": 4, "year": 1, "years": 1,
	}
	countWords = map[string]float64{"once": 1, "twice": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twelve": 12}
)

// ParseCadence reads a cadence in plain English: a rate word ("monthly",
// "quarterly", "once a year"), "every N months|weeks|days|years" ("every 2
// months" = 6), "N times a year|month|week" or "N per year" or "N/year", a bare
// number (meetings a year), or an irregular phrase ("as needed", "ad hoc"),
// which gives PerYear 0. The empty string is the zero Cadence. Anything else
// returns an error wrapping ErrCadence.
func ParseCadence(s string) (Cadence, error) {
	t := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	c := Cadence{Text: s}
	if t == "" {
		return Cadence{}, nil
	}
	if v, ok := cadenceWords[t]; ok {
		c.PerYear = v
		return c, nil
	}
	for _, w := range irregularWords {
		if t == w {
			return c, nil
		}
	}
	if v, err := strconv.ParseFloat(t, 64); err == nil {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return Cadence{}, fmt.Errorf("%w %q: want a finite number of meetings a year, not negative", ErrCadence, s)
		}
		c.PerYear = v
		return c, nil
	}
	num := func(w string) (float64, bool) {
		if v, ok := countWords[w]; ok {
			return v, true
		}
		v, err := strconv.ParseFloat(w, 64)
		return v, err == nil && v > 0 && !math.IsInf(v, 0)
	}
	f := strings.Fields(strings.NewReplacer("/", " per ").Replace(t))
	switch {
	case len(f) == 3 && f[0] == "every": // every 2 months
		if n, ok := num(f[1]); ok {
			if u, ok := unitPerYear[f[2]]; ok {
				c.PerYear = u / n
				return c, nil
			}
		}
	case len(f) == 2 && f[0] == "every": // every month
		if u, ok := unitPerYear[f[1]]; ok {
			c.PerYear = u
			return c, nil
		}
	case len(f) >= 3: // 6 times a year, 6 per year, twice a month, 2 a month
		i := 1
		if f[i] == "times" {
			i++
		}
		if i+1 < len(f) && (f[i] == "a" || f[i] == "per" || f[i] == "every") && i+2 == len(f) {
			if n, ok := num(f[0]); ok {
				if u, ok := unitPerYear[f[i+1]]; ok {
					c.PerYear = n * u
					return c, nil
				}
			}
		}
	}
	return Cadence{}, fmt.Errorf("%w %q (try \"monthly\", \"every 2 months\", \"4 times a year\", \"as needed\" or a number of meetings a year)", ErrCadence, s)
}

// MustParseCadence is like ParseCadence but panics on error. It is meant for
// constants in programs and tests.
func MustParseCadence(s string) Cadence {
	c, err := ParseCadence(s)
	if err != nil {
		panic(err)
	}
	return c
}

// MarshalText implements encoding.TextMarshaler: the original text, or "N
// per year" for a cadence built from a number.
func (c Cadence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseCadence.
func (c *Cadence) UnmarshalText(b []byte) error {
	v, err := ParseCadence(string(b))
	*c = v
	return err
}
