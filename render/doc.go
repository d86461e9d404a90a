// Package render draws link diagrams of a labour-market network: Graphviz
// DOT, Mermaid flowcharts (which code-hosting sites show inside Markdown),
// a self-contained SVG drawn in pure Go, so that a user without Graphviz
// still gets a picture, and an interactive HTML map: one offline page to
// pan, zoom, search, filter by kind and by day, and read each actor's
// details and measures.
//
// All of them share one visual language: node shape and colour by actor
// kind (see Style), edge style by link kind (funding labelled with its
// amount, planned links dashed, ended links dotted grey, directed kinds
// with arrows), aggregates labelled with their count, and optional
// highlighting of analysis results (central actors larger, articulation
// points with a red border, bridges bold red). Output is deterministic: the
// same network and options give the same bytes.
//
//	err := render.SVG(w, n, render.Options{Seed: 1, Title: n.Name})
//	err = render.HTML(page, n, render.Options{Seed: 1})
package render
