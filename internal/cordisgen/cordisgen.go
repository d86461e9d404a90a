// Package cordisgen generates synthetic CORDIS project data: the
// organization.csv and project.csv of a CORDIS bulk download (see
// encoding/eu's "cordis" preset), in their exact layout, seeded and
// deterministic, for benchmarks, tests and examples at the size of a real
// framework programme. Nothing in it is real: organisations, projects and
// amounts are drawn from word lists and distributions.
//
// The distributions follow H2020 as CORDIS publishes it: about 35% of the
// projects have one beneficiary (MSCA fellowships, ERC grants, the SME
// instrument), the rest 2 and a lognormal tail capped at 60, about 5.1
// participations a project in all; organisations are reused with
// preferential attachment (Simon 1955; Barabási and Albert 1999), so that
// 180,000 participations come from about 40,000 organisations and a few
// take part in thousands of projects; the activity types share the
// participations as HES 31%, PRC 33%, REC 25%, PUB 5%, OTH 6%; 32
// countries are weighted by their H2020 shares, each with real NUTS 3
// codes.
//
//	st, err := cordisgen.WriteDir(dir, cordisgen.Options{Projects: 3500, Seed: 1})
//
// Generating takes O(P + N) time and O(N) memory for P participations
// and N organisations.
package cordisgen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DefaultProjects is the number of projects of the zero Options: about as
// many as H2020 funded.
const DefaultProjects = 35000

// Options configure a generation. The zero value generates
// DefaultProjects projects with seed 0.
type Options struct {
	// Projects is the number of projects; 0 means DefaultProjects.
	Projects int
	// Seed seeds the generator (a PCG): the same options give the same
	// bytes.
	Seed uint64
	// Region, when not empty, is a NUTS code prefix ("CZ05") of regions
	// the generator knows (CZ051 Liberec, CZ052 Hradec Králové, CZ053
	// Pardubice) whose organisations are over-represented: RegionShare of
	// the new organisations are placed there.
	Region string
	// RegionShare is the share of new organisations placed in Region; 0
	// means 0.03.
	RegionShare float64
}

// Stats count what a generation wrote.
type Stats struct {
	// Projects counts the rows of project.csv, Participations those of
	// organization.csv, Organisations the distinct organisation IDs.
	Projects, Participations, Organisations int
}

// OrgHeader and ProjectHeader are the headers of organization.csv and
// project.csv, as CORDIS writes them.
var (
	OrgHeader = []string{"projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName", "SME",
		"activityType", "street", "postCode", "city", "country", "nutsCode", "geolocation", "organizationURL",
		"contactForm", "contentUpdateDate", "rcn", "order", "role", "ecContribution", "netEcContribution", "totalCost",
		"endOfParticipation", "active"}
	ProjectHeader = []string{"id", "acronym", "status", "title", "startDate", "endDate", "totalCost",
		"ecMaxContribution", "topics", "ecSignatureDate", "frameworkProgramme", "masterCall", "subCall",
		"fundingScheme", "nature", "objective", "contentUpdateDate", "rcn", "grantDoi", "keywords", "Human-validated",
		"legalBasis"}
)

// Activity types and their shares of participations, and the chance that
// a participation of each type brings a new organisation (few
// universities take part many times, many companies once).
const numTypes = 5

var (
	typeCodes  = [numTypes]string{"HES", "PRC", "REC", "PUB", "OTH"}
	typeShares = [numTypes]float64{0.31, 0.33, 0.25, 0.05, 0.06}
	typeNew    = [numTypes]float64{0.045, 0.44, 0.09, 0.30, 0.45}
	typeVAT    = [numTypes]float64{0.60, 0.78, 0.60, 0.40, 0.55}
)

// prefReuse is the chance that a reused organisation is drawn by its
// number of participations rather than uniformly: it sets the tail.
const prefReuse = 0.8

// org is one generated organisation.
type org struct {
	id, vat, name, short, sme string
	typ                       int
	street, post, url, geo    string
	c                         *country
	p                         *place
	rcn                       int
}

// part is one participation of the project being generated.
type part struct {
	org       int32
	role      string
	ec, total int64 // cents
	ended     bool
}

