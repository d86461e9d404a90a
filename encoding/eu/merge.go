package eu

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
)

// MergesFormat is the value of a merges file's "format" member.
const MergesFormat = "labournet-merges/1"

// Merges are the user's decisions on which organisations are one and which
// are not, read from a merges file:
//
//	{"format": "labournet-merges/1",
//	 "same":      [["org-999904523", "org-998765432"]],
//	 "different": [["org-999887766", "vat-CZ12345678"]]}
//
// Organisations are named by the IDs an import gives them (see Import):
// "org-" and the source's organisation ID, else "vat-" and the VAT number,
// else "org-", the normal form of the name and the country. Each group of
// "same" becomes one organisation, whatever their IDs, VAT numbers and
// names say; each pair of "different" is kept apart: an automatic merge
// that would join them is not made, and they are not listed as near-
// duplicates. The zero value decides nothing.
type Merges struct {
	Same      [][]string  `json:"same,omitempty"`
	Different [][2]string `json:"different,omitempty"`
}

// LoadMerges reads a merges file.
func LoadMerges(path string) (Merges, error) {
	f, err := os.Open(path)
	if err != nil {
		return Merges{}, err
	}
	defer f.Close()
	return ParseMerges(f, path)
}

// ParseMerges reads a merges file from r; file names it in errors, which
// are *encoding.ParseError values wrapping encoding.ErrFormat.
func ParseMerges(r io.Reader, file string) (Merges, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return Merges{}, err
	}
	var raw struct {
		Format string `json:"format"`
		Merges
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	p := &fileerr.List{File: file}
	if err := dec.Decode(&raw); err != nil {
		p.Add(fileerr.JSONLine(data, err), 0, "", fmt.Errorf("%w: %v", fileerr.ErrFormat, err))
		return Merges{}, p.Err()
	}
	if raw.Format != MergesFormat {
		p.Add(0, 0, "format", fmt.Errorf("%w: format %q: want %q", fileerr.ErrFormat, raw.Format, MergesFormat))
	}
	for i, g := range raw.Same {
		if len(g) < 2 {
			p.Add(0, 0, fmt.Sprintf("same[%d]", i), fmt.Errorf("%w: a group of the same organisation names at least two", fileerr.ErrFormat))
		}
	}
	same := map[string]int{}
	for i, g := range raw.Same {
		for _, id := range g {
			if j, dup := same[id]; dup && j != i {
				p.Add(0, 0, fmt.Sprintf("same[%d]", i), fmt.Errorf("%w: %q is also in same[%d]: join the two groups", fileerr.ErrFormat, id, j))
			}
			same[id] = i
		}
	}
	for i, d := range raw.Different {
		if d[0] == d[1] {
			p.Add(0, 0, fmt.Sprintf("different[%d]", i), fmt.Errorf("%w: %q cannot differ from itself", fileerr.ErrFormat, d[0]))
		}
		if a, ok := same[d[0]]; ok {
			if b, ok := same[d[1]]; ok && a == b {
				p.Add(0, 0, fmt.Sprintf("different[%d]", i), fmt.Errorf("%w: %q and %q are both in same[%d]", fileerr.ErrFormat, d[0], d[1], a))
			}
		}
	}
	if p.Len() > 0 {
		return Merges{}, p.Err()
	}
	return raw.Merges, nil
}

// Merge is one merge an import made of organisations that the source
// gives as different: Into is the organisation kept, From one merged into
// it, By the evidence ("VAT number", "name and country", "merges file").
type Merge struct {
	Into, From, By string
}

// NearDuplicate is a pair of organisations that an import kept apart but
// that may be one: their names are alike in the same country. Confirm a
// pair with "same" in a merges file, or refuse it with "different".
type NearDuplicate struct {
	A, B         string // the organisations' IDs, A < B
	NameA, NameB string // their names
	Country      string
	Reason       string // "same name", "similar names", "same VAT number, different IDs"
}

// orgKind orders the keys of organisations: a key from the source's ID
// comes first, then one from a VAT number, then one from a name.
type orgKind uint8

const (
	byID orgKind = iota
	byVAT
	byName
)

// orgKey is what identifies one participation's organisation.
type orgKey struct {
	own  string // the ID the organisation has alone: org-ID, vat-VAT, org-NAME-cc
	kind orgKind
	vat  string // normal VAT number, or ""
	name string // normal name + "|" + country, or ""
}

