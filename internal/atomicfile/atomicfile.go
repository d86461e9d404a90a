// Package atomicfile writes files so that a failed write never leaves a
// half-written file behind: the content goes to a temporary file in the
// same folder, which is renamed into place only once it is complete.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
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
	files := make([]*os.File, len(paths))
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
				if err != nil {
					os.Remove(f.Name())
				}
			}
		}
	}()
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
		if err != nil {
			return err
		}
		files[i], ws[i] = f, f
	}
	if err := write(ws); err != nil {
		return err
	}
	for _, f := range files {
		if err := f.Sync(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := os.Chmod(f.Name(), 0o644); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), paths[i]); err != nil {
			return err
		}
		files[i] = nil
	}
	return nil
}
