package generate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// The distributions of the model; see the package comment. All are
// illustrative defaults.
const (
	// Consortium size: 2 + floor(Lomax(consAlpha, consScale)), at most
	// consMax; the mean is about 5.
	consAlpha = 1.8
	consScale = 3.0
	consMax   = 60
	// Popularity: a kind factor times a Pareto(popAlpha) weight, capped.
	popAlpha = 1.5
	popCap   = 1000
	// Region sizes: lognormal with this σ.
	regionSigma = 0.6
	// Project grants: lognormal, median grantMedian EUR, σ grantSigma,
	// scaled by √(size/5), rounded to 100 EUR.
	grantMedian = 300_000
	grantSigma  = 1.0
	// Share of the filling links that are services of a labour office.
	serviceShare = 0.2
	// Share of the non-lead partners that are associated partners.
	associatedShare = 0.1
)

// scope is a project's territorial scope: where its partners come from.
type scope uint8

const (
	scopeRegional scope = iota
	scopeNational
	scopeInternational
)

// scopes gives, for each scope, its share of projects, the probability that
// a partner is drawn from the lead's region and from the rest of its
// country (the remainder: anywhere), and the project's level.
var scopes = [...]struct {
	share, region, country float64
	level                  actor.Level
}{
	scopeRegional:      {0.60, 0.85, 0.12, actor.Regional},
	scopeNational:      {0.25, 0.35, 0.55, actor.National},
	scopeInternational: {0.15, 0.25, 0.15, actor.International},
}

// gen is one generation: the options, the layout of actors, and the
// participants (organisations, regional authorities and labour offices)
// sorted by region with their cumulative popularity.
type gen struct {
	opt    Options
	rng    *rand.Rand // the main stream: layout, then the filling links
	pcg    *rand.PCG  // reseeded for each project
	pr     *rand.Rand // over pcg
	nC, nR int        // countries, regions
	nOrg   int
	nProj  int
	width  int      // digits of numbered IDs: 6, or more for a kind of 10^6 actors or more
	kind0  []int    // kind0[k] is the first organisation of shares[k]; len(shares)+1
	reg    []string // region codes
	// Participants: 0..nOrg-1 the organisations, then the nR regional
	// authorities, then the nR labour offices.
	pRegion  []int32
	order    []int32   // participants by region
	cum      []float64 // cumulative popularity along order
	regStart []int32   // order[regStart[r]:regStart[r+1]] are region r's
	progSum  []float64 // grants paid by each programme
}

// Programmes: the nC national ones, then two international ones.
const nIntlProg = 2

var intlProg = [nIntlProg]struct{ id, name string }{
	{"prg-EU-1", "Transnational cooperation programme 1 (Interreg-like)"},
	{"prg-EU-2", "Transnational mobility programme 2 (Erasmus+-like)"},
}

var funds = [2]struct{ id, name string }{
	{"fund-esf", "European Social Fund Plus (ESF+)"},
	{"fund-erdf", "European Regional Development Fund (ERDF)"},
}

var (
	cadPact      = network.MustParseCadence("every 2 months")
	cadCommittee = network.MustParseCadence("quarterly")
	cadReport    = network.MustParseCadence("once a year")
)

func newGen(opt Options) (*gen, error) {
	opt, err := opt.resolve()
	if err != nil {
		return nil, err
	}
	g := &gen{opt: opt, nC: opt.Countries, nR: opt.Countries * opt.RegionsPerCountry}
	g.rng = rand.New(rand.NewPCG(opt.Seed, 0x4c61626f75724e74)) // "LabourNt"
	g.pcg = rand.NewPCG(0, 0)
	g.pr = rand.New(g.pcg)
	g.nProj = max(1, int(math.Round(opt.ProjectShare*float64(opt.Actors))))
	fixed := g.numFixed()
	g.nOrg = opt.Actors - fixed - g.nProj
	if need := fixed + g.nProj + max(20, 4*g.nR); opt.Actors < need {
		return nil, fmt.Errorf("generate: Options.Actors %d: %w: %d countries of %d regions need at least %d actors",
			opt.Actors, ErrOptions, g.nC, opt.RegionsPerCountry, need)
	}
	g.layout()
	most := g.nProj
	for k := range shares {
		most = max(most, g.kind0[k+1]-g.kind0[k])
	}
	g.width = max(6, len(strconv.Itoa(most)))
	return g, nil
}