// keyOf returns the organisation key of a participation; ok is false when
// the row names no organisation.
func keyOf(r *record) (orgKey, bool) {
	k := orgKey{vat: normalVAT(r.v[fVAT])}
	cc := strings.ToLower(r.v[fCountry])
	if c, ok := country(r.v[fCountry]); ok {
		cc = strings.ToLower(c)
	}
	if n := normalName(r.v[fName]); n != "" {
		k.name = n + "|" + cc
	}
	switch {
	case r.v[fOrgID] != "":
		k.own, k.kind = "org-"+idPart(r.v[fOrgID]), byID
	case k.vat != "":
		k.own, k.kind = "vat-"+k.vat, byVAT
	case k.name != "":
		s := "org-" + slug(r.v[fName])
		if cc != "" {
			s += "-" + cc
		}
		k.own, k.kind = s, byName
	default:
		return k, false
	}
	return k, true
}

// idPart returns an identifier for use in an actor ID: a URL gives its
// last path segment ("https://linkedopendata.eu/entity/Q2757713" is
// "Q2757713"); spaces become "-".
func idPart(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		if i := strings.LastIndexByte(strings.TrimRight(s, "/"), '/'); i >= 0 {
			s = strings.TrimRight(s, "/")[i+1:]
		}
	}
	return strings.Join(strings.Fields(s), "-")
}

// merger joins organisation keys into organisations (union-find).
type merger struct {
	index  map[string]int // own key → node
	keys   []orgKey
	parent []int
	apart  [][2]int // pairs kept apart
	merges []Merge
	near   []NearDuplicate
}

func newMerger() *merger { return &merger{index: map[string]int{}} }

// add records a key and returns its node.
func (m *merger) add(k orgKey) int {
	if i, ok := m.index[k.own]; ok {
		// The first VAT number and name seen for a key stand for it.
		if m.keys[i].vat == "" {
			m.keys[i].vat = k.vat
		}
		if m.keys[i].name == "" {
			m.keys[i].name = k.name
		}
		return i
	}
	i := len(m.keys)
	m.index[k.own] = i
	m.keys = append(m.keys, k)
	m.parent = append(m.parent, i)
	return i
}

func (m *merger) find(i int) int {
	for m.parent[i] != i {
		m.parent[i] = m.parent[m.parent[i]]
		i = m.parent[i]
	}
	return i
}

// less orders nodes by which one's key names a merged organisation: by
// ID, then VAT number, then name; then by key.
func (m *merger) less(a, b int) bool {
	ka, kb := m.keys[a], m.keys[b]
	if ka.kind != kb.kind {
		return ka.kind < kb.kind
	}
	return ka.own < kb.own
}

// union joins the organisations of a and b unless the user keeps them
// apart, and reports whether they are joined.
func (m *merger) union(a, b int, by string) bool {
	ra, rb := m.find(a), m.find(b)
	if ra == rb {
		return true
	}
	for _, p := range m.apart {
		x, y := m.find(p[0]), m.find(p[1])
		if x == ra && y == rb || x == rb && y == ra {
			return false
		}
	}
	if m.less(rb, ra) {
		ra, rb = rb, ra
	}
	m.parent[rb] = ra
	m.merges = append(m.merges, Merge{Into: m.keys[ra].own, From: m.keys[rb].own, By: by})
	return true
}

