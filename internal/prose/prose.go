// Package prose writes the small pieces of English the reports need right:
// plurals, counts with their noun, articles and lists.
package prose

import (
	"strconv"
	"strings"
)

// Plural returns the plural of an English noun phrase, inflecting its last
// word: "employment agency" → "employment agencies", "actor" → "actors".
func Plural(noun string) string {
	i := strings.LastIndexByte(noun, ' ')
	head, w := noun[:i+1], noun[i+1:]
	switch {
	case w == "":
		return noun
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		w += "es"
	default:
		w += "s"
	}
	return head + w
}

// Count returns k with the noun, in the plural unless k is 1: "1 actor",
// "3 actors".
func Count(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(k) + " " + Plural(noun)
}

// Article returns the noun with "a" or "an" before it, by its sound: "an
// employer", "a university", "a school".
func Article(noun string) string {
	first, _, _ := strings.Cut(noun, " ")
	if len(first) > 1 && strings.ToUpper(first) == first { // an acronym: by its letters' names
		if strings.ContainsRune("AEFHILMNORSX", rune(first[0])) {
			return "an " + noun
		}
		return "a " + noun
	}
	lower := strings.ToLower(noun)
	for _, p := range []string{"uni", "use", "eu", "one"} {
		if strings.HasPrefix(lower, p) {
			return "a " + noun
		}
	}
	if lower != "" && strings.ContainsRune("aeiou", rune(lower[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// Or joins items as "a", "a or b", "a, b or c".
func Or(items []string) string { return join(items, "or") }

// And joins items as "a", "a and b", "a, b and c".
func And(items []string) string { return join(items, "and") }

func join(items []string, word string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

// Capitalize returns s with its first letter in upper case.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
