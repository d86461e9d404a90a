// Package actor models the actors of a labour market: municipalities, labour
// offices, employers, chambers, schools, universities, libraries, NGOs, funds,
// programmes, projects, committees and working groups.
//
// An Actor is plain data: an ID, a typed Kind and Level, where it is (country
// and region), and open vocabularies for the sectors it works in, the target
// groups it serves, the skills it names and the themes it deals with. Values the
// source did not give stay empty: nothing is invented. Actors are gathered into a
// network by package network, which links them and validates the whole.
//
//	a := actor.Actor{ID: "tul", Name: "Technical University of Liberec",
//		Kind: actor.University, Level: actor.Regional, Country: "CZ"}
//	if err := a.Validate(); err != nil { ... }
//
// Kind and Level parse from, and print as, kebab-case names ("labour-office",
// "regional"), which is also how they appear in JSON and CSV files.
package actor
