// Package generate builds synthetic labour-market networks: seeded,
// deterministic networks of employers, schools, public bodies, programmes
// and projects with the shape that partnership data shows, for use as a
// null model in research and as input to benchmarks and import tests.
//
// Network returns a generated network; Write streams the same network as
// labournet/1 JSON without building it, holding a few bytes per actor, so
// that networks of 10^6 actors and 5·10^6 links can be written in bounded
// memory. Both take Options, whose zero value is a network of 1,000 actors
// with seed 0; the same Options always give the same network, byte for byte.
//
//	n, err := generate.Network(generate.Options{Actors: 10_000, Seed: 7})
//	if err != nil { ... }
//	s := n.Snapshot()
//
// # The model
//
// The network is laid out over Countries countries, each with
// RegionsPerCountry regions coded like NUTS regions ("CZ001": the country
// code and three characters). Every country has a national authority and a
// national programme; every region a regional authority, a labour office,
// an employment pact and a skills committee. Two funds (ESF+ and ERDF) and
// two international programmes sit at EU level. A share of the actors
// (ProjectShare, 10%) are projects; the rest are organisations of twelve
// kinds in fixed proportions (see Shares), each placed in a region drawn by
// region size (regions differ in size, lognormally).
//
// Links come in this order:
//
//   - partnership: each project has a lead and partners (From the
//     organisation, To the project; role lead, partner or associated). The
//     consortium has 2 + a Lomax (Pareto II) tail of members, capped at 60,
//     with a mean of about 5, as in EU programme partnership data. Members
//     are drawn by popularity, a kind factor times a Pareto weight
//     (Zipf-like: a few organisations take part in many projects), from the
//     lead's region, its country or anywhere, with probabilities set by the
//     project's scope (regional, national or international, its Level), so
//     that regions form communities;
//   - funding: a programme pays each project (Money in EUR, lognormal with a
//     median of 300,000), and each fund pays its programmes the sum of their
//     projects' grants;
//   - governance: each national authority runs its national programme;
//   - membership: the regional authority chairs the region's pact, the labour
//     office chairs its committee, and 10 to 30 organisations of the region
//     are members of each;
//   - reporting: each labour office reports to its national authority;
//   - service and cooperation fill the rest up to LinksPerActor links per
//     actor: a fifth are services of a labour office to an organisation of
//     its region, the others cooperation between two organisations drawn by
//     popularity, 80% of them in the same region, 15% in the same country.
//
// Projects start between 2014 and 2026 and run 1 to 5 years; their links
// carry those dates and a status derived from them on the day AsOf (planned,
// active or ended). Cooperation links start in a year from 2010 to 2024 and
// some have ended.
//
// The proportions and distributions are illustrative defaults chosen to
// give the orders of magnitude seen in labour-market and EU programme data
// (Eurostat business demography: employers far outnumber every other kind of
// organisation; Erasmus+ and Interreg partner lists: universities and public
// bodies take part far more often than firms; consortia of a few partners
// with a long tail). They are not estimated from any one source.
//
// IDs are the kind's prefix and a number padded to six digits or more
// ("emp-000123", "prj-004200", "lab-CZ001"); actors are listed kind by kind,
// links in the order above.
package generate