// run merges the keys added: a key from a VAT number joins the one
// organisation with a source ID and that VAT number, and a key from a name
// joins the one organisation with a source ID or VAT number and that name
// in that country; user decisions come first. Where a VAT number or name
// points to several organisations, none is joined and the pair is listed
// as a near-duplicate.
func (m *merger) run(user Merges, warn func(string)) {
	node := func(id string) (int, bool) { i, ok := m.index[id]; return i, ok }
	for _, d := range user.Different {
		a, okA := node(d[0])
		b, okB := node(d[1])
		if okA && okB {
			m.apart = append(m.apart, [2]int{a, b})
		}
	}
	for _, g := range user.Same {
		first := -1
		for _, id := range g {
			i, ok := node(id)
			if !ok {
				warn(fmt.Sprintf("merges file: %q names no organisation of this import", id))
				continue
			}
			if first < 0 {
				first = i
			} else {
				m.union(first, i, "merges file")
			}
		}
	}
	byVATIndex := map[string][]int{}
	byNameIndex := map[string][]int{}
	for i, k := range m.keys {
		if k.kind == byID && k.vat != "" {
			byVATIndex[k.vat] = append(byVATIndex[k.vat], i)
		}
	}
	for i, k := range m.keys {
		if k.kind != byVAT {
			continue
		}
		switch ids := byVATIndex[k.vat]; len(ids) {
		case 0:
		case 1:
			m.union(ids[0], i, "VAT number")
		default:
			m.nearPair(ids[0], ids[1], "same VAT number, different IDs")
		}
	}
	for i, k := range m.keys {
		if k.kind != byName && k.name != "" {
			r := m.find(i)
			if l := byNameIndex[k.name]; !slices.Contains(l, r) {
				byNameIndex[k.name] = append(l, r)
			}
		}
	}
	for i, k := range m.keys {
		if k.kind != byName {
			continue
		}
		var roots []int
		for _, r := range byNameIndex[k.name] {
			if r = m.find(r); !slices.Contains(roots, r) {
				roots = append(roots, r)
			}
		}
		switch len(roots) {
		case 0:
		case 1:
			m.union(roots[0], i, "name and country")
		default:
			m.nearPair(roots[0], roots[1], "same name, different IDs")
		}
	}
}

// nearPair lists two organisations as near-duplicates.
func (m *merger) nearPair(a, b int, reason string) {
	m.near = append(m.near, NearDuplicate{A: m.keys[m.find(a)].own, B: m.keys[m.find(b)].own, Reason: reason})
}

// id returns the ID of the organisation of node i.
func (m *merger) id(i int) string { return m.keys[m.find(i)].own }

// nearDuplicates lists the organisations that may be one: the pairs that
// run found, and those in one country whose normal names are equal or,
// next to each other in sorted order, alike (see similar). orgs gives each
// organisation's ID, name and country; present tells whether an ID is in
// the network made. The result is sorted and has each pair once.
func nearDuplicates(found []NearDuplicate, orgs []orgInfo, different [][2]string, present func(string) bool) []NearDuplicate {
	type entry struct {
		id, name, normal, country string
	}
	es := make([]entry, 0, len(orgs))
	names := map[string]orgInfo{}
	for _, o := range orgs {
		names[o.id] = o
		if present(o.id) {
			es = append(es, entry{o.id, o.name, normalName(o.name), o.country})
		}
	}
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.country, b.country), cmp.Compare(a.normal, b.normal), cmp.Compare(a.id, b.id))
	})
	out := slices.Clone(found)
	for i := 1; i < len(es); i++ {
		a, b := es[i-1], es[i]
		if a.country != b.country || a.normal == "" || b.normal == "" {
			continue
		}
		switch {
		case a.normal == b.normal:
			out = append(out, NearDuplicate{A: a.id, B: b.id, Reason: "same name"})
		case similar(a.normal, b.normal):
			out = append(out, NearDuplicate{A: a.id, B: b.id, Reason: "similar names"})
		}
	}
	apart := map[[2]string]bool{}
	for _, d := range different {
		apart[[2]string{min(d[0], d[1]), max(d[0], d[1])}] = true
	}
	seen := map[[2]string]bool{}
	kept := out[:0]
	for _, d := range out {
		if d.A > d.B {
			d.A, d.B = d.B, d.A
		}
		k := [2]string{d.A, d.B}
		if d.A == d.B || seen[k] || apart[k] || !present(d.A) || !present(d.B) {
			continue
		}
		seen[k] = true
		d.NameA, d.NameB = names[d.A].name, names[d.B].name
		d.Country = names[d.A].country
		kept = append(kept, d)
	}
	slices.SortFunc(kept, func(a, b NearDuplicate) int {
		return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	return kept
}

// similar reports whether two normal names of at least 8 letters differ by
// at most one edit in ten (Levenshtein distance).
func similar(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if min(len(ra), len(rb)) < 8 {
		return false
	}
	limit := n / 10
	if abs(len(ra)-len(rb)) > limit {
		return false
	}
	return schema.Distance(a, b) <= limit
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
