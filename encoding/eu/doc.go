// Package eu imports the public participation data of EU programmes
// (CORDIS for Horizon Europe, H2020 and FP7; Kohesio for the cohesion
// funds, ESF+ among them; Erasmus+; Interreg through a mapping file) into a
// two-mode network of organisations and projects, with the programmes and
// funds that pay for them.
//
// A Layout says how a publisher lays out its tables; Preset returns the
// built-in ones and FromMapping makes one from a mapping file (package
// encoding/mapping, with "participations" and "projects" tables). Import
// reads the tables, merges the participations of one organisation across
// projects (by the source's organisation ID, else VAT number, else
// normalised name and country), lists the near-duplicates it did not
// merge, and builds the network:
//
//	l, _ := eu.Preset("cordis")
//	res, err := eu.Import(ctx, l, []string{"cordis-h2020projects-csv"}, eu.Options{
//		Filter: eu.Filter{NUTS: []string{"CZ05"}},
//	})
//
// Select filters an imported network after the fact, and with an area
// (Countries, NUTS) it is the region view an analyst wants: the region's
// organisations, their projects and their partners elsewhere, marked
// "outside". The network's Project method projects it onto organisations
// for the analyses of package analysis.
//
// The layouts, their sources and a worked mapping file for the Interreg
// lists of operations are in docs/IMPORT.md.
package eu
