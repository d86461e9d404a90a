package schema

// The fields of the importer of programme data (package encoding/eu): what
// a column of a participation table or a project table holds. A mapping
// file's "participations" and "projects" tables map the columns of a
// publisher's export to these names; the importer's presets are such
// mappings. Free attributes are "attrs.KEY" (of the participation link),
// "org.attrs.KEY" (of the organisation) and "project.attrs.KEY" (of the
// project).
var (
	// ProjectFields are the fields of a project: its key, "project", and
	// what is known of it. A participation table may hold them too, when
	// the export has one row per participation and the project's facts on
	// each row.
	ProjectFields = []string{
		"project", "project.acronym", "project.title", "project.start", "project.end",
		"project.status", "project.programme", "project.call", "project.topic",
		"project.scheme", "project.fund", "project.totalCost", "project.euContribution",
		"project.currency", "project.country", "project.nuts",
	}
	// ParticipationFields are the fields of a participation table: the
	// project, the organisation and the organisation's part in the project.
	ParticipationFields = append(append([]string{}, ProjectFields...),
		"org.id", "org.vat", "org.name", "org.shortName", "org.type", "org.sme",
		"org.country", "org.nuts", "org.city", "org.url",
		"role", "contribution", "ended", "active", "order",
	)
)

// ImportAttrPrefixes head the columns of an import table that hold free
// attributes: of the participation link, of the organisation, of the
// project.
var ImportAttrPrefixes = []string{AttrPrefix, "org." + AttrPrefix, "project." + AttrPrefix}