// numFixed is the number of structural actors: per country a national
// authority and a programme, per region a regional authority, a labour
// office and two bodies, and the funds and international programmes.
func (g *gen) numFixed() int { return 2*g.nC + 4*g.nR + len(funds) + nIntlProg }

// layout counts the organisations of each kind, draws region sizes, each
// organisation's region and each participant's popularity, and sorts the
// participants by region.
func (g *gen) layout() {
	// Kind counts by largest remainder, so that they sum to nOrg exactly.
	counts := make([]int, len(shares))
	rem := make([]float64, len(shares))
	left := g.nOrg
	for k, s := range shares {
		x := s.Share * float64(g.nOrg)
		counts[k] = int(x)
		rem[k] = x - float64(counts[k])
		left -= counts[k]
	}
	idx := make([]int, len(shares))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(i, j int) bool { return rem[idx[i]] > rem[idx[j]] })
	for i := 0; i < left; i++ {
		counts[idx[i%len(idx)]]++
	}
	g.kind0 = make([]int, len(shares)+1)
	for k, c := range counts {
		g.kind0[k+1] = g.kind0[k] + c
	}

	g.reg = make([]string, g.nR)
	for r := range g.reg {
		g.reg[r] = fmt.Sprintf("%s%03d", countries[r/g.opt.RegionsPerCountry], r%g.opt.RegionsPerCountry+1)
	}
	regCum := make([]float64, g.nR)
	sum := 0.0
	for r := range regCum {
		sum += math.Exp(regionSigma * g.rng.NormFloat64())
		regCum[r] = sum
	}

	nP := g.nOrg + 2*g.nR
	g.pRegion = make([]int32, nP)
	pop := make([]float32, nP)
	k := 0
	for o := 0; o < g.nOrg; o++ {
		for o >= g.kind0[k+1] {
			k++
		}
		x := g.rng.Float64() * sum
		g.pRegion[o] = int32(min(sort.SearchFloat64s(regCum, x), g.nR-1))
		pop[o] = float32(shares[k].Popularity * g.pareto())
	}
	for r := 0; r < g.nR; r++ {
		g.pRegion[g.nOrg+r] = int32(r)
		pop[g.nOrg+r] = float32(popRegionalAuthority * g.pareto())
		g.pRegion[g.nOrg+g.nR+r] = int32(r)
		pop[g.nOrg+g.nR+r] = float32(popLabourOffice * g.pareto())
	}
	// Counting sort by region.
	g.regStart = make([]int32, g.nR+1)
	for _, r := range g.pRegion {
		g.regStart[r+1]++
	}
	for r := 0; r < g.nR; r++ {
		g.regStart[r+1] += g.regStart[r]
	}
	next := append([]int32(nil), g.regStart[:g.nR]...)
	g.order = make([]int32, nP)
	for p, r := range g.pRegion {
		g.order[next[r]] = int32(p)
		next[r]++
	}
	g.cum = make([]float64, nP)
	sum = 0
	for i, p := range g.order {
		sum += float64(pop[p])
		g.cum[i] = sum
	}
	g.progSum = make([]float64, g.nC+nIntlProg)
}

// pareto returns a Pareto(popAlpha) weight of at least 1, at most popCap.
func (g *gen) pareto() float64 {
	return min(math.Pow(1-g.rng.Float64(), -1/popAlpha), popCap)
}

// sample draws a participant of order[lo:hi] by popularity; -1 when the
// range is empty.
func (g *gen) sample(r *rand.Rand, lo, hi int) int32 {
	if lo >= hi {
		return -1
	}
	base := 0.0
	if lo > 0 {
		base = g.cum[lo-1]
	}
	x := base + r.Float64()*(g.cum[hi-1]-base)
	i := lo + sort.Search(hi-lo, func(k int) bool { return g.cum[lo+k] > x })
	return g.order[min(i, hi-1)]
}

// regionRange and countryRange are the ranges of order holding region r's
// and its country's participants.
func (g *gen) regionRange(r int32) (int, int) {
	return int(g.regStart[r]), int(g.regStart[r+1])
}

