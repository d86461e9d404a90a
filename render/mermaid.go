package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labournet/labournet/network"
)

// mermaidText escapes text for a quoted Mermaid label ("..." in a node,
// |"..."| on a link), so that no name can end the label or the statement
// early or be read as markup: the quote, the characters of HTML (< > &),
// the backtick (which opens a Markdown string), the bar (which ends a link's
// label) and # (which starts the codes) become entity codes, line breaks
// <br/>, tabs and other control characters spaces. Brackets, colons and
// semicolons need no escaping inside the quotes.
func mermaidText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '#':
			b.WriteString("#35;")
		case r == '"':
			b.WriteString("#quot;")
		case r == '<':
			b.WriteString("#lt;")
		case r == '>':
			b.WriteString("#gt;")
		case r == '&':
			b.WriteString("#amp;")
		case r == '`':
			b.WriteString("#96;")
		case r == '|':
			b.WriteString("#124;")
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteString("<br/>")
		case r == '\n':
			b.WriteString("<br/>")
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yamlString returns s as a YAML scalar for the front matter: as it is when
// it is a plain string YAML reads back as the same string, else
// double-quoted, with \, the quote and every character that is not
// printable (line breaks, tabs, U+2028) escaped, so that no title (": ",
// "#", a leading "-" or "[", "null", a line break) can break the front
// matter or change its meaning.
func yamlString(s string) string {
	if yamlPlain(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError || r != ' ' && !unicode.IsPrint(r):
			if r > 0xFFFF {
				fmt.Fprintf(&b, `\U%08X`, r)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlPlain reports whether s may be written as a plain YAML scalar: it
// starts with a letter, holds only letters, digits, marks, spaces and
// "-_.,()/'", does not end with a space, and is no word YAML reads as
// other than a string.
func yamlPlain(s string) bool {
	if s == "" || strings.HasSuffix(s, " ") {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case i == 0:
			return false
		case unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(" -_.,()/'", r):
		default:
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return false
	}
	return true
}

// Mermaid writes n as a Mermaid flowchart. Actors get safe node IDs (n0, n1,
// ... in ID order) with their names as quoted labels; each kind has a
// classDef with its colour; planned links are dotted, directed kinds have
// arrows, and funding links carry their amounts.
func Mermaid(w io.Writer, n *network.Network, opt Options) error {
	b := bufio.NewWriter(w)
	as := sortedActors(n)
	ids := make(map[string]string, len(as))
	fmt.Fprintf(b, "---\ntitle: %s\n---\nflowchart LR\n", yamlString(title(n, opt)))
	for i, a := range as {
		ids[a.ID] = fmt.Sprintf("n%d", i)
		open, close := mermaidShape(Style(a.Kind).Shape)
		fmt.Fprintf(b, "  %s%s\"%s\"%s\n", ids[a.ID], open, mermaidText(label(a)), close)
	}
	for _, l := range n.Links() {
		st := StyleOf(l)
		arrow := "---"
		switch {
		case st.Dashed || st.Dotted:
			arrow = "-.-"
			if st.Arrow {
				arrow = "-.->"
			}
		case st.Arrow:
			arrow = "-->"
		}
		text := l.Kind.String()
		if t := linkLabel(l); t != "" {
			text += ": " + t
		}
		fmt.Fprintf(b, "  %s %s|\"%s\"| %s\n", ids[l.From], arrow, mermaidText(text), ids[l.To])
	}
	for _, k := range usedKinds(as) {
		fmt.Fprintf(b, "  classDef %s fill:%s,stroke:#333,color:#000\n", mermaidClass(k.String()), Style(k).Fill)
	}
	for _, k := range usedKinds(as) {
		var members []string
		for _, a := range as {
			if a.Kind == k {
				members = append(members, ids[a.ID])
			}
		}
		fmt.Fprintf(b, "  class %s %s\n", strings.Join(members, ","), mermaidClass(k.String()))
	}
	for _, id := range opt.Highlight.CutPoints {
		if nid, ok := ids[id]; ok {
			fmt.Fprintf(b, "  style %s stroke:#D00000,stroke-width:3px\n", nid)
		}
	}
	return b.Flush()
}

func mermaidClass(kind string) string { return "k_" + strings.ReplaceAll(kind, "-", "_") }

// mermaidShape returns the brackets of a Mermaid node shape.
func mermaidShape(shape string) (string, string) {
	switch shape {
	case "box":
		return "[", "]"
	case "diamond":
		return "{", "}"
	case "hexagon":
		return "{{", "}}"
	case "circle":
		return "((", "))"
	case "triangle":
		return "[/", "\\]"
	}
	return "([", "])"
}
