package schema

import "github.com/labournet/labournet/actor"

// KindStyle is how the diagrams draw an actor kind: a Graphviz shape name
// (box, hexagon, ellipse, circle, diamond or triangle) and a fill colour,
// #rrggbb.
type KindStyle struct {
	Shape, Fill string
}

// kindStyles is the palette of labournet's drawings: colour-blind-friendly
// hues (Okabe–Ito and Tol's muted scheme), grouped by role: public
// employment services blue, government green, business orange, education
// purple, civil society pink, money yellow, bodies grey. The diagrams of
// package render and the viz colours of GEXF both read it, so Gephi shows
// the colours of the SVG.
var kindStyles = map[actor.Kind]KindStyle{
	actor.LabourOffice:         {"box", "#0072B2"},
	actor.EmploymentAgency:     {"box", "#56B4E9"},
	actor.Municipality:         {"hexagon", "#009E73"},
	actor.RegionalAuthority:    {"hexagon", "#44AA99"},
	actor.NationalAuthority:    {"hexagon", "#117733"},
	actor.Employer:             {"ellipse", "#E69F00"},
	actor.EmployerAssociation:  {"ellipse", "#DDCC77"},
	actor.Chamber:              {"ellipse", "#D55E00"},
	actor.TradeUnion:           {"ellipse", "#CC6677"},
	actor.University:           {"ellipse", "#882255"},
	actor.School:               {"ellipse", "#AA4499"},
	actor.TrainingProvider:     {"ellipse", "#CC79A7"},
	actor.Library:              {"ellipse", "#88CCEE"},
	actor.NGO:                  {"ellipse", "#F0B6C8"},
	actor.SocialService:        {"ellipse", "#A6761D"},
	actor.TechnologyPark:       {"ellipse", "#999933"},
	actor.Consultancy:          {"ellipse", "#BBBBBB"},
	actor.Programme:            {"diamond", "#F0E442"},
	actor.Fund:                 {"diamond", "#FFD700"},
	actor.Project:              {"diamond", "#B8E186"},
	actor.Body:                 {"box", "#DDDDDD"},
	actor.Person:               {"circle", "#FFFFFF"},
	actor.TargetGroup:          {"triangle", "#FDDBC7"},
	actor.DevelopmentAgency:    {"hexagon", "#CAB2D6"},
	actor.ResearchOrganisation: {"ellipse", "#6A3D9A"},
	actor.PublicBody:           {"hexagon", "#8FBC8F"},
	actor.Organisation:         {"ellipse", "#E0E0E0"},
}

// Palette returns how actors of kind k are drawn: an unknown kind is drawn
// as an organisation.
func Palette(k actor.Kind) KindStyle {
	if s, ok := kindStyles[k]; ok {
		return s
	}
	return kindStyles[actor.Organisation]
}