func (g *gen) countryRange(r int32) (int, int) {
	c := int(r) / g.opt.RegionsPerCountry
	return int(g.regStart[c*g.opt.RegionsPerCountry]), int(g.regStart[(c+1)*g.opt.RegionsPerCountry])
}

// sampleNear draws a participant from region r with probability pr, from
// its country with probability pc, else from anywhere; an empty range
// falls back to the next wider one.
func (g *gen) sampleNear(rng *rand.Rand, r int32, pr, pc float64) int32 {
	u := rng.Float64()
	if u < pr {
		if lo, hi := g.regionRange(r); lo < hi {
			return g.sample(rng, lo, hi)
		}
	}
	if u < pr+pc {
		if lo, hi := g.countryRange(r); lo < hi {
			return g.sample(rng, lo, hi)
		}
	}
	return g.sample(rng, 0, len(g.order))
}

// num returns n padded with zeros to g.width digits.
func (g *gen) num(n int) string {
	s := strconv.Itoa(n)
	if len(s) >= g.width {
		return s
	}
	return "000000000000"[:g.width-len(s)] + s
}

// orgKind returns the index in shares of organisation o's kind.
func (g *gen) orgKind(o int) int {
	k := 0
	for o >= g.kind0[k+1] {
		k++
	}
	return k
}

// pid returns the ID of participant p.
func (g *gen) pid(p int32) string {
	switch {
	case int(p) < g.nOrg:
		k := g.orgKind(int(p))
		return shares[k].Prefix + "-" + g.num(int(p)-g.kind0[k]+1)
	case int(p) < g.nOrg+g.nR:
		return "reg-" + g.reg[int(p)-g.nOrg]
	default:
		return "lab-" + g.reg[int(p)-g.nOrg-g.nR]
	}
}

func (g *gen) country(r int32) string { return countries[int(r)/g.opt.RegionsPerCountry] }

func (g *gen) progID(i int) string {
	if i < g.nC {
		return "prg-" + countries[i]
	}
	return intlProg[i-g.nC].id
}

// project is what both passes know of a project: drawn first from its own
// stream, so that the actor and its links agree without storing it.
type project struct {
	scope      scope
	lead       int32
	start, end network.Date
	status     network.Status
}

// project reseeds the project stream for project i and draws its head.
func (g *gen) project(i int) project {
	g.pcg.Seed(g.opt.Seed, 0x50726f6a65637400^uint64(i)) // "Project\0"
	r := g.pr
	var p project
	u := r.Float64()
	switch {
	case u < scopes[scopeRegional].share:
		p.scope = scopeRegional
	case u < scopes[scopeRegional].share+scopes[scopeNational].share:
		p.scope = scopeNational
	default:
		p.scope = scopeInternational
	}
	p.lead = g.sample(r, 0, len(g.order))
	m := r.IntN(13 * 12) // 2014-01 .. 2026-12
	months := 12 + r.IntN(49)
	p.start = network.Date{Year: 2014 + m/12, Month: m%12 + 1, Day: 1}
	e := m + months - 1
	p.end = network.Date{Year: 2014 + e/12, Month: e%12 + 1}.Last()
	p.status = g.status(p.start, p.end)
	return p
}

// status derives a link's status from its dates on the day AsOf.
func (g *gen) status(start, end network.Date) network.Status {
	switch {
	case g.opt.AsOf.Compare(start.First()) < 0:
		return network.Planned
	case !end.IsZero() && end.Last().Compare(g.opt.AsOf) < 0:
		return network.Ended
	}
	return network.Active
}

// run emits the actors, then the links; it stops at the first error of an
// emitter.
func (g *gen) run(emitActor func(actor.Actor) error, emitLink func(network.Link) error) error {
	if err := g.actors(emitActor); err != nil {
		return err
	}
	return g.links(emitLink)
}

