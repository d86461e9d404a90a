package eu

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/labournet/labournet/encoding/mapping"
)

// Layout is how one publisher lays out its participation data: the
// mapping of its columns and values to the importer's fields, and the
// names its files have in a downloaded folder.
type Layout struct {
	// Name is the layout's short name, as the command line takes it
	// ("cordis").
	Name string
	// Title says what the layout is ("CORDIS project data (Horizon
	// Europe, H2020, FP7)").
	Title string
	// Doc says where the layout is documented or seen.
	Doc string
	// Files are the names of the layout's files in a folder: the
	// participation table first, then the project table ("" when the
	// layout has none). A folder given to Import is read through them.
	Files []string
	// Mapping maps the columns and values of the layout's tables (its
	// Participations and Projects tables). Columns whose names hold "{n}"
	// ("Partner {n} name") repeat: see Import.
	Mapping *mapping.Mapping
}

//go:embed presets/*.json
var presetFiles embed.FS

// presetInfo are the presets: their names, titles, sources and files.
var presetInfo = []Layout{
	{
		Name:  "cordis",
		Title: "CORDIS project data (Horizon Europe, H2020, FP7): organization.csv and project.csv",
		Doc: "https://data.europa.eu/data/datasets/cordis-eu-research-projects-under-horizon-europe-2021-2027 " +
			"(the bulk files https://cordis.europa.eu/data/cordis-HORIZONprojects-csv.zip, -h2020projects-, -fp7projects-); " +
			"the header and values as in the files of October 2026",
		Files: []string{"organization.csv", "project.csv"},
	},
	{
		Name:  "kohesio",
		Title: "Kohesio project exports (ERDF, ESF+, Cohesion Fund, JTF operations with their beneficiaries), one CSV per country and period",
		Doc:   "https://kohesio.ec.europa.eu/en/data (files such as IE-pp21-27-20260924.csv)",
	},
	{
		Name:  "erasmus",
		Title: "Erasmus+ project lists and Project Results Platform exports: one row per project, the coordinator and Partner 1…N",
		Doc: "https://erasmus-plus.ec.europa.eu/projects/projects-lists and the export of " +
			"https://erasmus-plus.ec.europa.eu/projects (columns as in the European Commission's ec-europa/eubfr-data-lake, " +
			"services/ingestion/etl/valor/xls)",
	},
}

// Presets returns the names of the built-in layouts, sorted.
func Presets() []string {
	out := make([]string, len(presetInfo))
	for i, p := range presetInfo {
		out[i] = p.Name
	}
	slices.Sort(out)
	return out
}

// Preset returns the built-in layout called name (see Presets).
func Preset(name string) (*Layout, error) {
	for _, p := range presetInfo {
		if p.Name == strings.ToLower(strings.TrimSpace(name)) {
			m, err := mapping.Parse(bytes.NewReader(PresetMapping(p.Name)), "preset "+p.Name)
			if err != nil {
				return nil, err // a test reads every preset
			}
			l := p
			l.Mapping = m
			return &l, nil
		}
	}
	return nil, fmt.Errorf("eu: no preset %q (presets: %s)", name, strings.Join(Presets(), ", "))
}

// PresetMapping returns the mapping file of the built-in layout called
// name, or nil: a starting point for a mapping file of one's own.
func PresetMapping(name string) []byte {
	b, err := presetFiles.ReadFile("presets/" + name + ".json")
	if err != nil {
		return nil
	}
	return b
}

// FromMapping returns the layout of a mapping file that holds a
// "participations" table and, optionally, a "projects" table.
func FromMapping(m *mapping.Mapping) (*Layout, error) {
	if m == nil || m.Participations == nil {
		file := ""
		if m != nil {
			file = m.File + ": "
		}
		return nil, fmt.Errorf("eu: %sthe mapping has no \"participations\" table, so it maps no participation data", file)
	}
	return &Layout{Name: "mapping", Title: "the layout of " + m.File, Doc: m.File, Mapping: m}, nil
}

// sources returns the source columns a layout maps to a field of a table.
func (l *Layout) sources(kind tableKind, f field) []string {
	t := l.Mapping.Participations
	if kind == projectTable {
		t = l.Mapping.Projects
	}
	var out []string
	if t != nil {
		for src, to := range t.Columns {
			if got, ok := t.Target(to); ok && got == f.String() || to == f.String() {
				out = append(out, src)
			}
		}
	}
	slices.Sort(out)
	return out
}

// expect says which columns a table needs for fields, in a message: the
// layout's names for them, or the fields' own.
func (l *Layout) expect(kind tableKind, fs ...field) string {
	var parts []string
	for _, f := range fs {
		names := l.sources(kind, f)
		if len(names) == 0 {
			names = []string{f.String()}
		}
		q := make([]string, len(names))
		for i, n := range names {
			q[i] = fmt.Sprintf("%q", n)
		}
		parts = append(parts, strings.Join(q, " or "))
	}
	return strings.Join(parts, " and ")
}