type gen struct {
	r        *rand.Rand
	opt      Options
	orgs     []org
	urn      [numTypes][]int32 // one entry per participation: draws by popularity
	members  [numTypes][]int32 // one entry per organisation: uniform draws
	names    map[string]bool
	home     []homePlace // the places of opt.Region
	cum      []float64   // cumulative country weights
	idOff    uint64
	h2020ID  int
	horizon  int
	ref      time.Time // the day the data describes
	org, prj *csvWriter
	st       Stats
}

type homePlace struct {
	c *country
	p *place
}

// Write writes a synthetic CORDIS participation table (organization.csv)
// to org and project table (project.csv) to proj.
func Write(org, proj io.Writer, opt Options) (Stats, error) {
	if opt.Projects < 0 {
		return Stats{}, fmt.Errorf("cordisgen: %d projects", opt.Projects)
	}
	if opt.Projects == 0 {
		opt.Projects = DefaultProjects
	}
	if opt.RegionShare == 0 {
		opt.RegionShare = 0.03
	}
	if opt.RegionShare < 0 || opt.RegionShare > 1 {
		return Stats{}, fmt.Errorf("cordisgen: region share %g: want 0 to 1", opt.RegionShare)
	}
	g := &gen{
		r:       rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15)),
		opt:     opt,
		names:   map[string]bool{},
		h2020ID: 633000,
		horizon: 101040000,
		ref:     time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC),
		org:     newCSVWriter(org),
		prj:     newCSVWriter(proj),
	}
	if opt.Region != "" {
		pre := strings.ToUpper(strings.TrimSpace(opt.Region))
		for i := range countries {
			for j := range countries[i].places {
				if strings.HasPrefix(countries[i].places[j].nuts, pre) {
					g.home = append(g.home, homePlace{&countries[i], &countries[i].places[j]})
				}
			}
		}
		if len(g.home) == 0 {
			return Stats{}, fmt.Errorf("cordisgen: region %q: no NUTS code of the generator starts with it", opt.Region)
		}
	}
	total := 0.0
	for _, c := range countries {
		total += c.weight
		g.cum = append(g.cum, total)
	}
	g.idOff = g.r.Uint64()
	g.org.row(OrgHeader...)
	g.prj.row(ProjectHeader...)
	var parts []part
	for range opt.Projects {
		parts = g.project(parts[:0])
		if g.org.err != nil || g.prj.err != nil {
			break
		}
	}
	g.st.Organisations = len(g.orgs)
	return g.st, errors.Join(g.org.flush(), g.prj.flush())
}

// WriteDir writes organization.csv and project.csv into dir, creating it
// if needed.
func WriteDir(dir string, opt Options) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	of, err := os.Create(filepath.Join(dir, "organization.csv"))
	if err != nil {
		return Stats{}, err
	}
	defer of.Close()
	pf, err := os.Create(filepath.Join(dir, "project.csv"))
	if err != nil {
		return Stats{}, err
	}
	defer pf.Close()
	st, err := Write(of, pf, opt)
	if err != nil {
		return st, err
	}
	return st, errors.Join(of.Close(), pf.Close())
}

// size returns a project's number of participations: 1 with probability
// 0.35, else 2 and a lognormal tail (median e^1.35 ≈ 3.9), capped at 60.
func (g *gen) size() int {
	if g.r.Float64() < 0.35 {
		return 1
	}
	x := math.Exp(1.35 + 0.9*g.r.NormFloat64())
	return 2 + min(58, int(x))
}

func (g *gen) pickType() int {
	x := g.r.Float64()
	for t, s := range typeShares {
		if x -= s; x < 0 {
			return t
		}
	}
	return numTypes - 1
}

// pickOrg returns an organisation of type t that is not yet in cur.
func (g *gen) pickOrg(t int, cur []part) int32 {
	for range 8 {
		if len(g.members[t]) == 0 || g.r.Float64() < typeNew[t] {
			break
		}
		var i int32
		if g.r.Float64() < prefReuse {
			i = g.urn[t][g.r.IntN(len(g.urn[t]))]
		} else {
			i = g.members[t][g.r.IntN(len(g.members[t]))]
		}
		if !slices.ContainsFunc(cur, func(p part) bool { return p.org == i }) {
			return i
		}
	}
	return g.newOrg(t)
}

