// Package atomicfile writes files so that a failed write never leaves a
// half-written file behind: the content goes to a temporary file in the
// same folder, which is renamed into place only once it is complete.
//
// Every temporary file not yet renamed or removed is known to the package,
// so that a program stopped by a signal can remove them all with
// RemoveTemporary before it exits.
package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Write writes path with write, through a temporary file in the same folder
// that is renamed into place only when write succeeds; on failure the old
// file, if any, is left as it was and the temporary file is removed. The
// file is created with mode 0644.
func Write(path string, write func(io.Writer) error) error {
	return WriteAll([]string{path}, func(w []io.Writer) error { return write(w[0]) })
}

// WriteAll writes several files at once: write gets one writer per path, in
// order, and the files are renamed into place only when write has succeeded
// and every file is synced and closed. A failure before the renames leaves
// every old file as it was.
func WriteAll(paths []string, write func([]io.Writer) error) (err error) {
	files := make([]*File, len(paths))
	defer func() {
		if err != nil {
			for _, f := range files {
				if f != nil {
					f.Abort()
				}
			}
		}
	}()
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		f, err := Create(p)
		if err != nil {
			return err
		}
		files[i], ws[i] = f, f
	}
	if err := write(ws); err != nil {
		return err
	}
	for _, f := range files {
		if err := f.finish(); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := f.rename(); err != nil {
			return err
		}
	}
	return nil
}

// File is a file being written through a temporary file: Create opens the
// temporary file, Commit renames it into place and Abort removes it. It
// lets a program open its output before long work, so that an unwritable
// path is reported at once, and keep the temporary file removable (by Abort
// or RemoveTemporary) until the work is done.
type File struct {
	f      *os.File
	path   string
	closed bool
	done   bool
}

// Create opens a temporary file in path's folder, named ".BASE.*.tmp", to
// be renamed to path by Commit.
func Create(path string) (*File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	pending.add(f.Name())
	return &File{f: f, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Name returns the path the file will have once committed.
func (f *File) Name() string { return f.path }

// TempName returns the path of the temporary file.
func (f *File) TempName() string { return f.f.Name() }

// Commit syncs and closes the temporary file and renames it to the path
// given to Create, with mode 0644. On failure the temporary file is
// removed and the old file, if any, is left as it was.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: " + f.path + ": already committed or aborted")
	}
	if err := f.finish(); err != nil {
		f.Abort()
		return err
	}
	if err := f.rename(); err != nil {
		f.Abort()
		return err
	}
	return nil
}

// Abort closes and removes the temporary file; the file at the path given
// to Create is left as it was. It does nothing after Commit or Abort.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	if !f.closed {
		f.f.Close()
		f.closed = true
	}
	os.Remove(f.f.Name())
	pending.remove(f.f.Name())
}

// finish syncs, closes and sets the mode of the temporary file.
func (f *File) finish() error {
	if err := f.f.Sync(); err != nil {
		return err
	}
	f.closed = true
	if err := f.f.Close(); err != nil {
		return err
	}
	return os.Chmod(f.f.Name(), 0o644)
}

// rename moves the closed temporary file into place.
func (f *File) rename() error {
	if err := os.Rename(f.f.Name(), f.path); err != nil {
		return err
	}
	f.done = true
	pending.remove(f.f.Name())
	return nil
}

// RemoveTemporary removes every temporary file of this package not yet
// renamed into place or removed, and returns their paths. It is safe to call
// from any goroutine, such as a signal handler's, while writes are under
// way: a write whose temporary file it removed fails.
func RemoveTemporary() []string {
	names := pending.take()
	for _, n := range names {
		os.Remove(n)
	}
	return names
}

// pending holds the paths of the temporary files not yet renamed or removed.
var pending = &registry{names: map[string]bool{}}

type registry struct {
	mu    sync.Mutex
	names map[string]bool
}

func (r *registry) add(name string) {
	r.mu.Lock()
	r.names[name] = true
	r.mu.Unlock()
}

func (r *registry) remove(name string) {
	r.mu.Lock()
	delete(r.names, name)
	r.mu.Unlock()
}

func (r *registry) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for n := range r.names {
		out = append(out, n)
	}
	clear(r.names)
	slices.Sort(out)
	return out
}
