package generate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// Bounds and defaults of Options.
const (
	// MinActors and MaxActors bound Options.Actors.
	MinActors = 100
	MaxActors = 10_000_000
	// DefaultActors is the number of actors of the zero Options.
	DefaultActors = 1000
	// DefaultProjectShare is the share of actors that are projects: an
	// illustrative default that makes projects the hubs of a two-mode part
	// with about five partners each.
	DefaultProjectShare = 0.10
	// DefaultLinksPerActor is the number of links per actor (links over
	// actors, so a mean degree of twice that).
	DefaultLinksPerActor = 5
)

// ErrOptions is an Options value out of range. Network and Write return
// errors that wrap it and name the field.
var ErrOptions = errors.New("invalid options")

// defaultAsOf is the day statuses are derived for when Options.AsOf is zero.
// It is fixed, not today, so that output never depends on when it is made.
var defaultAsOf = network.Date{Year: 2025, Month: 1, Day: 1}

// Options sets the size and shape of a generated network. The zero value of
// every field means the documented default, so the zero Options is a network
// of 1,000 actors with seed 0.
type Options struct {
	// Actors is the number of actors, from MinActors to MaxActors;
	// 0 means DefaultActors.
	Actors int
	// Seed seeds the random source (math/rand/v2's PCG). 0 is a seed like
	// any other; the same Options give the same network, byte for byte.
	Seed uint64
	// Countries is the number of countries, at most len(Countries()); 0
	// means Actors/20,000, at least 1 and at most 27 (the EU member
	// states: a country per 20,000 actors keeps a region at a few thousand
	// organisations).
	Countries int
	// RegionsPerCountry is the number of regions of each country, at most
	// 999; 0 means Actors/(1,000·Countries), at least 2 and at most 9
	// (the EU has 242 NUTS 2 regions in 27 countries, about 9 each).
	RegionsPerCountry int
	// ProjectShare is the share of actors that are projects, in (0, 0.5];
	// 0 means DefaultProjectShare (10%).
	ProjectShare float64
	// LinksPerActor is the number of links over the number of actors, from
	// 1 to 50; 0 means DefaultLinksPerActor (5). When the structural links
	// (partnerships, funding, membership...) alone exceed it, as they may
	// for small networks, there are more.
	LinksPerActor float64
	// AsOf is the day the statuses of links are derived for (planned,
	// active, ended) and the network's AsOf; the zero Date means
	// 2025-01-01, fixed so that output never depends on the day it is
	// made. It must be a full date.
	AsOf network.Date
	// Name is the network's name; "" means "synthetic labour market (N
	// actors, seed S)".
	Name string
}

// Share is the proportion of one kind among the organisations of a
// generated network (the actors that are neither projects nor the
// structural actors: authorities, labour offices, programmes, funds and
// bodies).
type Share struct {
	Kind   actor.Kind  // the organisations' kind
	Share  float64     // of the organisations; the shares sum to 1
	Prefix string      // of the kind's IDs ("emp")
	Level  actor.Level // the organisations' level
	// Popularity is the kind's factor in the weight with which its
	// organisations are drawn as project partners and for cooperation.
	Popularity float64
}

// shares are the organisation kinds. Illustrative defaults: employers the
// clear majority, as in Eurostat business demography (enterprises outnumber
// all other organisations by orders of magnitude; here they are damped to
// those that appear in partnership data), then schools and municipalities,
// then the NGOs and training providers that carry labour-market projects;
// universities and research organisations are few but, as in Erasmus+ and
// Horizon partner lists, the most active.
var shares = []Share{
	{actor.Employer, 0.62, "emp", actor.Local, 1},
	{actor.School, 0.10, "sch", actor.Local, 3},
	{actor.Municipality, 0.08, "mun", actor.Local, 4},
	{actor.NGO, 0.07, "ngo", actor.Local, 5},
	{actor.TrainingProvider, 0.05, "trn", actor.Regional, 6},
	{actor.SocialService, 0.02, "soc", actor.Local, 3},
	{actor.University, 0.01, "uni", actor.Regional, 30},
	{actor.ResearchOrganisation, 0.01, "res", actor.Regional, 15},
	{actor.Chamber, 0.01, "chm", actor.Regional, 8},
	{actor.EmployerAssociation, 0.01, "ema", actor.Regional, 6},
	{actor.TradeUnion, 0.01, "tun", actor.Regional, 3},
	{actor.Consultancy, 0.01, "con", actor.Local, 4},
}

