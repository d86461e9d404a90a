package network

import (
	"fmt"
	"strings"
)

// parseName finds s (case-insensitive, '_' or ' ' read as '-') in names and
// returns its index, or an error wrapping sentinel that lists the valid names.
// An empty entry in names matches the empty string but is not listed.
func parseName(s string, names []string, sentinel error) (int, error) {
	for i, n := range names { // the names as written, without normalising
		if n == s {
			return i, nil
		}
	}
	norm := strings.Map(func(r rune) rune {
		if r == '_' || r == ' ' {
			return '-'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
	for i, n := range names {
		if n == norm {
			return i, nil
		}
	}
	var valid []string
	for _, n := range names {
		if n != "" {
			valid = append(valid, n)
		}
	}
	return 0, fmt.Errorf("%w %q (valid: %s)", sentinel, s, strings.Join(valid, ", "))
}

func enumString(i int, names []string, what string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", what, i)
}
