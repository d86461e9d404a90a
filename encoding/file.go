package encoding

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/internal/fileerr"
	"github.com/labournet/labournet/network"
)

// ErrUnsupported is a path whose form Load or Save does not know.
var ErrUnsupported = errors.New("unsupported file format")

// The names of the two CSV tables in a folder.
const (
	ActorsFile = "actors.csv"
	LinksFile  = "links.csv"
)

// Load reads a network from path: a ".json" file in the "labournet/1"
// format, a ".graphml" or ".gexf" file (see packages encoding/graphml and
// encoding/gexf), an ".xlsx" workbook (see package encoding/xlsx), or a
// folder holding actors.csv and links.csv (both are needed: a folder without
// links.csv is an error rather than a network of no links). A network read
// from CSV is named after its folder, one from a workbook after its file.
// Errors name the file. It is LoadWith with the default limits.
func Load(path string) (*network.Network, error) {
	return LoadWith(path, Limits{})
}

// LoadWith is Load with limits (see Limits; the zero Limits are the
// defaults). It reads regular files only, following symbolic links: a
// device, a FIFO or a socket is refused with an error saying it "is not a
// regular file", and so is a file larger than lim.MaxBytes (wrapping
// ErrTooLarge), before anything is read. Standard input is no business of
// LoadWith: read it with ReadJSONWith and the like, whose limits bound it.
func LoadWith(path string, lim Limits) (*network.Network, error) {
	n, _, err := LoadNotes(path, lim)
	return n, err
}

// LoadNotes is LoadWith that also returns the notes of the readers: what a
// reader kept but wants the user to know, such as a CSV column or GraphML
// attribute it does not know (kept as an attribute) or a list written with
// commas. Each note names its file and place.
func LoadNotes(path string, lim Limits) (*network.Network, []string, error) {
	lim = lim.Resolve()
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return loadCSV(path, lim)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".json", ".graphml", ".gexf":
		f, err := OpenRegular(path, lim)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		switch ext {
		case ".graphml":
			return graphml.ReadLimited(f, path, lim)
		case ".gexf":
			n, err := gexf.ReadLimited(f, path, lim)
			return n, nil, err
		}
		n, err := ReadJSONWith(f, path, lim)
		return n, nil, err
	case ".xlsx":
		if err := checkRegular(path, st, lim); err != nil {
			return nil, nil, err
		}
		n, warns, err := xlsx.LoadWith(path, xlsx.Options{})
		return n, strs(warns), err
	}
	return nil, nil, fmt.Errorf("encoding: %s: %w (want a .json, .graphml, .gexf or .xlsx file, or a folder with %s and %s)", path, ErrUnsupported, ActorsFile, LinksFile)
}

// strs returns the notes as text.
func strs[T fmt.Stringer](notes []T) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.String()
	}
	return out
}

// ErrNotRegular is a path that names no regular file: a device, a FIFO, a
// socket, a folder where a file is wanted.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading if it is a regular file (after
// symbolic links) no larger than lim.MaxBytes, as LoadWith does: a device,
// a FIFO or a socket is an error wrapping ErrNotRegular, a larger file one
// wrapping ErrTooLarge, both *ParseError naming the file. A FIFO is refused
// without being opened, so without blocking. The file is checked again once
// open, so that what is read is what was checked.
func OpenRegular(path string, lim Limits) (*os.File, error) {
	lim = lim.Resolve()
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, st, lim); err != nil {
		return nil, err
	}
	// O_NONBLOCK would be needed to open a FIFO without blocking; the
	// check above has refused FIFOs, and the check below catches a path
	// swapped in between.
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err == nil {
		err = checkRegular(path, st, lim)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func checkRegular(path string, st os.FileInfo, lim Limits) error {
	if !st.Mode().IsRegular() {
		what := "a folder"
		switch m := st.Mode(); {
		case m&os.ModeNamedPipe != 0:
			what = "a FIFO (named pipe)"
		case m&os.ModeSocket != 0:
			what = "a socket"
		case m&os.ModeCharDevice != 0:
			what = "a character device"
		case m&os.ModeDevice != 0:
			what = "a device"
		case !m.IsDir():
			what = "not a file"
		}
		return &ParseError{File: path, Err: fmt.Errorf("%w: it is %s; to read a stream, pass - and give it on standard input", ErrNotRegular, what)}
	}
	if st.Size() > lim.MaxBytes {
		return &ParseError{File: path, Err: fileerr.TooLarge("MaxBytes", fmt.Sprintf("a file of %s, larger than %s", fileerr.Size(st.Size()), fileerr.Size(lim.MaxBytes)))}
	}
	return nil
}

func loadCSV(dir string, lim Limits) (*network.Network, []string, error) {
	ap := filepath.Join(dir, ActorsFile)
	af, err := OpenRegular(ap, lim)
	if err != nil {
		return nil, nil, err
	}
	defer af.Close()
	lp := filepath.Join(dir, LinksFile)
	lf, err := OpenRegular(lp, lim)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, &ParseError{File: lp, Err: fmt.Errorf("%w: %s has %s but no %s: a network without links needs a %s with its header row only (from,to,kind)",
			ErrFormat, dir, ActorsFile, LinksFile, LinksFile)}
	}
	if err != nil {
		return nil, nil, err
	}
	defer lf.Close()
	n, warns, err := ReadCSVWith(af, lf, ap, lp, CSVOptions{Limits: lim})
	if err != nil {
		return nil, strs(warns), err
	}
	abs, _ := filepath.Abs(dir)
	n.Name = filepath.Base(abs)
	return n, strs(warns), nil
}

// Save writes n to path: a ".json", ".graphml", ".gexf" or ".xlsx" file, or, for a path without extension
// or an existing folder, the CSV pair in that folder (created if needed).
// Every file is written to a temporary file in the same folder and renamed
// into place only when all are complete, so a failed Save leaves what was
// there before.
func Save(path string, n *network.Network) error {
	st, statErr := os.Stat(path)
	isDir := statErr == nil && st.IsDir()
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case isDir || ext == "":
		if err := os.MkdirAll(path, 0o755); err != nil {
			return err
		}
		return atomicfile.WriteAll([]string{filepath.Join(path, ActorsFile), filepath.Join(path, LinksFile)}, func(w []io.Writer) error {
			return WriteCSV(w[0], w[1], n)
		})
	case ext == ".json":
		return atomicfile.Write(path, func(w io.Writer) error { return WriteJSON(w, n) })
	case ext == ".graphml":
		return atomicfile.Write(path, func(w io.Writer) error { return graphml.Write(w, n) })
	case ext == ".gexf":
		return atomicfile.Write(path, func(w io.Writer) error { return gexf.Write(w, n) })
	case ext == ".xlsx":
		return xlsx.Save(path, n)
	}
	return fmt.Errorf("encoding: %s: %w (want a .json, .graphml, .gexf or .xlsx file, or a folder)", path, ErrUnsupported)
}