// The popularity factors of the structural actors that take part in
// projects and cooperation: illustrative, as public bodies lead many ESF+
// and Interreg projects.
const (
	popRegionalAuthority = 20
	popLabourOffice      = 15
)

// Shares returns the kinds of the organisations of a generated network and
// their proportions, in the order their actors are listed. The proportions
// are illustrative defaults (see the package comment), not estimates.
func Shares() []Share { return append([]Share(nil), shares...) }

// countries are the country codes in the order they are used: the EU
// member states, Czechia first (the home of the first labournet case),
// then the EEA, Switzerland and the candidate countries.
var countries = []string{
	"CZ", "SK", "PL", "DE", "AT", "HU", "SI", "HR", "BG", "RO",
	"IT", "FR", "ES", "PT", "BE", "NL", "LU", "DK", "SE", "FI",
	"EE", "LV", "LT", "IE", "GR", "CY", "MT",
	"NO", "IS", "LI", "CH", "RS", "ME", "MK", "AL", "BA", "XK",
	"MD", "UA", "TR",
}

// Countries returns the country codes a generated network uses, in order:
// Options.Countries takes the first ones. The first 27 are the EU member
// states.
func Countries() []string { return append([]string(nil), countries...) }

// resolve returns opt with its defaults filled in, or an error wrapping
// ErrOptions that names the field.
func (opt Options) resolve() (Options, error) {
	bad := func(field string, v any, want string) error {
		return fmt.Errorf("generate: Options.%s %v: %w: want %s", field, v, ErrOptions, want)
	}
	if opt.Actors == 0 {
		opt.Actors = DefaultActors
	}
	if opt.Actors < MinActors || opt.Actors > MaxActors {
		return opt, bad("Actors", opt.Actors, fmt.Sprintf("%d to %d", MinActors, MaxActors))
	}
	if opt.Countries == 0 {
		opt.Countries = min(max(opt.Actors/20_000, 1), 27)
	}
	if opt.Countries < 1 || opt.Countries > len(countries) {
		return opt, bad("Countries", opt.Countries, fmt.Sprintf("1 to %d", len(countries)))
	}
	if opt.RegionsPerCountry == 0 {
		opt.RegionsPerCountry = min(max(opt.Actors/(1000*opt.Countries), 2), 9)
	}
	if opt.RegionsPerCountry < 1 || opt.RegionsPerCountry > 999 {
		return opt, bad("RegionsPerCountry", opt.RegionsPerCountry, "1 to 999")
	}
	if opt.ProjectShare == 0 {
		opt.ProjectShare = DefaultProjectShare
	}
	if !(opt.ProjectShare > 0 && opt.ProjectShare <= 0.5) {
		return opt, bad("ProjectShare", opt.ProjectShare, "a share in (0, 0.5]")
	}
	if opt.LinksPerActor == 0 {
		opt.LinksPerActor = DefaultLinksPerActor
	}
	if !(opt.LinksPerActor >= 1 && opt.LinksPerActor <= 50) {
		return opt, bad("LinksPerActor", opt.LinksPerActor, "1 to 50")
	}
	if opt.AsOf.IsZero() {
		opt.AsOf = defaultAsOf
	}
	if !opt.AsOf.Valid() || opt.AsOf.Day == 0 {
		return opt, bad("AsOf", opt.AsOf, "a full date YYYY-MM-DD")
	}
	if opt.Name == "" {
		opt.Name = fmt.Sprintf("synthetic labour market (%d actors, seed %d)", opt.Actors, opt.Seed)
	}
	if err := actor.CheckText(opt.Name, false); err != nil {
		return opt, bad("Name", strconv.Quote(opt.Name), "one line of text: "+err.Error())
	}
	return opt, nil
}

// Network returns the network that opt describes. It returns an error
// wrapping ErrOptions when opt is out of range, or when Actors is too small
// to hold the structural actors of its countries and regions (each region
// needs about 8 actors, each country 2 more).
//
// It takes O(A log A + L log A) time for A actors and L links and holds the
// whole network: about 1.5 KiB per actor at the default 5 links per actor
// (measured: 148 MiB for 10^5 actors). For a file of a large network use
// Write.
func Network(opt Options) (*network.Network, error) {
	g, err := newGen(opt)
	if err != nil {
		return nil, err
	}
	as := make([]actor.Actor, 0, g.opt.Actors)
	ls := make([]network.Link, 0, int(float64(g.opt.Actors)*g.opt.LinksPerActor)+64)
	g.run(
		func(a actor.Actor) error { as = append(as, a); return nil },
		func(l network.Link) error { ls = append(ls, l); return nil },
	)
	n, err := network.Build(g.opt.Name, as, ls)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err) // a bug: every link is valid by construction
	}
	g.header(n)
	return n, nil
}