// project generates one project and writes its rows.
func (g *gen) project(parts []part) []part {
	r := g.r
	year := 2014 + r.IntN(11)
	day := 1
	if r.Float64() < 0.2 {
		day = 1 + r.IntN(28)
	}
	start := time.Date(year, time.Month(1+r.IntN(12)), day, 0, 0, 0, 0, time.UTC)
	fp, calls, id := "H2020", h2020Calls, 0
	if year >= 2021 {
		fp, calls = "HORIZON", horizonCalls
		g.horizon += 1 + r.IntN(3)
		id = g.horizon
	} else {
		g.h2020ID += 1 + r.IntN(3)
		id = g.h2020ID
	}
	n := g.size()
	for k := range n {
		t := g.pickType()
		o := g.pickOrg(t, parts)
		g.urn[t] = append(g.urn[t], o)
		role := "coordinator"
		if k > 0 {
			switch x := r.Float64(); {
			case x < 0.86:
				role = "participant"
			case x < 0.92:
				role = "thirdParty"
			case x < 0.96:
				role = "associatedPartner"
			default:
				role = "partner"
			}
		}
		parts = append(parts, part{org: o, role: role})
	}
	c := pickCall(r, calls, n == 1, typeCodes[g.orgs[parts[0].org].typ])
	callYear := year - r.IntN(2)
	if fp == "H2020" {
		callYear = max(2014, callYear)
	} else {
		callYear = max(2021, callYear)
	}
	master, sub, topic := c.names(r, callYear)
	scheme := c.schemes[r.IntN(len(c.schemes))]
	months := c.months[r.IntN(len(c.months))]
	end := start.AddDate(0, months, -1)
	status := "SIGNED"
	switch {
	case end.Before(g.ref) && r.Float64() < 0.94:
		status = "CLOSED"
	case end.Before(g.ref):
		status = "TERMINATED"
	case r.Float64() < 0.03:
		status = "TERMINATED"
	}
	// Amounts, in cents.
	var sumEC, sumTotal int64
	for i := range parts {
		p := &parts[i]
		median := c.ecMedian
		switch p.role {
		case "coordinator":
			if n > 1 {
				median *= 1.6
			}
		case "thirdParty":
			median *= 0.15
		case "associatedPartner", "partner":
			median = 0
		}
		if median > 0 {
			sigma := 0.6
			if n == 1 {
				sigma = 0.25
			}
			p.ec = cents(r, median*math.Exp(sigma*r.NormFloat64()))
			p.total = p.ec
			if typeCodes[g.orgs[p.org].typ] == "PRC" && strings.HasSuffix(scheme, "IA") {
				p.total = cents(r, float64(p.ec)/100/0.7)
			} else if r.Float64() < 0.4 {
				p.total = cents(r, float64(p.ec)/100*(1+0.3*r.Float64()))
			}
		}
		p.ended = r.Float64() < 0.01 || status == "TERMINATED" && r.Float64() < 0.2
		sumEC += p.ec
		sumTotal += p.total
	}
	g.st.Projects++
	pid := strconv.Itoa(id)
	acronym := g.acronym()
	updated := g.updated()
	sign := start.AddDate(0, 0, -15-r.IntN(135))
	g.prj.row(pid, acronym, status, g.title(), date(start), date(end), money(sumTotal, r.Float64() < 0.5),
		money(sumEC, r.Float64() < 0.5), topic, date(sign), fp, master, sub, scheme, "", g.objective(n), updated,
		strconv.Itoa(100000+g.st.Projects), "10.3030/"+pid, g.keywords(), "false", c.basis)
	for i, p := range parts {
		o := &g.orgs[p.org]
		ec := money(p.ec, false)
		g.org.row(pid, acronym, o.id, o.vat, o.name, o.short, o.sme, typeCodes[o.typ], o.street, o.post, o.p.city,
			o.c.code, o.p.nuts, o.geo, o.url, "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/contact-form/"+o.id,
			updated, strconv.Itoa(o.rcn), strconv.Itoa(i+1), p.role, ec, ec, money(p.total, r.Float64() < 0.3),
			strconv.FormatBool(p.ended), "")
		g.st.Participations++
	}
	return parts
}

