package parquet

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	// parquet-go is the maintained pure-Go Parquet library (the successor
	// of segmentio/parquet-go), with no cgo and no Arrow dependency.
	pq "github.com/parquet-go/parquet-go"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// The names of the files Write writes in its folder.
const (
	VerticesFile = "vertices.parquet" // the actors, one row each
	EdgesFile    = "edges.parquet"    // the links, one row each
)

// DefaultRowGroupRows is the number of rows per row group when
// Options.RowGroupRows is 0.
const DefaultRowGroupRows = 1 << 16

// NameKey is the key of the file metadata entry that holds the network's
// name, in both files.
const NameKey = "labournet.name"

// batchRows is the number of rows handed to the Parquet writer at a time.
const batchRows = 1024

// Options configures Write. Its zero value gives the defaults.
type Options struct {
	// RowGroupRows bounds the rows of a row group: the writer holds one row
	// group of each file in memory and writes it out when it is full.
	// 0 means DefaultRowGroupRows.
	RowGroupRows int
}

// Write writes n as VerticesFile and EdgesFile in the folder dir, created
// if needed (as encoding.Save creates the folder of the CSV pair). It is
// WriteWith with the default options.
func Write(dir string, n *network.Network) error { return WriteWith(dir, n, Options{}) }

// WriteWith writes n as VerticesFile and EdgesFile in the folder dir. Both
// files are written through temporary files renamed into place only when
// both are complete; on error neither file is changed.
func WriteWith(dir string, n *network.Network, opt Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	paths := []string{filepath.Join(dir, VerticesFile), filepath.Join(dir, EdgesFile)}
	return atomicfile.WriteAll(paths, func(w []io.Writer) error { return WriteTo(w[0], w[1], n, opt) })
}

// WriteTo writes n's actors to vertices and its links to edges as Parquet
// files, streaming: rows go to the Parquet writer in small batches, and a row
// group is written out each time it holds opt.RowGroupRows rows.
func WriteTo(vertices, edges io.Writer, n *network.Network, opt Options) error {
	rows := opt.RowGroupRows
	if rows <= 0 {
		rows = DefaultRowGroupRows
	}
	if err := write(vertices, actorColumns, n.AllActors(), func(a *actor.Actor) map[string]string { return a.Attrs }, n.Name, rows); err != nil {
		return fmt.Errorf("parquet: %s: %w", VerticesFile, err)
	}
	if err := write(edges, linkColumns, n.AllLinks(), func(l *network.Link) map[string]string { return l.Attrs }, n.Name, rows); err != nil {
		return fmt.Errorf("parquet: %s: %w", EdgesFile, err)
	}
	return nil
}

// write writes the elements, each with its attributes, as one Parquet file.
func write[T any](w io.Writer, t *table[T], elems iter.Seq2[int, T], attrs func(*T) map[string]string, name string, groupRows int) error {
	pw := pq.NewWriter(w, t.schema, pq.MaxRowsPerRowGroup(int64(groupRows)), pq.Compression(&pq.Snappy))
	if name != "" {
		pw.SetKeyValueMetadata(NameKey, name)
	}
	batch := make([]pq.Row, 0, batchRows)
	inGroup := 0
	flush := func() error {
		if _, err := pw.WriteRows(batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	for i, e := range elems {
		row, err := t.row(&e, attrs(&e), rowBuffer(batch))
		if err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
		batch = append(batch, row)
		inGroup++
		if len(batch) == cap(batch) || inGroup == groupRows {
			if err := flush(); err != nil {
				return err
			}
		}
		if inGroup == groupRows {
			if err := pw.Flush(); err != nil {
				return err
			}
			inGroup = 0
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

// rowBuffer returns the spare row at the end of batch's capacity, for reuse.
func rowBuffer(batch []pq.Row) pq.Row {
	if len(batch) < cap(batch) {
		return batch[:len(batch)+1][len(batch)][:0]
	}
	return nil
}

// Read reads the network that Write wrote in the folder dir. Its name is the
// one stored in the files (NameKey), else the folder's name. Columns the
// files lack are absent values; every row is validated as AddActor and
// AddLink validate, and every problem is returned, joined.
func Read(dir string) (*network.Network, error) {
	vpath, epath := filepath.Join(dir, VerticesFile), filepath.Join(dir, EdgesFile)
	n := network.New(filepath.Base(dir))
	var errs []error
	err := read(vpath, actorColumns, func(f *pq.File) {
		if v, ok := f.Lookup(NameKey); ok {
			n.Name = v
		}
	}, func(line int, a *actor.Actor) {
		if err := n.AddActor(*a); err != nil {
			errs = append(errs, &fileerr.ParseError{File: vpath, Line: line, Err: err})
		}
	})
	if err != nil {
		return nil, err
	}
	err = read(epath, linkColumns, nil, func(line int, l *network.Link) {
		if err := n.AddLink(*l); err != nil {
			errs = append(errs, &fileerr.ParseError{File: epath, Line: line, Err: err})
		}
	})
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return n, nil
}

// read reads the rows of one file into elements of T, calling add with each
// element and its row number (1-based).
func read[T any](path string, t *table[T], meta func(*pq.File), add func(int, *T)) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	f, err := pq.OpenFile(fh, st.Size())
	if err != nil {
		return &fileerr.ParseError{File: path, Err: fmt.Errorf("%w: %v", fileerr.ErrFormat, err)}
	}
	if meta != nil {
		meta(f)
	}
	leaves := map[string]int{}
	for i, p := range f.Schema().Columns() {
		leaves[pathKey(p)] = i
	}
	cols, err := t.bind(leaves)
	if err != nil {
		return &fileerr.ParseError{File: path, Err: err}
	}
	r := pq.NewReader(f)
	defer r.Close()
	buf := make([]pq.Row, batchRows)
	byColumn := make([][]pq.Value, len(leaves))
	line := 0
	for {
		k, err := r.ReadRows(buf)
		for _, row := range buf[:k] {
			line++
			clear(byColumn)
			row.Range(func(c int, vs []pq.Value) bool {
				if c < len(byColumn) {
					byColumn[c] = vs
				}
				return true
			})
			el := new(T)
			if err := t.decode(el, cols, byColumn); err != nil {
				return &fileerr.ParseError{File: path, Line: line, Err: err}
			}
			add(line, el)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &fileerr.ParseError{File: path, Line: line, Err: fmt.Errorf("%w: %v", fileerr.ErrFormat, err)}
		}
	}
}

// itoa is the text form of a whole number, for schema.Field.Set.
func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
