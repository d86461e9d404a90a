package encoding

import (
	"io"

	"github.com/labournet/labournet/internal/fileerr"
)

// Limits bound what the readers hold, so that no input, however large or
// endless (a device, a FIFO, a stream on standard input), makes a reader
// use memory without bound:
//
//	type Limits struct {
//		MaxBytes    int64 // bytes of input, of each file (default 512 MiB)
//		MaxValue    int   // bytes of one value (default 1 MiB)
//		MaxElements int   // actors plus links (default 750,000)
//	}
//
// A zero field means its default, a negative one no limit. Input beyond a
// limit is an error wrapping ErrTooLarge (not ErrFormat) that names the
// file, the place and the limit; the reader stops there, without reading
// the rest.
//
// MaxBytes bounds each file or stream read: JSON, GraphML, GEXF, and each
// of the two CSV tables. LoadWith refuses a regular file larger than
// MaxBytes before reading it.
//
// MaxValue bounds one value: a JSON string, a CSV cell, the text of a
// GraphML <data> or a GEXF description or default, an XML attribute value
// (a GEXF attvalue). The JSON decoder holds one whole element (an actor, a
// link, the network's attrs) and csv.Reader one whole row before their
// values can be checked, and encoding/xml one whole token, so each of these
// is bounded too, by 8×MaxValue+64 KiB of input: a string, a cell, a tag or
// a comment without end stops there.
//
// MaxElements bounds the actors plus the links: JSON array elements, CSV
// rows of both tables, GraphML and GEXF nodes plus edges. Their attributes
// and list values, which cost memory as small elements do, are bounded by
// 8×MaxElements; in GraphML and GEXF, which write each value as an element
// of its own (<data>, <attvalue>, <spell>), the XML elements are bounded
// by 4×MaxElements, and the attribute declarations (<key>, <attribute>) by
// 65,536. Each reader also stops after 1,000 problems.
//
// The defaults keep the peak memory of reading the largest accepted input
// under 2 GB. Measured with Go 1.26 on linux/amd64, as the maximum resident
// set size of the process after Load (TestLimitsPeakMemory, run with
// LABOURNET_PEAK set to each case):
//
//   - GEXF, 749,997 nodes with a label and two attvalues (88 MB): 1.57 GB;
//   - GraphML, 749,995 nodes with three <data> (70 MB): 1.54 GB;
//   - GraphML, 375,000 nodes and 375,000 edges (50 MB): 1.03 GB;
//     GEXF likewise (58 MB): 1.05 GB;
//   - JSON, 750,000 actors of ten attributes each (87 MB): 1.24 GB;
//   - JSON, 375,000 links before 375,000 actors (31 MB): 0.94 GB;
//   - CSV, 750,000 actors of ten attribute columns (23 MB): 1.09 GB;
//     375,000 actors and 375,000 links (17 MB): 0.47 GB;
//   - JSON of 510 MB, 510 elements with a name or evidence of 1 MiB: 1.11 GB;
//   - CSV and GraphML of 510 MB, 510 names of 1 MiB: 0.52 GB.
//
// An actor or link costs 1 to 2 KB while it is read (the element as
// read, the actor or link built from it, and the garbage collector's
// headroom), so the element count, not the file size, bounds the memory
// of files of small elements; for files of large values the input size
// does. Raise MaxElements for larger networks when the memory is there:
// about 2 GB per 750,000 actors and links.
type Limits = fileerr.Limits

// ErrTooLarge is input beyond a limit of Limits. It is not ErrFormat.
var ErrTooLarge = fileerr.ErrTooLarge

// DefaultLimits returns the limits the readers use when given none (the
// zero Limits), with every field filled in.
func DefaultLimits() Limits { return Limits{}.Resolve() }

// LimitReader returns a reader of r that passes its first lim.MaxBytes
// bytes, then fails with an error wrapping ErrTooLarge, for a caller that
// reads a stream itself before handing it to a reader (the readers bound
// their input themselves).
func LimitReader(r io.Reader, lim Limits) io.Reader {
	return fileerr.Bounded(r, lim.Resolve().MaxBytes)
}