// cents rounds an amount of euros to cents, or to whole euros in four
// cases out of ten.
func cents(r *rand.Rand, euros float64) int64 {
	if r.Float64() < 0.4 {
		return int64(math.Round(euros)) * 100
	}
	return int64(math.Round(euros * 100))
}

// money formats an amount of cents as CORDIS does: "528340.97", "500000",
// "1182143.5", or with a decimal comma, "960619,95".
func money(c int64, comma bool) string {
	s := strconv.FormatInt(c/100, 10)
	frac := c % 100
	if frac == 0 {
		return s
	}
	mark := "."
	if comma {
		mark = ","
	}
	if frac%10 == 0 {
		return s + mark + strconv.FormatInt(frac/10, 10)
	}
	return fmt.Sprintf("%s%s%02d", s, mark, frac)
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

// updated returns a contentUpdateDate.
func (g *gen) updated() string {
	t := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.r.IntN(60*24*3600)) * time.Second)
	return t.Format(time.DateTime)
}

// newOrg makes an organisation of type t.
func (g *gen) newOrg(t int) int32 {
	r := g.r
	idx := len(g.orgs)
	var c *country
	var p *place
	if len(g.home) > 0 && r.Float64() < g.opt.RegionShare {
		h := g.home[r.IntN(len(g.home))]
		c, p = h.c, h.p
	} else {
		x := r.Float64() * g.cum[len(g.cum)-1]
		i, _ := slices.BinarySearch(g.cum, x)
		c = &countries[min(i, len(countries)-1)]
		// The first place, the capital or largest centre, weighs double.
		j := r.IntN(len(c.places) + 1)
		p = &c.places[max(0, j-1)]
	}
	o := org{typ: t, c: c, p: p, rcn: 1_000_000 + r.IntN(9_000_000)}
	o.id = strconv.FormatUint(900_000_000+(uint64(idx)*48271+g.idOff)%100_000_000, 10)
	if r.Float64() < typeVAT[t] {
		mod := uint64(math.Pow10(c.digits))
		o.vat = fmt.Sprintf("%s%0*d%s", c.vat, c.digits, (uint64(idx)*7777777+g.idOff)%mod, c.vatEnd)
	}
	o.name, o.short = g.name(t, c, p)
	switch {
	case t == 1 && r.Float64() < 0.55:
		o.sme = "true"
	case r.Float64() < 0.06:
		o.sme = ""
	default:
		o.sme = "false"
	}
	o.street = fmt.Sprintf(c.street, c.people[r.IntN(len(c.people))], 1+r.IntN(120))
	o.post = postcode(r, c.post)
	o.geo = fmt.Sprintf("%.4f,%.4f", p.lat+0.06*(r.Float64()-0.5), p.lon+0.06*(r.Float64()-0.5))
	if r.Float64() < 0.7 {
		o.url = "https://www." + urlPart(o.short, o.name) + "." + c.tld
	}
	g.orgs = append(g.orgs, o)
	g.members[t] = append(g.members[t], int32(idx))
	return int32(idx)
}

func postcode(r *rand.Rand, pattern string) string {
	b := []byte(pattern)
	for i, c := range b {
		switch c {
		case '9':
			b[i] = byte('0' + r.IntN(10))
		case 'A':
			b[i] = byte('A' + r.IntN(26))
		}
	}
	return string(b)
}

