package eu

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// emptyMarkers are cell texts that publishers write for "no value" (Kohesio
// writes "nan" for a missing name, keep.eu "N.a."); they read as empty.
var emptyMarkers = map[string]bool{"nan": true, "n.a.": true, "n/a": true, "none": true, "null": true}

// isEmpty reports whether a cell holds no value.
func isEmpty(s string) bool { return s == "" || emptyMarkers[strings.ToLower(s)] }

// parseAmount reads an amount of money. Publishers write the decimal mark
// as a point or a comma, even in one row (CORDIS writes "528340.97" and
// "960619,95"), and spreadsheets may group thousands ("1,234,567.50",
// "1.234.567,50", "1 234 567,50"). The rule: spaces are dropped; a mark
// that appears once is the decimal mark; a mark that appears more than
// once groups thousands; when both appear, the last is the decimal mark
// and the other must group thousands. decimalComma reports that a comma
// was read as the decimal mark.
func parseAmount(s string) (v float64, decimalComma bool, err error) {
	t := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'':
			return -1
		}
		return r
	}, s)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "EUR"), "€")
	bad := func(why string) (float64, bool, error) {
		return 0, false, fmt.Errorf("%w: amount %q: %s", fileerr.ErrFormat, s, why)
	}
	if t == "" {
		return bad("no digits")
	}
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	lastDot, lastComma := strings.LastIndexByte(t, '.'), strings.LastIndexByte(t, ',')
	var intPart, frac string
	var group byte
	switch {
	case dots == 0 && commas == 0:
		intPart = t
	case dots > 0 && commas > 0:
		if lastComma > lastDot {
			if commas > 1 {
				return bad("more than one decimal comma")
			}
			intPart, frac, group = t[:lastComma], t[lastComma+1:], '.'
			decimalComma = true
		} else {
			if dots > 1 {
				return bad("more than one decimal point")
			}
			intPart, frac, group = t[:lastDot], t[lastDot+1:], ','
		}
	case dots == 1:
		intPart, frac = t[:lastDot], t[lastDot+1:]
	case commas == 1:
		intPart, frac = t[:lastComma], t[lastComma+1:]
		decimalComma = true
	case dots > 1:
		intPart, group = t, '.'
	default:
		intPart, group = t, ','
	}
	if group != 0 {
		parts := strings.Split(intPart, string(group))
		for i, p := range parts {
			if i > 0 && len(p) != 3 || i == 0 && (len(p) == 0 || len(p) > 3) {
				return bad(fmt.Sprintf("%q does not group thousands", group))
			}
		}
		intPart = strings.Join(parts, "")
	}
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	v, perr := strconv.ParseFloat(num, 64)
	switch {
	case perr != nil || strings.ContainsAny(num, "eEinfINFxX_+"):
		return bad("not a number")
	case math.IsInf(v, 0) || math.IsNaN(v):
		return bad("out of range")
	case v < 0:
		return bad("negative")
	}
	return v, decimalComma, nil
}

// parseDate reads a date as publishers write it: "2015-01-01" (with or
// without a time after it, as in "2018-07-19 09:17:05"), "2015-01",
// "2015", or day first, "01/03/2017" and "01.03.2017" (Kohesio and
// European spreadsheets; the day comes first).
func parseDate(s string) (network.Date, error) {
	t := s
	if i := strings.IndexAny(t, " T"); i >= 8 {
		t = t[:i]
	}
	for _, sep := range []string{"/", "."} {
		if p := strings.Split(t, sep); len(p) == 3 && len(p[2]) == 4 {
			t = p[2] + "-" + pad2(p[1]) + "-" + pad2(p[0])
			break
		}
	}
	d, err := network.ParseDate(t)
	if err != nil {
		return d, fmt.Errorf("%w: date %q: want YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY", fileerr.ErrFormat, s)
	}
	return d, nil
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// parseBool reads a flag: true, yes, y, 1 or false, no, n, 0, in any case.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "1", "t":
		return true, nil
	case "false", "no", "n", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("%w: %q is no flag: want true or false", fileerr.ErrFormat, s)
}

// country returns the ISO 3166-1 code for a country as publishers write
// it: the code ("CZ"), the EU's own codes ("EL" for Greece, "UK" for the
// United Kingdom), or the English name ("Ireland", as Kohesio writes it).
func country(s string) (string, bool) {
	if actor.ValidCountry(s) {
		return s, true
	}
	if c := actor.SuggestCountry(s); c != "" {
		return c, true
	}
	return "", false
}