// Write writes the network that opt describes to w as labournet/1 JSON,
// byte for byte as encoding.WriteJSON writes the network Network returns,
// without building it: besides a buffer it holds about 30 bytes per actor,
// whatever the number of links. It returns an error wrapping ErrOptions
// when opt is out of range (see Network), or the first error of w.
//
// It takes O(A log A + L log A) time for A actors and L links; most of it
// is JSON encoding. Measured on a shared 2-core machine: 10^6 actors and
// 5·10^6 links, a 982 MB file, in about 35 s of CPU time with a peak
// resident set of 35 MiB. Reading a file of more than 750,000 actors and
// links, or 512 MiB, back needs limits above encoding.DefaultLimits.
func Write(w io.Writer, opt Options) error {
	g, err := newGen(opt)
	if err != nil {
		return err
	}
	var n network.Network
	g.header(&n)
	jw := newJSONWriter(w)
	jw.head(&n)
	err = g.run(jw.actor, jw.link)
	return jw.end(err)
}

// header sets the network's own fields: description, as-of day and
// attributes naming the options.
func (g *gen) header(n *network.Network) {
	n.Name = g.opt.Name
	n.Description = "Synthetic labour-market network made by labournet's package generate: " +
		"every actor, link, date and amount is invented."
	n.AsOf = g.opt.AsOf
	n.Attrs = map[string]string{
		"generator":         "github.com/labournet/labournet/generate",
		"seed":              strconv.FormatUint(g.opt.Seed, 10),
		"actors":            strconv.Itoa(g.opt.Actors),
		"countries":         strconv.Itoa(g.opt.Countries),
		"regionsPerCountry": strconv.Itoa(g.opt.RegionsPerCountry),
		"projectShare":      strconv.FormatFloat(g.opt.ProjectShare, 'g', -1, 64),
		"linksPerActor":     strconv.FormatFloat(g.opt.LinksPerActor, 'g', -1, 64),
	}
}

// jsonWriter streams a network in the layout of encoding.WriteJSON.
type jsonWriter struct {
	bw     *bufio.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	nAct   int
	nLink  int
	err    error
	inLink bool
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{bw: bufio.NewWriterSize(w, 256<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	jw.enc.SetIndent("    ", "  ")
	return jw
}

func (jw *jsonWriter) head(n *network.Network) {
	jw.bw.WriteString("{\n  \"format\": \"labournet/1\"")
	put := func(key string, v any) {
		var b bytes.Buffer
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		e.SetIndent("  ", "  ")
		if err := e.Encode(v); err != nil && jw.err == nil {
			jw.err = err
		}
		jw.bw.WriteString(",\n  \"" + key + "\": ")
		jw.bw.Write(bytes.TrimRight(b.Bytes(), "\n"))
	}
	put("name", n.Name)
	put("description", n.Description)
	put("asOf", n.AsOf)
	put("attrs", n.Attrs)
	jw.bw.WriteString(",\n  \"actors\": [")
}

func (jw *jsonWriter) put(first bool, v any) error {
	if jw.err != nil {
		return jw.err
	}
	if first {
		jw.bw.WriteString("\n    ")
	} else {
		jw.bw.WriteString(",\n    ")
	}
	jw.buf.Reset()
	if err := jw.enc.Encode(v); err != nil {
		jw.err = err
		return err
	}
	_, err := jw.bw.Write(bytes.TrimRight(jw.buf.Bytes(), "\n"))
	jw.err = err
	return err
}

func (jw *jsonWriter) actor(a actor.Actor) error {
	jw.nAct++
	return jw.put(jw.nAct == 1, a)
}

func (jw *jsonWriter) link(l network.Link) error {
	if !jw.inLink {
		jw.closeActors()
	}
	jw.nLink++
	return jw.put(jw.nLink == 1, l)
}

func (jw *jsonWriter) closeActors() {
	jw.inLink = true
	if jw.nAct > 0 {
		jw.bw.WriteString("\n  ")
	}
	jw.bw.WriteString("],\n  \"links\": [")
}

func (jw *jsonWriter) end(err error) error {
	if err == nil {
		err = jw.err
	}
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if !jw.inLink {
		jw.closeActors()
	}
	if jw.nLink > 0 {
		jw.bw.WriteString("\n  ")
	}
	jw.bw.WriteString("]\n}\n")
	if err := jw.bw.Flush(); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return nil
}
