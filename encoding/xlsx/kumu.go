package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/internal/schema"
	"github.com/labournet/labournet/network"
)

// KumuKinds is the default table from a Kumu element Type (compared
// without regard to case and surrounding space) to an actor kind. A Type not
// in the table that names a kind ("labour office", "trade-union") is that
// kind; any other is an organisation, the Type kept as attribute "type".
var KumuKinds = map[string]actor.Kind{
	"organization":  actor.Organisation,
	"organisation":  actor.Organisation,
	"person":        actor.Person,
	"project":       actor.Project,
	"funder":        actor.Fund,
	"foundation":    actor.Fund,
	"fund":          actor.Fund,
	"company":       actor.Employer,
	"business":      actor.Employer,
	"employer":      actor.Employer,
	"school":        actor.School,
	"university":    actor.University,
	"ngo":           actor.NGO,
	"non-profit":    actor.NGO,
	"nonprofit":     actor.NGO,
	"government":    actor.Municipality,
	"municipality":  actor.Municipality,
	"city":          actor.Municipality,
	"ministry":      actor.NationalAuthority,
	"region":        actor.RegionalAuthority,
	"union":         actor.TradeUnion,
	"committee":     actor.Body,
	"board":         actor.Body,
	"working group": actor.Body,
}

// KumuLinkKinds is the default table from a Kumu connection Type to a link
// kind, as KumuKinds; a Type neither in the table nor naming a link kind is
// a cooperation, the Type kept as attribute "type".
var KumuLinkKinds = map[string]network.LinkKind{
	"collaboration": network.Cooperation,
	"co-operation":  network.Cooperation,
	"partner":       network.Partnership,
	"funds":         network.Funding,
	"grant":         network.Funding,
	"member":        network.Membership,
	"member of":     network.Membership,
	"serves":        network.Service,
	"governs":       network.Governance,
	"reports to":    network.Reporting,
	"informs":       network.Information,
}

// kumuKind reads an element Type; ok is false for an unknown one.
func kumuKind(t string) (actor.Kind, bool) {
	if k, ok := KumuKinds[strings.ToLower(strings.TrimSpace(t))]; ok {
		return k, true
	}
	k, err := actor.ParseKind(t)
	return k, err == nil
}

func kumuLinkKind(t string) (network.LinkKind, bool) {
	if k, ok := KumuLinkKinds[strings.ToLower(strings.TrimSpace(t))]; ok {
		return k, true
	}
	k, err := network.ParseLinkKind(t)
	return k, err == nil
}

// kumuDirection reads a Kumu Direction: "directed", "undirected" or
// "mutual"; "" keeps the kind's own direction.
func kumuDirection(s string) (network.Direction, error) {
	if strings.EqualFold(strings.TrimSpace(s), "mutual") {
		return network.Undirected, nil
	}
	d, err := network.ParseDirection(s)
	if err != nil {
		return d, fmt.Errorf("%w %q (valid: directed, undirected, mutual)", network.ErrDirection, s)
	}
	return d, nil
}

