// Package xmltext escapes text for XML content and attribute values, as the
// SVG, GraphML and GEXF writers need it.
package xmltext

import "strings"

// Escape returns s with &, <, > and " escaped and the characters XML 1.0
// cannot hold dropped. Line breaks become character references when
// keepBreaks is true (so that a GraphML value reads back the same), spaces
// otherwise (SVG text has no line breaks).
func Escape(s string, keepBreaks bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n' || r == '\r' || r == '\t':
			if keepBreaks {
				b.WriteString("&#" + map[rune]string{'\n': "10", '\r': "13", '\t': "9"}[r] + ";")
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			// not allowed in XML 1.0: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
