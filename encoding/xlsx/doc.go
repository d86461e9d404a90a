// Package xlsx reads and writes labour-market networks as Excel workbooks
// (.xlsx, as Excel, LibreOffice and Google Sheets save them), in two
// layouts: ours, and Kumu's import layout. A mapping file (package
// encoding/mapping) lets any other workbook load without editing.
//
// # Our layout
//
// A workbook with a sheet "Actors" and a sheet "Links" holding the two
// tables of the CSV pair of package encoding: a header row naming the
// columns (id, name, kind... and attrs.KEY, see package encoding), then one
// row per actor or link. Write writes the columns in the order
// encoding.WriteCSV does, every cell as text, the header row bold and
// frozen. Read takes the sheets as the CSV reader takes the tables: sheet
// names and headers in any case, columns in any order, the CSV aliases
// ("Type", "Source", "Target", "Start date"...), empty cells as absent
// values, lists separated by ";", a column that names no field kept as an
// attribute with a warning. Blank rows are skipped, and the header is the
// first row that is not blank. Cells are read as the spreadsheet shows
// them (a date cell formatted "yyyy-mm-dd" gives "2012-01-01"). Both sheets
// are needed: a network without links has a Links sheet with its header row
// only.
//
// # Kumu's layout
//
// A workbook with a sheet "Elements" (and no sheet "Actors") is read in
// Kumu's import layout (https://docs.kumu.io/guides/import):
//
//	Elements:    Label, Type, Description, Tags, and any other columns
//	Connections: From, To, Type, Direction, and any other columns
//
// Kumu identifies an element by its Label: an actor's ID and name are both
// its Label, or, when the element has an ID column, its ID is that column
// (an ID equal to the Label gives an actor without a name, as WriteKumu
// writes one). From and To name elements by their ID or Label (exactly,
// else without regard to case). Type is the actor's kind through KumuKinds
// ("Organization" is organisation, "Person" person, "Project" project,
// "Foundation" and "Funder" fund, "Company" and "Employer" employer,
// "School" school, "University" university, "NGO" and "Non-profit" ngo,
// "Government" and "Municipality" municipality...) or, failing that, as our
// kind names ("labour office", "trade-union"); any other Type makes an
// organisation whose attribute "type" keeps the Type, with a warning, and an
// empty Type an organisation. Tags are the actor's themes, separated by
// "|". Description is attribute "description". A connection's Type is its
// link kind through KumuLinkKinds or our link kind names; any other is a
// cooperation keeping the Type as attribute "type", with a warning.
// Direction "directed" is directed, "undirected" and "mutual" undirected,
// and an empty one the kind's own direction. Other columns are our fields
// when their headers name them as the CSV reader matches them (lists
// separated by "|" or ";"), attrs.KEY, or else attributes under their
// header as written (Kumu's custom fields). The Connections sheet may be
// left out. WriteKumu writes this layout, and Read reads it back to the
// same network.
//
// # Mapping files
//
// ReadWithMapping, and ReadWith with Options.Mapping, read a workbook
// through a mapping file, which names its sheets and renames its columns
// and values to ours:
//
//	{"format": "labournet-mapping/1",
//	 "actors": {"sheet": "Orgs",
//	            "columns": {"Org name": "name", "Org ID": "id", "Category": "kind"},
//	            "values": {"kind": {"Foundation": "fund", "Company": "employer"}}},
//	 "links":  {"sheet": "Ties",
//	            "columns": {"Source org": "from", "Target org": "to", "Tie": "kind", "Mode": "direction"},
//	            "values": {"direction": {"mutual": "undirected"}}}}
//
// See package encoding/mapping for the format. The mapping is applied to
// the header row and then to every row, before the sheet is read. A
// workbook read through a mapping is in Kumu's layout when the mapping's
// actors sheet is "Elements", or when it names no actors sheet and the
// workbook has "Elements" but no "Actors"; the mapping's targets then name
// Kumu's columns by our fields ("kind" is Type, "name" Label, "themes"
// Tags), and its "kind" values apply to the Type column. Otherwise the
// workbook is in our layout, its sheets those the mapping names ("Actors"
// and "Links" when it names none); the links sheet may then be missing
// unless the mapping names it.
//
// # Errors and limits
//
// Readers report every problem of a workbook, joined with errors.Join; each
// is a *encoding.ParseError (package internal/fileerr) whose File is the
// workbook and its sheet, "people.xlsx[Actors]", whose Line is the row
// number and Column the column number (A is 1, B is 2...) as the
// spreadsheet shows them, and whose Path is the column's header as written;
// errors.Is matches encoding.ErrFormat and the sentinels of packages actor
// and network, as for every format. A problem of the whole workbook (not a
// workbook, a missing sheet) names the workbook alone.
//
// A reader holds the whole workbook in memory: it refuses a workbook over
// MaxSize (200 MB) or whose parts unzip to over MaxUnzipped (1 GiB), and a
// sheet of more than MaxRows (2 million) rows, with an error wrapping
// ErrTooLarge and encoding.ErrTooLarge (the limit of every reader).
package xlsx
