package eu

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// project is what is known of one project.
type project struct {
	key   string
	v     [numProjectFields]string
	attrs map[string]string
	from  *record // the row that first named it
	n     int     // its participations

	read       bool // start, end and status are read
	start, end network.Date
	status     network.Status
}

// orgInfo is one organisation as merged.
type orgInfo struct {
	id, name, country string
}

// Roles that participations take besides network's well-known ones.
const (
	roleThirdParty    = "third-party"           // a third party linked to a beneficiary (CORDIS)
	roleInternational = "international-partner" // a partner outside the programme's countries (CORDIS)
)

// participationRoles are the roles a participation may have.
var participationRoles = []string{network.RoleLead, network.RolePartner, network.RoleAssociated, roleThirdParty, roleInternational, network.RoleBeneficiary}

// finish merges, builds and filters the network.
func (im *importer) finish(ctx context.Context) (*Result, error) {
	p := &problems{}
	projects, order := im.collectProjects(p)
	res := &Result{}
	var notes []string
	// Organisations.
	m := newMerger()
	nodes := make([][]int, len(im.parts))
	for ti, t := range im.parts {
		nodes[ti] = make([]int, len(t.rows))
		for ri := range t.rows {
			r := &t.rows[ri]
			res.Rows++
			k, ok := keyOf(r)
			if !ok {
				p.add(r.place(fName, fmt.Errorf("%w: the row names no organisation: no ID, VAT number or name", fileerr.ErrFormat)))
				nodes[ti][ri] = -1
				continue
			}
			nodes[ti][ri] = m.add(k)
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	m.run(im.opt.Merges, func(msg string) { im.warns.add(Warning{Message: msg}) })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := &builder{im: im, p: p, projects: projects, orgs: map[string]*orgBuild{}, comma: map[string]string{}, renamed: map[string]string{}}
	b.links = make([]network.Link, 0, 2*res.Rows)
	dups := 0
	var firstDup *record
	seen := make(map[string]bool, res.Rows)
	for ti, t := range im.parts {
		for ri := range t.rows {
			r := &t.rows[ri]
			if nodes[ti][ri] < 0 {
				continue
			}
			id := m.id(nodes[ti][ri])
			money := r.v[fContribution]
			if x, _, err := parseAmount(money); err == nil {
				money = strconv.FormatFloat(x, 'f', -1, 64) // "500000.00" repeats "500000"
			}
			k := strings.Join([]string{r.v[fProject], id, r.v[fRole], money}, "\x00")
			if seen[k] {
				dups++
				if firstDup == nil {
					firstDup = r
				}
				continue
			}
			seen[k] = true
			b.participation(r, id)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	dupNote := ""
	if dups > 0 {
		dupNote = fmt.Sprintf("%d duplicate participation row%s merged (same project, organisation, role and contribution; the first at %s:%d)", dups, plural(dups, "", "s"), firstDup.t.file, firstDup.line)
	}
	im.parts, im.projects = nil, nil // the rows are read: let them go before the network is built
	if dupNote != "" {
		notes = append(notes, dupNote)
	}
	n, err := b.network(order)
	if err != nil {
		return nil, err
	}
	for _, col := range slices.Sorted(maps.Keys(b.comma)) {
		x, _, _ := parseAmount(b.comma[col])
		notes = append(notes, fmt.Sprintf("%s: amounts with a decimal comma read as decimals (%q is %s)", col, b.comma[col], strconv.FormatFloat(x, 'f', -1, 64)))
	}
	for _, from := range slices.Sorted(maps.Keys(b.renamed)) {
		notes = append(notes, fmt.Sprintf("country %q read as %q", from, b.renamed[from]))
	}
	if im.opt.Name != "" {
		n.Name = im.opt.Name
	}
	if !im.opt.Filter.IsZero() {
		n = Select(n, im.opt.Filter)
	}
	res.Network = n
	present := func(id string) bool { _, ok := n.Actor(id); return ok }
	for _, mg := range m.merges {
		if present(mg.Into) {
			res.Merges = append(res.Merges, mg)
		}
	}
	slices.SortFunc(res.Merges, func(a, b Merge) int { return cmp.Or(cmp.Compare(a.Into, b.Into), cmp.Compare(a.From, b.From)) })
	infos := make([]orgInfo, 0, len(b.orgs))
	for id, o := range b.orgs {
		infos = append(infos, orgInfo{id: id, name: o.a.Name, country: o.a.Country})
	}
	res.NearDuplicates = nearDuplicates(m.near, infos, im.opt.Merges.Different, present)
	for _, l := range n.AllLinks() {
		if l.Kind == network.Partnership {
			res.Participations++
		}
	}
	res.Warnings = append(im.warns.list, b.warns.list...)
	res.Notes = notes
	return res, nil
}

// problems gathers the errors of an import, up to fileerr.MaxProblems.
type problems struct{ errs []error }

func (p *problems) add(e *fileerr.ParseError) {
	if len(p.errs) < fileerr.MaxProblems {
		p.errs = append(p.errs, e)
	}
}

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return errors.Join(p.errs...)
}

// collectProjects gathers what the project tables and the participation
// rows say of each project: the project tables first, then the rows fill
// what they leave empty. order lists the keys in the order first named.
func (im *importer) collectProjects(p *problems) (map[string]*project, []string) {
	projects := map[string]*project{}
	var order []string
	add := func(r *record, fromProjectTable bool) {
		key := r.v[fProject]
		if key == "" {
			if r.v[fAcronym] == "" {
				p.add(r.place(fProject, fmt.Errorf("%w: the row names no project", fileerr.ErrFormat)))
				return
			}
			// keep.eu's exports before 2021 have no project ID: the
			// programme and acronym name the project.
			key = slug(r.v[fProgramme]) + "/" + r.v[fAcronym]
			r.v[fProject] = key
		}
		pr := projects[key]
		if pr == nil {
			pr = &project{key: key, from: r}
			projects[key] = pr
			order = append(order, key)
		}
		for f := range numProjectFields {
			if pr.v[f] == "" {
				pr.v[f] = r.v[f]
			}
		}
		for _, a := range r.attrs {
			if a.of == projectAttr {
				if pr.attrs == nil {
					pr.attrs = map[string]string{}
				}
				if _, ok := pr.attrs[a.key]; !ok {
					pr.attrs[a.key] = a.val
				}
			}
		}
		if !fromProjectTable {
			pr.n++
		}
	}
	for _, t := range im.projects {
		for i := range t.rows {
			add(&t.rows[i], true)
		}
	}
	for _, t := range im.parts {
		for i := range t.rows {
			add(&t.rows[i], false)
		}
	}
	return projects, order
}

// orgBuild is an organisation being built.
type orgBuild struct {
	a     actor.Actor
	order int
	typed bool // the kind is read
}

// builder turns participations into actors and links.
type builder struct {
	im       *importer
	p        *problems
	warns    warnings
	projects map[string]*project
	orgs     map[string]*orgBuild
	links    []network.Link
	comma    map[string]string // the columns where a decimal comma was read: the first such value
	renamed  map[string]string // countries read under another code
}

// participation adds the organisation and links of one row.
func (b *builder) participation(r *record, orgID string) {
	o := b.orgs[orgID]
	if o == nil {
		o = &orgBuild{a: actor.Actor{ID: orgID}, order: len(b.orgs)}
		b.orgs[orgID] = o
	}
	b.fillOrg(o, r)
	pr := b.projects[r.v[fProject]]
	pid := projectID(pr.key)
	b.read(pr)
	start, end, status := pr.start, pr.end, pr.status
	role := b.role(r)
	l := network.Link{From: orgID, To: pid, Kind: network.Partnership, Role: role, Start: start, End: end, Status: status}
	ended := false
	if v := r.v[fEnded]; v != "" {
		if t, err := parseBool(v); err != nil {
			b.p.add(r.place(fEnded, err))
		} else {
			ended = t
		}
	}
	if v := r.v[fActive]; v != "" {
		if t, err := parseBool(v); err != nil {
			b.p.add(r.place(fActive, err))
		} else if !t {
			ended = true
		}
	}
	attrs := map[string]string{}
	if ended {
		l.Status, l.End = network.Ended, network.Date{}
		if !end.IsZero() {
			attrs["projectEnd"] = end.String()
		}
		attrs["endOfParticipation"] = "true"
	}
	if v := r.v[fOrder]; v != "" {
		attrs["order"] = v
	}
	if raw := cmp.Or(r.rawRole, r.v[fRole]); role == "" && raw != "" {
		attrs["sourceRole"] = raw
	}
	for _, a := range r.attrs {
		switch a.of {
		case linkAttr:
			attrs[a.key] = a.val
		case orgAttr:
			if o.a.Attrs == nil {
				o.a.Attrs = map[string]string{}
			}
			if _, ok := o.a.Attrs[a.key]; !ok {
				o.a.Attrs[a.key] = a.val
			}
		}
	}
	if len(attrs) > 0 {
		l.Attrs = attrs
	}
	b.links = append(b.links, l)
	money := b.contribution(r, pr)
	if money > 0 {
		cur := strings.ToUpper(pr.v[fCurrency])
		if cur == "" {
			cur = "EUR"
		}
		f := network.Link{From: programmeID(pr.v[fProgramme]), To: orgID, Kind: network.Funding, Role: network.RoleBeneficiary,
			Money: &network.Money{Amount: money, Currency: cur}, Start: start, End: end, Status: l.Status,
			Attrs: map[string]string{"project": pid}}
		if ended {
			f.End = network.Date{}
		}
		b.links = append(b.links, f)
	}
}

// fillOrg fills what the organisation does not know yet from a row.
func (b *builder) fillOrg(o *orgBuild, r *record) {
	a := &o.a
	set := func(key, v string) {
		if v == "" {
			return
		}
		if a.Attrs == nil {
			a.Attrs = map[string]string{}
		}
		if _, ok := a.Attrs[key]; !ok {
			a.Attrs[key] = v
		}
	}
	if a.Name == "" {
		a.Name = r.v[fName]
	}
	if a.Country == "" && r.v[fCountry] != "" {
		if c, ok := country(r.v[fCountry]); ok {
			a.Country = c
			if c != r.v[fCountry] {
				b.renamed[r.v[fCountry]] = c
			}
		} else {
			b.warns.add(r.warning(fCountry, fmt.Sprintf("country %q is no ISO 3166-1 code or country name: kept as the attribute \"sourceCountry\"", r.v[fCountry])))
			set("sourceCountry", r.v[fCountry])
		}
	}
	if a.Region == "" {
		a.Region = strings.ToUpper(r.v[fNUTS])
	}
	if !o.typed && r.v[fType] != "" {
		o.typed = true
		if r.rawType != "" && r.rawType != r.v[fType] {
			set("sourceType", r.rawType)
		}
		if k, err := actor.ParseKind(r.v[fType]); err == nil {
			a.Kind = k
		} else if k, ok := guessKind(r.v[fType]); ok {
			a.Kind = k
			set("sourceType", r.v[fType])
		} else {
			b.warns.add(r.warning(fType, fmt.Sprintf("organisation type %q is unknown: the organisation is an organisation, with the type kept as the attribute \"sourceType\"", cmp.Or(r.rawType, r.v[fType]))))
			set("sourceType", cmp.Or(r.rawType, r.v[fType]))
		}
	}
	if r.v[fSME] != "" {
		if v, err := parseBool(r.v[fSME]); err != nil {
			b.p.add(r.place(fSME, err))
		} else if v {
			set("sme", "true")
		} else {
			set("sme", "false")
		}
	}
	set("shortName", r.v[fShortName])
	set("vat", r.v[fVAT])
	set("city", r.v[fCity])
	set("url", r.v[fURL])
	set("sourceID", r.v[fOrgID])
}

// role returns the role of a participation, or "" with a warning when the
// layout does not know it.
func (b *builder) role(r *record) string {
	v := r.v[fRole]
	if v == "" {
		return ""
	}
	if i := slices.IndexFunc(participationRoles, func(x string) bool { return strings.EqualFold(x, v) }); i >= 0 {
		return participationRoles[i]
	}
	b.warns.add(r.warning(fRole, fmt.Sprintf("role %q is unknown: the link has no role, and the source's kept as the attribute \"sourceRole\"", cmp.Or(r.rawRole, v))))
	return ""
}

// read reads a project's start, end and status (planned, active or
// ended, after the layout's value map) once.
func (b *builder) read(pr *project) {
	if pr.read {
		return
	}
	pr.read = true
	date := func(f field) network.Date {
		if pr.v[f] == "" {
			return network.Date{}
		}
		d, err := parseDate(pr.v[f])
		if err != nil {
			b.p.add(pr.from.place(f, err))
		}
		return d
	}
	pr.start, pr.end = date(fStart), date(fEnd)
	if !pr.start.IsZero() && !pr.end.IsZero() && pr.end.Last().Before(pr.start.First()) {
		b.p.add(pr.from.place(fEnd, fmt.Errorf("%w: the project ends (%s) before it starts (%s)", fileerr.ErrFormat, pr.end, pr.start)))
	}
	if v := pr.v[fStatus]; v != "" {
		s, err := network.ParseStatus(strings.ToLower(v))
		if err != nil {
			b.warns.add(Warning{File: pr.from.t.file, Line: pr.from.line, Column: pr.from.col[fStatus], Path: columnName(pr.from, fStatus),
				Message: fmt.Sprintf("project status %q is unknown: the status stays unknown and the dates decide", v)})
		}
		pr.status = s
	}
}

// contribution reads a participation's EU contribution: its own, else,
// for a project of one participant whose table has no contribution
// column, the project's.
func (b *builder) contribution(r *record, pr *project) float64 {
	v, f, from := r.v[fContribution], fContribution, r
	if v == "" && r.col[fContribution] == 0 && pr.n == 1 {
		v, f, from = pr.v[fEUContribution], fEUContribution, pr.from
	}
	if v == "" {
		return 0
	}
	x, _ := b.amount(from, f, v)
	return x
}

// amount reads an amount of field f of a row, noting a decimal comma.
func (b *builder) amount(r *record, f field, v string) (float64, bool) {
	x, comma, err := parseAmount(v)
	if err != nil {
		b.p.add(r.place(f, err))
		return 0, false
	}
	if k := r.t.file + ": " + columnName(r, f); comma && b.comma[k] == "" {
		b.comma[k] = v
	}
	return x, true
}

func columnName(r *record, f field) string {
	if c := r.col[f]; c > 0 {
		return r.t.header[c-1]
	}
	return f.String()
}

// projectID and programmeID are the IDs of project and programme actors.
func projectID(key string) string { return "project-" + idPart(key) }

func programmeID(name string) string {
	if name == "" {
		return "programme-unknown"
	}
	return "programme-" + slug(name)
}

func fundID(name string) string { return "fund-" + slug(name) }

// network builds the network of the participations added.
func (b *builder) network(order []string) (*network.Network, error) {
	var actors []actor.Actor
	links := make([]network.Link, 0, 2*len(order)+len(b.links))
	progs, funds := map[string]bool{}, map[string]bool{}
	var progOrder, fundOrder []string
	fundOf := map[[2]string]bool{}
	var projActors []actor.Actor
	for _, key := range order {
		pr := b.projects[key]
		if pr.n == 0 {
			continue // a project no participation names
		}
		a := actor.Actor{ID: projectID(key), Kind: actor.Project}
		a.Name = cmp.Or(pr.v[fAcronym], pr.v[fTitle], key)
		attrs := map[string]string{}
		for f, name := range map[field]string{fTitle: "title", fAcronym: "acronym", fProgramme: "programme", fCall: "call",
			fTopic: "topic", fScheme: "scheme", fFund: "fund", fCurrency: "currency"} {
			if v := pr.v[f]; v != "" {
				attrs[name] = v
			}
		}
		for f, name := range map[field]string{fTotalCost: "totalCost", fEUContribution: "euContribution"} {
			if v := pr.v[f]; v != "" {
				if x, ok := b.amount(pr.from, f, v); ok {
					attrs[name] = strconv.FormatFloat(x, 'f', -1, 64)
				}
			}
		}
		if v := pr.v[fStatus]; v != "" {
			attrs["status"] = v
		}
		b.read(pr)
		if !pr.start.IsZero() {
			attrs["start"] = pr.start.String()
		}
		if !pr.end.IsZero() {
			attrs["end"] = pr.end.String()
		}
		if key != a.ID {
			attrs["sourceID"] = key
		}
		for k, v := range pr.attrs {
			attrs[k] = v
		}
		if c, ok := country(pr.v[fProjectCountry]); ok {
			a.Country = c
		}
		a.Region = strings.ToUpper(pr.v[fProjectNUTS])
		a.Attrs = attrs
		projActors = append(projActors, a)
		prog := pr.v[fProgramme]
		if !progs[prog] {
			progs[prog] = true
			progOrder = append(progOrder, prog)
		}
		links = append(links, network.Link{From: programmeID(prog), To: a.ID, Kind: network.Governance, Start: pr.start, End: pr.end, Status: pr.status})
		if fund := pr.v[fFund]; fund != "" {
			if !funds[fund] {
				funds[fund] = true
				fundOrder = append(fundOrder, fund)
			}
			if k := [2]string{fund, prog}; !fundOf[k] {
				fundOf[k] = true
				links = append(links, network.Link{From: fundID(fund), To: programmeID(prog), Kind: network.Funding})
			}
		}
	}
	for _, f := range fundOrder {
		actors = append(actors, actor.Actor{ID: fundID(f), Name: f, Kind: actor.Fund})
	}
	for _, pg := range progOrder {
		name := pg
		if name == "" {
			name = "Programme not given"
		}
		actors = append(actors, actor.Actor{ID: programmeID(pg), Name: name, Kind: actor.Programme})
	}
	actors = append(actors, projActors...)
	orgs := slices.SortedFunc(maps.Values(b.orgs), func(x, y *orgBuild) int { return cmp.Compare(x.order, y.order) })
	for _, o := range orgs {
		actors = append(actors, o.a)
	}
	links = append(links, b.links...)
	b.links = nil
	if err := b.p.err(); err != nil {
		return nil, err
	}
	for _, pr := range b.projects {
		pr.from = nil // the rows of the tables, no longer needed for messages
	}
	n, err := network.Build(b.im.l.Title, actors, links)
	if err != nil {
		return nil, fmt.Errorf("eu: the imported data makes an invalid network: %w", err)
	}
	n.Attrs = map[string]string{"source": b.im.l.Title, "layout": b.im.l.Name}
	return n, nil
}
