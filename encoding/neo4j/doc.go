// Package neo4j writes a labour-market network as the two CSV files that
// Neo4j's offline bulk importer, neo4j-admin database import full (Neo4j 5),
// reads: one node file of actors and one relationship file of links. It is
// the way out for networks that outgrow one machine's memory (see
// docs/SCALE.md): write the files, import them, and query the graph with
// Cypher.
//
// The files follow Neo4j's import header format (Operations Manual, "Import
// header format", https://neo4j.com/docs/operations-manual/current/import/header-format/,
// and "neo4j-admin database import",
// https://neo4j.com/docs/operations-manual/current/import/): the first row of
// each file is its header, each entry "<name>:<field_type>"; a node file has
// an ID field and a LABEL field, a relationship file START_ID, END_ID and
// TYPE fields; a property without a type is a string; "[]" after a type makes
// an array whose values are separated by ";"; booleans are true when the
// text is exactly "true".
//
// # Nodes (NodesFile)
//
//	id:ID,name,kind,:LABEL,level,country,region,aggregate:boolean,count:long,sectors:string[],targetGroups:string[],skills:string[],themes:string[],attrs.KEY...
//
// Each actor is a node labelled Actor and its kind in PascalCase
// ("Actor;RegionalAuthority", "Actor;Ngo"); its properties are the fields of
// actor.Actor, named as in the labournet/1 JSON format, its ID in the
// property id.
//
// # Relationships (RelationshipsFile)
//
//	:START_ID,:END_ID,:TYPE,id,kind,direction,role,label,weight:double,money_amount:double,money_currency,money_ceiling:boolean,cadence,start,end,status,targetGroups:string[],evidence,attrs.KEY...
//
// Each link is a relationship from its From actor to its To actor whose
// type is its kind in upper case (PARTNERSHIP, FUNDING, MEMBERSHIP...).
// Neo4j stores every relationship with a direction; links that labournet
// treats as undirected (partnership, cooperation and membership, unless the
// link's direction says otherwise) are stored from From to To and are meant
// to be matched without a direction in Cypher: (a)-[:PARTNERSHIP]-(b).
//
// # Columns and values
//
// The columns are those of package encoding's CSV tables, taken from the
// same field table, so every field reaches Neo4j: a field added to the model
// appears here without a change to this package. Where Neo4j's header syntax
// has a type the column carries it: booleans as boolean, whole numbers as
// long and numbers (weight, money amount) as double. Neo4j's float is a
// 32-bit number, which would round an amount such as 1234567.89; double
// keeps every float64 exactly. The fields of the JSON money object are named
// with "_" instead of "." (money_amount), so that Cypher can write
// r.money_amount without backquotes; free attributes keep labournet's column
// names, "attrs.KEY" (in Cypher n.`attrs.KEY`), as Neo4j names the entries
// of a map column it imports from Parquet.
//
// Dates (start, end) are strings in labournet's form, "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", not values of Neo4j's date type: a column has one type, and
// a date known only to its year or month would become the first day of it,
// losing what the source said. Cypher's date() reads all three forms when a
// query needs a date: date(r.start) is the first day the link's start
// covers. A cadence is its text ("every 2 months").
//
// An absent value (an empty name, a count of 0, a link without money, an
// empty list) is an empty, unquoted cell, which the importer skips: the
// property is not set, and the import invents nothing. An attribute whose
// value is the empty string is written the same way, so it is not set in
// Neo4j either: Neo4j's CSV cannot tell an empty value from none. Cells are quoted as
// RFC 4180 says (Neo4j's default --quote='"', a quote inside doubled) when
// they hold a comma, a quote, a line break or leading space; values may span
// lines, so the import needs --multiline-fields=true. Array values are joined
// with ";", Neo4j's default --array-delimiter; labournet lists never hold
// ";" (the writer reports one that does).
//
// An attribute key holding ':' cannot be a column: the importer would read
// what follows the colon as a type. The writer reports such a key (wrapping
// ErrHeader) rather than drop it.
//
// # Importing
//
// With Neo4j 5.19 or later (the database name comes before the options):
//
//	bin/neo4j-admin database import full neo4j \
//	    --nodes=import/nodes.csv --relationships=import/relationships.csv \
//	    --multiline-fields=true
//
// The defaults of --delimiter, --array-delimiter, --quote and --id-type
// (string) are the ones the files use.
//
// # Memory
//
// WriteTo streams: it goes once over the network's actors and once over its
// links, writing each row as it goes. It holds no copy of the network beyond
// the slices Network.Actors and Network.Links return (the elements' headers,
// sharing their strings, lists and maps) and one row at a time.
// Write writes both files through temporary files renamed into place only
// when both are complete (internal/atomicfile.WriteAll), so a failed write
// leaves no half-written file.
//
//	err := neo4j.Write("import", n) // import/nodes.csv, import/relationships.csv
package neo4j
