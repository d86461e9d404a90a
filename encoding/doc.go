// Package encoding reads and writes labour-market networks as files: the
// canonical JSON format "labournet/1" and a pair of CSV tables that a
// researcher can keep in a spreadsheet. Load and Save also read and write
// GraphML (package encoding/graphml); package encoding/gexf writes GEXF for
// Gephi. Every format carries the same fields, named alike.
//
// # JSON
//
// A JSON file holds one object:
//
//	{"format": "labournet/1", "name": "...", "description": "...", "attrs": {...},
//	 "actors": [{"id": "tul", "name": "Technical University of Liberec",
//	             "kind": "university", "level": "regional", "country": "CZ"}],
//	 "links":  [{"from": "tul", "to": "pzlk-board", "kind": "membership",
//	             "role": "member", "cadence": "every 2 months",
//	             "start": "2012-01-01", "status": "active"}]}
//
// "format" is required and must be "labournet/1". Actor and link objects use
// the JSON names of the fields of actor.Actor and network.Link: only "id" and
// "kind" are required for an actor, and "from", "to" and "kind" for a link.
// Money is {"amount": 800000, "currency": "PLN", "ceiling": true}; dates are
// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a cadence is text such as "every 2
// months" or "as needed". Unknown fields are errors, so that a misspelt field
// is reported rather than silently dropped. Values not given stay absent: the
// writer omits them and the reader never invents them.
//
// # CSV
//
// The CSV form is two tables in one folder, actors.csv and links.csv, with a
// header row naming the columns after the JSON fields:
//
//	actors.csv: id,name,kind,level,country,region,aggregate,count,sectors,targetGroups,skills,themes,attrs.KEY...
//	links.csv:  id,from,to,kind,direction,role,label,weight,money.amount,money.currency,money.ceiling,cadence,start,end,status,targetGroups,evidence,attrs.KEY...
//
// Columns may come in any order and only id and kind (actors) and from, to
// and kind (links) are required; an empty cell is an absent value. Each
// attribute is a column "attrs.KEY". Multi-valued fields (sectors,
// targetGroups, skills, themes) hold their values in one cell separated by
// semicolons ("youth; over-55"); the writer uses "; " and rejects a value
// that itself contains a semicolon. Booleans are "true" or "false" (the
// reader also takes yes/no, 1/0 and t/f, in any case). The network's name,
// description and attributes are not part of the tables; Load names a
// network read from CSV after its folder.
//
// The reader takes the tables as spreadsheets write them. A UTF-8
// byte-order mark is skipped. The delimiter is chosen for each table from
// its header row (the first 64 KiB at most): of ',', ';' and tab, the one
// that splits the row into the most of the required columns, then into the
// most columns the table knows (fields, aliases, attrs.KEY), then into the
// most columns, then the first of the three. Headers match without regard to case, surrounding space, or the
// spaces, '_', '-' and '.' between words ("ID", "Target Groups",
// "target_groups", "Money amount"), and these aliases are taken too:
// identifier for id; label for name (actors: a link has a label of its
// own); type for kind; sector, target group, skill and theme for the
// lists; source, from id and source id for from; target, to id and target
// id for to; amount, currency and ceiling for money.*; start date and end
// date for start and end. A column that names no field is kept as an
// attribute whose key is its header as written ("Colour" gives
// attrs.Colour), with a warning; a column with neither header nor values is
// ignored. A list cell holding commas but no ";" ("youth, over-55") is one
// value, with a warning. ReadCSVWith returns the warnings; ReadCSV and Load
// leave them out. Text that is not UTF-8 (a file saved as Windows-1250) is
// an error naming its line and column.
//
// WriteCSV writes UTF-8 without a byte-order mark and ',' between cells.
// WriteCSVWith with CSVOptions.Excel writes a byte-order mark and ';', as
// Excel on Windows reads a file without asking (labournet convert
// --excel); the reader takes either.
//
// # Errors
//
// Readers report every problem of a file, not only the first, joined with
// errors.Join; each is a *ParseError naming the file, the line (and column,
// for CSV), the place (the JSON path, the CSV column, the GraphML element
// and field) and the reason, which errors.Is matches against the sentinels
// of packages actor and network (network.ErrUnknownActor,
// actor.ErrUnknownKind...) or ErrFormat. This holds for every format,
// GraphML included: errors.Is(err, ErrFormat) and errors.As(err, &pe) with
// pe a *ParseError work whatever file Load read. The JSON and CSV readers
// stream: they never hold a whole file in memory.
//
// # Files
//
// Load and Save choose the form by the path: a ".json" or ".graphml" file,
// or a folder holding the CSV pair. Save writes through temporary files and
// renames them, so that a failed write never leaves a half-written file
// behind.
package encoding