func (g *gen) actors(emit func(actor.Actor) error) error {
	var err error
	put := func(a actor.Actor) {
		if err == nil {
			err = emit(a)
		}
	}
	rpc := g.opt.RegionsPerCountry
	for c := 0; c < g.nC; c++ {
		put(actor.Actor{ID: "nat-" + countries[c], Name: "National authority " + countries[c],
			Kind: actor.NationalAuthority, Level: actor.National, Country: countries[c], Region: g.reg[c*rpc]})
	}
	for r := range g.nR {
		put(actor.Actor{ID: "reg-" + g.reg[r], Name: "Regional authority " + g.reg[r],
			Kind: actor.RegionalAuthority, Level: actor.Regional, Country: g.country(int32(r)), Region: g.reg[r]})
	}
	for r := range g.nR {
		put(actor.Actor{ID: "lab-" + g.reg[r], Name: "Labour office " + g.reg[r],
			Kind: actor.LabourOffice, Level: actor.Regional, Country: g.country(int32(r)), Region: g.reg[r]})
	}
	for _, f := range funds {
		put(actor.Actor{ID: f.id, Name: f.name, Kind: actor.Fund, Level: actor.International, Country: "EU"})
	}
	for c := 0; c < g.nC; c++ {
		put(actor.Actor{ID: g.progID(c), Name: "National employment programme " + countries[c],
			Kind: actor.Programme, Level: actor.National, Country: countries[c], Region: g.reg[c*rpc]})
	}
	for _, p := range intlProg {
		put(actor.Actor{ID: p.id, Name: p.name, Kind: actor.Programme, Level: actor.International, Country: "EU"})
	}
	for r := range g.nR {
		put(actor.Actor{ID: "pact-" + g.reg[r], Name: "Employment pact " + g.reg[r], Kind: actor.Body,
			Level: actor.Regional, Country: g.country(int32(r)), Region: g.reg[r], Themes: []string{"employment"}})
		put(actor.Actor{ID: "cttee-" + g.reg[r], Name: "Regional skills committee " + g.reg[r], Kind: actor.Body,
			Level: actor.Regional, Country: g.country(int32(r)), Region: g.reg[r], Themes: []string{"education", "skills"}})
	}
	for i := 0; i < g.nProj && err == nil; i++ {
		p := g.project(i)
		r := g.pRegion[p.lead]
		put(actor.Actor{ID: "prj-" + g.num(i+1), Kind: actor.Project, Level: scopes[p.scope].level,
			Country: g.country(r), Region: g.reg[r]})
	}
	for o := 0; o < g.nOrg && err == nil; o++ {
		k := g.orgKind(o)
		r := g.pRegion[o]
		put(actor.Actor{ID: g.pid(int32(o)), Kind: shares[k].Kind, Level: shares[k].Level,
			Country: g.country(r), Region: g.reg[r]})
	}
	return err
}

