package encoding

import "github.com/labournet/labournet/internal/fileerr"

// ErrFormat is a file that is not in the expected format: bad JSON or XML
// syntax, a wrong "format" value, an unknown JSON field, a ragged CSV row,
// invalid UTF-8, a value of the wrong form. (An unknown CSV column is kept as
// an attribute with a warning, see ReadCSVWith.) Every reader, of every
// format (JSON, CSV, GraphML, GEXF), reports such problems wrapping this one
// value.
var ErrFormat = fileerr.ErrFormat

// ParseError is one problem found in a file, whatever its format:
//
//	type ParseError struct {
//		File   string // the file, as given to the reader
//		Line   int    // 1-based; 0 when unknown
//		Column int    // 1-based (CSV); 0 when unknown
//		Path   string // the JSON path ("links[3].kind"), the CSV column, or the GraphML element and field (`node "tul": kind`)
//		Err    error  // the reason
//	}
//
// Its Error method gives "file:line:column: path: reason", leaving out the
// parts that are unknown; Place gives the part before the reason, for a
// program that words the reason itself; and Unwrap returns the reason, so that errors.Is
// matches ErrFormat and the sentinels of packages actor and network. The
// readers of package encoding/graphml report the same type.
type ParseError = fileerr.ParseError
