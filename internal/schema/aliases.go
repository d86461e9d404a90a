package schema

import (
	"slices"
	"strings"
)

// aliases maps the other names a spreadsheet may give a column to the
// field it means. A field name itself is matched before any alias, so an
// alias never hides a field of the same table: "label" is the name of an
// actor but the label of a link.
var aliases = map[string]string{
	"identifier":   "id",
	"label":        "name",
	"type":         "kind",
	"sector":       "sectors",
	"target group": "targetGroups",
	"skill":        "skills",
	"theme":        "themes",
	"source":       "from",
	"from id":      "from",
	"source id":    "from",
	"target":       "to",
	"to id":        "to",
	"target id":    "to",
	"amount":       "money.amount",
	"currency":     "money.currency",
	"ceiling":      "money.ceiling",
	"start date":   "start",
	"end date":     "end",
}

// normalAliases is aliases keyed by the normalized alias.
var normalAliases = func() map[string]string {
	m := make(map[string]string, len(aliases))
	for a, f := range aliases {
		m[normalize(a)] = f
	}
	return m
}()

// normalize is the form in which headers are compared: trimmed, lower
// case, without spaces, '_', '-' and '.' ("Target Groups", "target_groups"
// and "targetGroups" are all "targetgroups"; "Money amount" is
// "money.amount").
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '.', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// Canonical returns the field of fields (a table's field names, see Names)
// that a CSV header names, and whether there is one. Headers match without
// regard to case, surrounding space and the spaces, '_', '-' and '.'
// between words, first against the field names, then against the aliases (see
// Aliases): "ID", "Type", "target groups", "Start date" and, in a table of
// links, "source" and "target" all name a field. Attribute columns
// ("attrs.KEY") are no field.
func Canonical(header string, fields []string) (string, bool) {
	h := normalize(header)
	if h == "" {
		return "", false
	}
	for _, f := range fields {
		if normalize(f) == h {
			return f, true
		}
	}
	if f, ok := normalAliases[h]; ok && slices.Contains(fields, f) {
		return f, true
	}
	return "", false
}

// Aliases returns the other names Canonical takes for the field name,
// sorted.
func Aliases(name string) []string {
	var out []string
	for a, f := range aliases {
		if f == name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// Suggest returns the field of fields closest to a header that names none
// (a misspelling: one letter added, left out or changed, or two in a
// header of five letters or more), or "".
func Suggest(header string, fields []string) string {
	h := normalize(header)
	if len(h) < 3 {
		return ""
	}
	best, bestD := "", 3
	for _, f := range fields {
		if d := Distance(h, normalize(f)); d < bestD {
			best, bestD = f, d
		}
	}
	if bestD > 1 && len(h) < 5 {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in runes: the
// fewest letters to add, drop or change to make one the other. It takes
// O(|a|·|b|) time and O(|b|) memory. Suggestions for misspelt headers,
// values and flags, and the importer's near-duplicate names, all use it.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