func (g *gen) links(emit func(network.Link) error) error {
	var err error
	count := 0
	put := func(l network.Link) {
		if err == nil {
			err = emit(l)
			count++
		}
	}
	rpc := g.opt.RegionsPerCountry

	// Projects: partnerships and the grant of a programme.
	members := make([]int32, 0, consMax)
	for i := 0; i < g.nProj && err == nil; i++ {
		p := g.project(i)
		r := g.pr
		prj := "prj-" + g.num(i+1)
		home := g.pRegion[p.lead]
		size := 2 + int(min(consScale*(math.Pow(1-r.Float64(), -1/consAlpha)-1), consMax-2))
		members = append(members[:0], p.lead)
		sc := scopes[p.scope]
		for len(members) < size {
			var m int32 = -1
			for try := 0; try < 20 && m < 0; try++ {
				m = g.sampleNear(r, home, sc.region, sc.country)
				for _, x := range members {
					if x == m {
						m = -1
						break
					}
				}
			}
			if m < 0 {
				break // the pool is too small for this consortium
			}
			members = append(members, m)
		}
		for j, m := range members {
			role := network.RolePartner
			if j == 0 {
				role = network.RoleLead
			} else if r.Float64() < associatedShare {
				role = network.RoleAssociated
			}
			put(network.Link{From: g.pid(m), To: prj, Kind: network.Partnership, Role: role,
				Start: p.start, End: p.end, Status: p.status})
		}
		prog := int(home) / rpc
		if p.scope == scopeInternational {
			prog = g.nC + r.IntN(nIntlProg)
		}
		amount := grantMedian * math.Exp(grantSigma*r.NormFloat64()) * math.Sqrt(float64(len(members))/5)
		amount = max(5000, math.Round(amount/100)*100)
		g.progSum[prog] += amount
		put(network.Link{From: g.progID(prog), To: prj, Kind: network.Funding, Role: network.RoleBeneficiary,
			Money: &network.Money{Amount: amount, Currency: "EUR"}, Start: p.start, End: p.end, Status: p.status})
	}

	// Funds pay programmes; national authorities run theirs.
	period := [2]network.Date{{Year: 2014}, {Year: 2027}}
	for i := range g.progSum {
		f := funds[0].id
		if i >= g.nC {
			f = funds[1].id
		}
		if g.progSum[i] > 0 {
			put(network.Link{From: f, To: g.progID(i), Kind: network.Funding,
				Money: &network.Money{Amount: g.progSum[i], Currency: "EUR"},
				Start: period[0], End: period[1], Status: g.status(period[0], period[1])})
		}
	}
	for c := 0; c < g.nC; c++ {
		put(network.Link{From: "nat-" + countries[c], To: g.progID(c), Kind: network.Governance,
			Role: network.RoleOperator, Start: period[0], Status: network.Active})
	}

	// Bodies: a pact chaired by the regional authority, a committee by the
	// labour office, with members of the region.
	for r := int32(0); int(r) < g.nR && err == nil; r++ {
		regAuth, lab := int32(g.nOrg)+r, int32(g.nOrg+g.nR)+r
		for b, body := range [2]struct {
			id    string
			chair int32
			cad   network.Cadence
		}{{"pact-" + g.reg[r], regAuth, cadPact}, {"cttee-" + g.reg[r], lab, cadCommittee}} {
			start := network.Date{Year: 2010 + g.rng.IntN(11)}
			members = append(members[:0], body.chair)
			if b == 0 {
				members = append(members, lab)
			}
			size := len(members) + 10 + g.rng.IntN(21)
			lo, hi := g.regionRange(r)
			for try := 0; len(members) < size && try < 4*size; try++ {
				m := g.sample(g.rng, lo, hi)
				dup := false
				for _, x := range members {
					dup = dup || x == m
				}
				if !dup {
					members = append(members, m)
				}
			}
			for j, m := range members {
				role := network.RoleMember
				if j == 0 {
					role = network.RoleChair
				}
				put(network.Link{From: g.pid(m), To: body.id, Kind: network.Membership, Role: role,
					Cadence: body.cad, Start: start, Status: network.Active})
			}
		}
		put(network.Link{From: "lab-" + g.reg[r], To: "nat-" + countries[int(r)/rpc], Kind: network.Reporting,
			Cadence: cadReport, Status: network.Active})
	}

	// Services and cooperation up to LinksPerActor links per actor.
	total := int(math.Round(g.opt.LinksPerActor * float64(g.opt.Actors)))
	nP := int32(len(g.order))
	for count < total && err == nil {
		if g.rng.Float64() < serviceShare {
			client := g.rng.Int32N(nP)
			r := g.pRegion[client]
			lab := int32(g.nOrg+g.nR) + r
			if client == lab {
				continue
			}
			start := network.Date{Year: 2015 + g.rng.IntN(10)}
			put(network.Link{From: g.pid(lab), To: g.pid(client), Kind: network.Service, Start: start,
				Status: g.status(start, network.Date{})})
			continue
		}
		a := g.sample(g.rng, 0, len(g.order))
		b := g.sampleNear(g.rng, g.pRegion[a], 0.80, 0.15)
		if a == b {
			continue
		}
		l := network.Link{From: g.pid(a), To: g.pid(b), Kind: network.Cooperation,
			Weight: float64(1 + min(int(-math.Log2(1-g.rng.Float64())), 4))}
		l.Start = network.Date{Year: 2010 + g.rng.IntN(15)}
		if g.rng.Float64() < 0.15 {
			if y := min(l.Start.Year+1+g.rng.IntN(4), g.opt.AsOf.Year-1); y >= l.Start.Year {
				l.End = network.Date{Year: y}
			}
		}
		l.Status = g.status(l.Start, l.End)
		put(l)
	}
	return err
}