// humanName writes a kind's name as a Kumu Type: "labour-office" is
// "Labour office", which actor.ParseKind reads back.
func humanName(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "-", " ")
	if s == "ngo" {
		return "NGO"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// normal is the form in which Kumu's own headers are compared.
func normal(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// kumuColumns classifies the header of a Kumu sheet, as a mapping renamed
// it (orig is the header as written): Kumu's own columns (given in own, in
// normal form, or as the field names of same that a mapping gives them:
// "kind" for Type) are returned by index; the others are our fields
// (matched as the CSV reader does, among fields less skip), attrs.KEY, or
// attributes under their header as written.
type kumuCol[T any] struct {
	own   string // one of Kumu's columns, in normal form
	field *schema.Field[T]
	attr  string
}

// kumuCell returns the column and the trimmed cell at index i of a row,
// the zero column past the header and "" past the row's cells.
func kumuCell[T any](cols []kumuCol[T], cells []string, i int) (col kumuCol[T], cell string) {
	if i < len(cols) {
		col = cols[i]
	}
	if i < len(cells) {
		cell = strings.TrimSpace(cells[i])
	}
	return col, cell
}

// set sets the non-empty cell at index i of a column that is not one of
// Kumu's own: a field (lists split on "|" or ";"), or an attribute in
// attrs; a column without a header takes no value. A problem comes with
// its path, the header.
func (c kumuCol[T]) set(el *T, attrs *map[string]string, header []string, i int, cell string) (path string, err error) {
	switch {
	case c.field != nil:
		if c.field.Type == schema.List {
			cell = strings.Join(splitKumu(cell), ";")
		}
		return header[i], c.field.Set(el, cell)
	case c.attr != "":
		setAttr(attrs, c.attr, cell)
		return "", nil
	default:
		return "", fmt.Errorf("%w: a value in column %s, which has no header: give the column a header or empty it", fileerr.ErrFormat, colName(i+1))
	}
}

// setAttr sets the attribute k of a map that may still be nil.
func setAttr(attrs *map[string]string, k, v string) {
	if *attrs == nil {
		*attrs = map[string]string{}
	}
	(*attrs)[k] = v
}

func kumuColumns[T any](header, orig []string, row int, own []string, same map[string]string, fields []schema.Field[T], skip []string, p *fileerr.List) []kumuCol[T] {
	var names []string
	byName := map[string]*schema.Field[T]{}
	for i := range fields {
		if !slices.Contains(skip, fields[i].Name) {
			names = append(names, fields[i].Name)
			byName[fields[i].Name] = &fields[i]
		}
	}
	cols := make([]kumuCol[T], len(header))
	seen := map[string]string{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		var key string
		attr, isAttr := schema.AttrName(h)
		switch name, known := schema.Canonical(h, names); {
		case h == "":
			continue
		case slices.Contains(own, normal(h)):
			cols[i].own = normal(h)
			key = "kumu." + cols[i].own
		case same[h] != "":
			cols[i].own = same[h]
			key = "kumu." + cols[i].own
		case isAttr:
			cols[i].attr = attr
			key = schema.AttrPrefix + attr
		case known:
			cols[i].field = byName[name]
			key = name
		default:
			cols[i].attr = h
			key = schema.AttrPrefix + h
		}
		if first, dup := seen[key]; dup {
			p.Add(row, i+1, orig[i], fmt.Errorf("%w: column %q repeats column %q", fileerr.ErrFormat, orig[i], first))
			continue
		}
		seen[key] = orig[i]
	}
	return cols
}

// readKumu reads Kumu's layout from sheet es (Elements), and cs
// (Connections) if there is one, through the mappings em and cm (nil for
// none).
func (wb *workbook) readKumu(es, cs string, em, cm *mapping.Table) (*network.Network, []Warning, error) {
	n := network.New("")
	esheet := wb.sheet(es)
	if esheet == "" {
		return nil, nil, &fileerr.ParseError{File: wb.file, Err: fmt.Errorf("%w: missing sheet %q: the workbook has %s", fileerr.ErrFormat, es, quoteList(wb.f.GetSheetList()))}
	}
	pe := &fileerr.List{File: wb.sheetFile(esheet)}
	rr, err := wb.rows(esheet, pe)
	if err != nil {
		return nil, nil, err
	}
	header, hrow, ok := rr.next()
	if !ok {
		if pe.Len() == 0 {
			pe.Add(1, 0, "", fmt.Errorf("%w: empty sheet: want a header row", fileerr.ErrFormat))
		}
		return nil, nil, pe.Err()
	}
	header = trimmed(header)
	renamed, mapRow := em.Apply(header)
	ecols := kumuColumns(renamed, header, hrow, []string{"label", "type", "description", "tags", "id"},
		map[string]string{"kind": "type", "name": "label", "themes": "tags", "attrs.description": "description"},
		schema.Actor, []string{"id", "name", "kind", "themes"}, pe)
	if !slices.ContainsFunc(ecols, func(c kumuCol[actor.Actor]) bool { return c.own == "label" }) {
		pe.Add(hrow, 0, "Label", fmt.Errorf("%w: missing required column \"Label\"", fileerr.ErrFormat))
	}
	if pe.Len() > 0 {
		rr.close()
		return nil, wb.warnings, pe.Err()
	}
	ids := map[string]bool{}
	byLabel := map[string]string{} // label → id
	byFold := map[string]string{}  // lower-case label → id
	bad := map[string]bool{}
	for {
		cells, row, more := rr.next()
		if !more {
			break
		}
		cells = slices.Clone(cells)
		mapRow(cells)
		var a actor.Actor
		var label, id string
		ok := true
		for i := range max(len(cells), len(ecols)) {
			col, cell := kumuCell(ecols, cells, i)
			if cell == "" {
				continue
			}
			switch {
			case col.own == "label":
				label = cell
			case col.own == "id":
				id = cell
			case col.own == "type":
				k, known := kumuKind(cell)
				if !known {
					setAttr(&a.Attrs, "type", cell)
					wb.warn(pe.File, row, i+1, header[i], fmt.Sprintf("unknown Type %q: read as kind organisation, the Type kept as attribute \"type\"", cell))
				}
				a.Kind = k
			case col.own == "description":
				setAttr(&a.Attrs, "description", cell)
			case col.own == "tags":
				a.Themes = splitKumu(cell)
			default:
				if path, err := col.set(&a, &a.Attrs, header, i, cell); err != nil {
					pe.Add(row, i+1, path, err)
					ok = false
				}
			}
		}
		if label == "" {
			pe.Add(row, 0, "Label", fmt.Errorf("%w: empty Label", actor.ErrEmptyID))
			continue
		}
		a.ID, a.Name = label, label
		switch id {
		case "":
		case label:
			a.Name = "" // as WriteKumu writes an actor without a name
		default:
			a.ID = id
		}
		if !ok {
			bad[a.ID] = true
			continue
		}
		if err := n.AddActor(a); err != nil {
			pe.Add(row, 0, "", err)
			bad[a.ID] = true
			continue
		}
		ids[a.ID] = true
		if _, dup := byLabel[label]; !dup {
			byLabel[label] = a.ID
		}
		if _, dup := byFold[strings.ToLower(label)]; !dup {
			byFold[strings.ToLower(label)] = a.ID
		}
	}
	csheet := wb.sheet(cs)
	if csheet == "" {
		if err := pe.Err(); err != nil {
			return nil, wb.warnings, err
		}
		return n, wb.warnings, nil
	}
	resolve := func(v string) string {
		if ids[v] || bad[v] {
			return v
		}
		if id, ok := byLabel[v]; ok {
			return id
		}
		if id, ok := byFold[strings.ToLower(v)]; ok {
			return id
		}
		return v
	}
	pc := &fileerr.List{File: wb.sheetFile(csheet)}
	cr, err := wb.rows(csheet, pc)
	if err != nil {
		return nil, wb.warnings, err
	}
	header, hrow, ok = cr.next()
	if !ok {
		if err := errors.Join(pe.Err(), pc.Err()); err != nil {
			return nil, wb.warnings, err
		}
		return n, wb.warnings, nil // a Connections sheet left empty
	}
	header = trimmed(header)
	renamed, mapRow = cm.Apply(header)
	ccols := kumuColumns(renamed, header, hrow, []string{"from", "to", "type", "direction", "description"},
		map[string]string{"kind": "type", "attrs.description": "description"},
		schema.Link, []string{"from", "to", "kind", "direction"}, pc)
	for _, req := range []string{"from", "to"} {
		if !slices.ContainsFunc(ccols, func(c kumuCol[network.Link]) bool { return c.own == req }) {
			pc.Add(hrow, 0, humanName(req), fmt.Errorf("%w: missing required column %q", fileerr.ErrFormat, humanName(req)))
		}
	}
	if pc.Len() > 0 {
		cr.close()
		return nil, wb.warnings, errors.Join(pe.Err(), pc.Err())
	}
	for index := 0; ; index++ {
		cells, row, more := cr.next()
		if !more {
			break
		}
		cells = slices.Clone(cells)
		mapRow(cells)
		var l network.Link
		ok := true
		for i := range max(len(cells), len(ccols)) {
			col, cell := kumuCell(ccols, cells, i)
			if cell == "" {
				if col.own == "from" || col.own == "to" {
					pc.Add(row, i+1, header[i], fmt.Errorf("%w: empty cell in required column", network.ErrEmptyID))
					ok = false
				}
				continue
			}
			switch {
			case col.own == "from":
				l.From = resolve(cell)
			case col.own == "to":
				l.To = resolve(cell)
			case col.own == "type":
				k, known := kumuLinkKind(cell)
				if !known {
					setAttr(&l.Attrs, "type", cell)
					wb.warn(pc.File, row, i+1, header[i], fmt.Sprintf("unknown Type %q: read as kind cooperation, the Type kept as attribute \"type\"", cell))
				}
				l.Kind = k
			case col.own == "direction":
				d, err := kumuDirection(cell)
				if err != nil {
					pc.Add(row, i+1, header[i], err)
					ok = false
				}
				l.Direction = d
			case col.own == "description":
				setAttr(&l.Attrs, "description", cell)
			default:
				if path, err := col.set(&l, &l.Attrs, header, i, cell); err != nil {
					pc.Add(row, i+1, path, err)
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		if err := schema.CheckLink(&l); err != nil {
			pc.Add(row, 0, "money.amount", err)
			continue
		}
		addLink(n, l, row, index, bad, pc)
	}
	if err := errors.Join(pe.Err(), pc.Err()); err != nil {
		return nil, wb.warnings, err
	}
	return n, wb.warnings, nil
}

// splitKumu splits a Kumu multi-value cell on "|" (and on ";", our own
// separator), trimming values and dropping empty ones.
func splitKumu(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ';' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// WriteKumu writes n in Kumu's import layout: a sheet Elements with
// columns Label (the actor's name, or its ID when it has none), Type (its
// kind, as "Labour office"), Description (attribute "description"), Tags
// (its themes, separated by "|"), ID (when it differs from the Label), then
// our other actor fields and attrs.KEY; a sheet Connections with columns
// From and To (the actors' Labels, or their IDs when a Label is not unique),
// Type (the link kind), Direction ("directed", "undirected", or empty for
// the kind's own), Description, then our other link fields and attrs.KEY.
// An actor without a name has its ID as both Label and ID, which Read takes
// for no name. Lists are separated by "|"; a list value containing "|" or
// ";" is an error, and nothing is written. Read reads the workbook back to
// the same network.
func WriteKumu(w io.Writer, n *network.Network) error {
	as, ls := n.Actors(), n.Links()
	aKeys := without(n.ActorAttrKeys(), "description")
	lKeys := without(n.LinkAttrKeys(), "description")
	skipA := []string{"id", "name", "kind", "themes"}
	skipL := []string{"from", "to", "kind", "direction"}
	aFields := slices.DeleteFunc(slices.Clone(schema.Actor), func(f schema.Field[actor.Actor]) bool { return slices.Contains(skipA, f.Name) })
	lFields := slices.DeleteFunc(slices.Clone(schema.Link), func(f schema.Field[network.Link]) bool { return slices.Contains(skipL, f.Name) })

	labelOf := func(a *actor.Actor) string {
		if a.Name != "" {
			return a.Name
		}
		return a.ID
	}
	labels := map[string]int{}
	idSet := map[string]bool{}
	for i := range as {
		labels[labelOf(&as[i])]++
		idSet[as[i].ID] = true
	}
	ref := map[string]string{} // id → what From and To hold
	elements := sheetData{name: ElementsSheet, header: slices.Concat([]string{"Label", "Type", "Description", "Tags", "ID"}, schema.Header(aFields, aKeys))}
	for i := range as {
		a := &as[i]
		label := labelOf(a)
		id := ""
		if a.ID != label || a.Name == "" {
			id = a.ID
		}
		ref[a.ID] = a.ID
		if labels[label] == 1 && (label == a.ID || !idSet[label]) {
			ref[a.ID] = label
		}
		tags, err := joinKumu(a.Themes)
		if err != nil {
			return fmt.Errorf("xlsx: actor %q: themes: %w", a.ID, err)
		}
		row := []string{label, humanName(a.Kind.String()), a.Attrs["description"], tags, id}
		rest, err := kumuRow(aFields, a, aKeys, a.Attrs)
		if err != nil {
			return fmt.Errorf("xlsx: actor %q: %w", a.ID, err)
		}
		elements.rows = append(elements.rows, append(row, rest...))
	}
	connections := sheetData{name: ConnectionsSheet, header: slices.Concat([]string{"From", "To", "Type", "Direction", "Description"}, schema.Header(lFields, lKeys))}
	for i := range ls {
		l := &ls[i]
		row := []string{ref[l.From], ref[l.To], humanName(l.Kind.String()), l.Direction.String(), l.Attrs["description"]}
		rest, err := kumuRow(lFields, l, lKeys, l.Attrs)
		if err != nil {
			return fmt.Errorf("xlsx: link #%d (%s -> %s): %w", i+1, l.From, l.To, err)
		}
		connections.rows = append(connections.rows, append(row, rest...))
	}
	return writeBook(w, elements, connections)
}

// kumuRow is schema.Row with lists separated by "|".
func kumuRow[T any](table []schema.Field[T], el *T, keys []string, attrs map[string]string) ([]string, error) {
	row := make([]string, 0, len(table)+len(keys))
	for _, f := range table {
		if err := f.Check(el); err != nil {
			return nil, err
		}
		v := f.Get(el)
		if f.Type == schema.List && v != "" {
			var err error
			if v, err = joinKumu(strings.Split(v, schema.ListSeparator)); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
		}
		row = append(row, v)
	}
	for _, k := range keys {
		row = append(row, attrs[k])
	}
	return row, nil
}

// joinKumu joins list values with "|".
func joinKumu(vs []string) (string, error) {
	for _, v := range vs {
		if strings.ContainsAny(v, "|;") {
			return "", fmt.Errorf("%w: list value %q contains a separator (\"|\" or \";\")", actor.ErrInvalidText, v)
		}
	}
	return strings.Join(vs, "|"), nil
}

func without(keys []string, k string) []string {
	return slices.DeleteFunc(slices.Clone(keys), func(s string) bool { return s == k })
}

// trimmed returns a copy of header, each header trimmed.
func trimmed(header []string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = strings.TrimSpace(h)
	}
	return out
}