func urlPart(short, name string) string {
	s := short
	if s == "" {
		s = name
	}
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "org"
	}
	return b.String()
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// name returns a new organisation's name and short name. Names are unique
// in each country without their legal form ("Novatek Solutions" is one
// company, GmbH or AG), so that the importer finds no near-duplicates but
// those of similar spelling.
func (g *gen) name(t int, c *country, p *place) (name, short string) {
	r := g.r
	stem, base, form := "", "", ""
	for try := 0; ; try++ {
		stem, form = pick(r, stemHeads)+pick(r, stemTails), ""
		switch typeCodes[t] {
		case "HES":
			if len(c.univ) > 0 && r.Float64() < 0.5 && try < 3 {
				base = fmt.Sprintf(pick(r, c.univ), p.city)
			} else {
				base = fmt.Sprintf(pick(r, hesPatterns), p.city, pick(r, fields), pick(r, scholars))
			}
		case "REC":
			base = fmt.Sprintf(pick(r, recPatterns), p.city, pick(r, fields), pick(r, scholars), stem)
		case "PUB":
			base = fmt.Sprintf(pick(r, pubPatterns), p.city, pick(r, areas))
		case "OTH":
			base = fmt.Sprintf(pick(r, othPatterns), p.city, pick(r, fields), pick(r, scholars), stem)
			if c.assoc != "" && r.Float64() < 0.3 {
				form = c.assoc
			}
		default: // PRC
			form = pick(r, c.forms)
			switch x := r.Float64(); {
			case x < 0.5:
				base = stem + " " + pick(r, sectors)
			case x < 0.75:
				base = pick(r, c.people) + " " + pick(r, sectors)
			default:
				base = stem
			}
		}
		switch {
		case try > 60:
			base += " " + strconv.Itoa(try)
		case try > 40:
			base += " " + p.city
		}
		if !g.names[c.code+"|"+base] {
			break
		}
	}
	g.names[c.code+"|"+base] = true
	name = base
	if form != "" {
		name += " " + form
	}
	if r.Float64() < 0.15 {
		return name, ""
	}
	if t == 1 && strings.HasPrefix(name, stem) {
		return name, strings.ToUpper(stem)
	}
	return name, initials(base)
}

// initials returns the capitals of a name's words, at most 8.
func initials(name string) string {
	var b []rune
	for _, w := range strings.Fields(name) {
		c := []rune(w)[0]
		if unicode.IsUpper(c) {
			b = append(b, c)
		}
	}
	if len(b) < 2 {
		rs := []rune(strings.ToUpper(name))
		return string(rs[:min(4, len(rs))])
	}
	return string(b[:min(8, len(b))])
}

func (g *gen) acronym() string {
	a := pick(g.r, acroHeads) + pick(g.r, acroTails)
	if g.r.Float64() < 0.2 {
		a += strconv.Itoa(2 + g.r.IntN(4))
	}
	return a
}

func (g *gen) title() string {
	return pick(g.r, titleAdjs) + " " + pick(g.r, titleNouns) + " for " + pick(g.r, titleGoals)
}

// objective returns a project's objective: 5 to 16 sentences.
func (g *gen) objective(n int) string {
	r := g.r
	var b strings.Builder
	for i := range 5 + r.IntN(12) {
		if i > 0 {
			b.WriteByte(' ')
		}
		s := pick(r, sentences)
		for {
			a, rest, ok := strings.Cut(s, "{")
			if !ok {
				break
			}
			b.WriteString(a)
			token, rest, _ := strings.Cut(rest, "}")
			switch token {
			case "noun":
				b.WriteString(pick(r, titleNouns))
			case "goal":
				b.WriteString(pick(r, titleGoals))
			case "kw":
				b.WriteString(pick(r, keywords))
			default:
				b.WriteString(strconv.Itoa(2 + r.IntN(max(n, 12))))
			}
			s = rest
		}
		b.WriteString(s)
	}
	return b.String()
}

func (g *gen) keywords() string {
	if g.r.Float64() < 0.4 {
		return ""
	}
	k := make([]string, 1+g.r.IntN(4))
	for i := range k {
		k[i] = pick(g.r, keywords)
	}
	return strings.Join(k, ", ")
}

// csvWriter writes rows with every field double-quoted and separated by
// ';', as CORDIS does; it keeps the first error.
type csvWriter struct {
	w   *bufio.Writer
	err error
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{w: bufio.NewWriterSize(w, 256<<10)} }

func (c *csvWriter) row(fields ...string) {
	if c.err != nil {
		return
	}
	for i, f := range fields {
		if i > 0 {
			c.w.WriteByte(';')
		}
		c.w.WriteByte('"')
		for {
			j := strings.IndexByte(f, '"')
			if j < 0 {
				break
			}
			c.w.WriteString(f[:j+1])
			c.w.WriteByte('"')
			f = f[j+1:]
		}
		c.w.WriteString(f)
		c.w.WriteByte('"')
	}
	c.err = c.w.WriteByte('\n')
}

func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}
