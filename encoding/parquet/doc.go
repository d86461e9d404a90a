// Package parquet writes a labour-market network as a pair of Parquet files
// in the layout of Spark GraphFrames, a vertex table and an edge table, for
// networks that outgrow one machine (see docs/SCALE.md), and reads such a
// pair back.
//
//	from graphframes import GraphFrame
//	g = GraphFrame(spark.read.parquet("vertices.parquet"), spark.read.parquet("edges.parquet"))
//
// It uses github.com/parquet-go/parquet-go, the maintained pure-Go Parquet
// library (no cgo, no Arrow), and compresses pages with Snappy, Spark's
// default codec.
//
// # Columns
//
// VerticesFile has one row per actor: id (required), then every other field
// of actor.Actor named as in the labournet/1 JSON format. EdgesFile has one
// row per link: src and dst (the From and To actors) and relationship (the
// link kind, "partnership"), the names GraphFrames expects, then every other
// field of network.Link. The columns come from the same field table as
// package encoding's CSV tables, so a field added to the model appears here
// without a change to this package. Fields of the JSON money object are
// named with "_" instead of "." (money_amount, money_currency,
// money_ceiling), since Spark reads a dot in a column name as a field of a
// struct. Parquet orders a schema's columns by name.
//
// Types: text (names, kinds, levels, statuses, cadences) is a UTF-8 string;
// booleans are required booleans, false when not set; whole numbers
// (count) are int64 and numbers (weight, money_amount) double, null when
// absent; lists are list<string>, null when empty; any other value is null
// when absent, so Spark's isNull finds what the source did not give.
//
// Dates (start, end) are strings as labournet writes them, "YYYY",
// "YYYY-MM" or "YYYY-MM-DD", not Parquet DATE values: sources often give a
// year or a month only, and a DATE would turn "2012" into 2012-01-01 and
// make it indistinguishable from a known first of January. In Spark,
// to_date(start) reads "YYYY-MM-DD" and to_date(start, "yyyy") or
// to_date(start, "yyyy-MM") the shorter forms.
//
// Attributes are one column attrs of Parquet's MAP type, map<string,string>:
// Spark reads it as a MapType with no schema to declare (attrs["group"]),
// whereas a JSON string would need from_json and a schema for each query,
// and a column per key would change the schema with the data. Neo4j's
// Parquet import turns the same column into properties attrs.KEY, the
// names package encoding/neo4j gives them.
//
// # Memory
//
// WriteTo streams: it hands rows to the Parquet writer in batches of a
// thousand and writes a row group out each time it holds
// Options.RowGroupRows rows (DefaultRowGroupRows when 0), so the writer
// holds at most one row group of each file besides the network itself and
// the slices Network.Actors and Network.Links return. Write and WriteWith
// write both files through temporary files renamed into place only when
// both are complete (internal/atomicfile.WriteAll).
//
// The network's name travels in the files' metadata (NameKey); its
// description, attributes and AsOf do not, as in package encoding's CSV
// tables.
//
//	err := parquet.Write("out", n) // out/vertices.parquet, out/edges.parquet
//	m, err := parquet.Read("out")
package parquet
