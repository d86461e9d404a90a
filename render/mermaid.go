package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/labournet/labournet/network"
)

// mermaidText escapes text for a quoted Mermaid label: quotes and the
// characters Mermaid reads as markup become entity codes, line breaks <br/>.
func mermaidText(s string) string {
	s = strings.ReplaceAll(s, "#", "#35;") // first, so the codes below stay intact
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\r\n", "<br/>", "\n", "<br/>", "\r", "<br/>").Replace(s)
}

// Mermaid writes n as a Mermaid flowchart. Actors get safe node IDs (n0, n1,
// ... in ID order) with their names as quoted labels; each kind has a
// classDef with its colour; planned links are dotted, directed kinds have
// arrows, and funding links carry their amounts.
func Mermaid(w io.Writer, n *network.Network, opt Options) error {
	b := bufio.NewWriter(w)
	as := sortedActors(n)
	ids := make(map[string]string, len(as))
	fmt.Fprintf(b, "---\ntitle: %s\n---\nflowchart LR\n", mermaidText(title(n, opt)))
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
