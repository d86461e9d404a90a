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
	"github.com/labournet/labournet/internal/atomicfile"
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
// format, a ".graphml" file (see package encoding/graphml), or a folder
// holding actors.csv and links.csv (both are needed: a folder without
// links.csv is an error rather than a network of no links). A
// network read from CSV is named after its folder. Errors name the file.
func Load(path string) (*network.Network, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return loadCSV(path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".graphml":
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if strings.EqualFold(filepath.Ext(path), ".graphml") {
			return graphml.Read(f, path)
		}
		return ReadJSON(f, path)
	case ".gexf":
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return gexf.Read(f, path)
	}
	return nil, fmt.Errorf("encoding: %s: %w (want a .json, .graphml or .gexf file, or a folder with %s and %s)", path, ErrUnsupported, ActorsFile, LinksFile)
}

func loadCSV(dir string) (*network.Network, error) {
	ap := filepath.Join(dir, ActorsFile)
	af, err := os.Open(ap)
	if err != nil {
		return nil, err
	}
	defer af.Close()
	lp := filepath.Join(dir, LinksFile)
	lf, err := os.Open(lp)
	if errors.Is(err, os.ErrNotExist) {
		return nil, &ParseError{File: lp, Err: fmt.Errorf("%w: %s has %s but no %s: a network without links needs a %s with its header row only (from,to,kind)",
			ErrFormat, dir, ActorsFile, LinksFile, LinksFile)}
	}
	if err != nil {
		return nil, err
	}
	defer lf.Close()
	n, err := ReadCSV(af, lf, ap, lp)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(dir)
	n.Name = filepath.Base(abs)
	return n, nil
}

// Save writes n to path: a ".json" or ".graphml" file, or, for a path without extension
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
	}
	return fmt.Errorf("encoding: %s: %w (want a .json, .graphml or .gexf file, or a folder)", path, ErrUnsupported)
}
