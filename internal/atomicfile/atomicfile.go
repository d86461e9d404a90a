// Package atomicfile writes files so that a failed write never leaves a
// half-written file behind: the content goes to a temporary file in the
// same folder, which is renamed into place only once it is complete.
//
// # Modes
//
// A file that replaces another keeps the permission bits of the file it
// replaces. A new file gets the mode os.Create would give it: 0666 less the
// process's umask (and whatever else the system applies to new files, such
// as a folder's default ACL). The package never reads or changes the umask,
// which is process-wide: a temporary file for a new target is created with
// mode 0666 and the system applies the umask itself, as it does for
// os.Create. A temporary file for an existing target is created with that
// target's permission bits (plus owner read and write), so that what is
// being written is never readable by more users than the old file was, and
// gets exactly the target's bits before it is renamed into place.
//
// # Temporary files and signals
//
// Every temporary file not yet renamed or removed, whether made by Create,
// Write or WriteAll, is known to the package, so that a program stopped by
// a signal can remove them all with RemoveTemporary before it exits.
//
// # Several files as a unit
//
// WriteAll replaces several files as a unit: see its documentation for how,
// and for the backup files (".NAME.labournet-old") that a crash in the
// middle of the swap can leave behind.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
)

// BackupSuffix ends the name of the backup WriteAll keeps of a file it
// replaces while it swaps several files in: the backup of "actors.csv" is
// ".actors.csv.labournet-old" in the same folder.
const BackupSuffix = ".labournet-old"

// BackupName returns the path of the backup WriteAll keeps of path while it
// swaps several files in.
func BackupName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+BackupSuffix)
}

// rename and link are os.Rename and os.Link, variables so that tests can
// make them fail.
var (
	rename = os.Rename
	link   = os.Link
)

// Write writes path with write, through a temporary file in the same folder
// that is renamed into place only when write succeeds; on failure the old
// file, if any, is left as it was and the temporary file is removed. A file
// that replaces another keeps its permission bits; a new file gets the mode
// os.Create would give it (0666 less the umask).
func Write(path string, write func(io.Writer) error) error {
	return WriteAll([]string{path}, func(w []io.Writer) error { return write(w[0]) })
}

// WriteAll writes several files as a unit: write gets one writer per path,
// in order, each writing a temporary file beside its path (modes as for
// Write). Only when write has succeeded and every temporary file is synced
// and closed are they swapped in, so that either every path gets its new
// content or every old file (and every path that had no file) is left as
// it was.
//
// The swap, for two or more paths: each existing file is first given a
// backup name in its folder, ".NAME.labournet-old" (a hard link, so that
// the file stays at its path; where the file system has no hard links it
// is renamed instead), then each temporary file is renamed to its path. If
// a rename fails, the files already placed are put back from their backups
// (or removed, where there was no old file), every temporary file and
// backup is removed, and the error is returned. On success the backups are
// removed. A single path is simply renamed into place, which replaces the
// old file in one step.
//
// A crash (SIGKILL, power loss) in the middle of the swap can leave some
// paths with their new content and others with their old one, and the
// backups of the old files beside them: ".actors.csv.labournet-old" holds
// what actors.csv was before. The next WriteAll of the same paths removes
// such stale backups. RemoveTemporary, called on SIGINT or SIGTERM, waits
// for a swap under way to end (complete or rolled back), so a signal never
// stops the program in the middle of one.
//
// Backup names are fixed, so two processes writing the same paths at the
// same time are not supported; within a process, swaps are serialised.
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
	return swap(files)
}

// swapMu serialises the swaps of WriteAll and RemoveTemporary, so that
// RemoveTemporary never runs in the middle of a swap.
var swapMu sync.Mutex

// swapItem is one file of a swap and how far the swap has gone with it.
type swapItem struct {
	f      *File
	backup string
	had    bool // the path had a file, now also at backup
	moved  bool // that file was renamed to backup (no hard links): path is empty
	placed bool // the temporary file is at the path
}

// swap renames the finished temporary files into place as a unit, as
// WriteAll describes.
func swap(files []*File) error {
	if len(files) == 1 {
		return files[0].rename()
	}
	swapMu.Lock()
	defer swapMu.Unlock()
	items := make([]swapItem, len(files))
	var err error
	for i, f := range files {
		it := &items[i]
		it.f, it.backup = f, BackupName(f.path)
		// A backup left by an earlier WriteAll stopped in its swap.
		if e := os.Remove(it.backup); e != nil && !errors.Is(e, fs.ErrNotExist) {
			err = fmt.Errorf("atomicfile: removing the stale backup %s: %w", it.backup, e)
			break
		}
		st, e := os.Lstat(f.path)
		if errors.Is(e, fs.ErrNotExist) {
			continue
		}
		if e != nil {
			err = e
			break
		}
		if st.IsDir() {
			err = &fs.PathError{Op: "replace", Path: f.path, Err: errors.New("is a folder")}
			break
		}
		if e := link(f.path, it.backup); e != nil {
			if e := rename(f.path, it.backup); e != nil {
				err = e
				break
			}
			it.moved = true
		}
		it.had = true
	}
	if err == nil {
		for i, f := range files {
			if err = f.rename(); err != nil {
				break
			}
			items[i].placed = true
		}
	}
	if err != nil {
		return rollback(items, err)
	}
	for _, it := range items {
		if it.had {
			os.Remove(it.backup)
		}
	}
	return nil
}

// rollback undoes a swap that failed with err: each path gets back its old
// file, or loses the new one where it had none. It returns err, joined with
// any failure to restore a file (whose backup is then left in place).
func rollback(items []swapItem, err error) error {
	errs := []error{err}
	for _, it := range items {
		switch {
		case it.had && (it.placed || it.moved):
			if e := rename(it.backup, it.f.path); e != nil {
				errs = append(errs, fmt.Errorf("atomicfile: could not restore %s, its old content is in %s: %w", it.f.path, it.backup, e))
			}
		case it.had:
			os.Remove(it.backup) // a hard link: the file is still at its path
		case it.placed:
			os.Remove(it.f.path)
		}
	}
	return errors.Join(errs...)
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

// Create opens a temporary file in path's folder, named ".BASE.NNN.tmp", to
// be renamed to path by Commit. Its mode is that of the file at path, if
// any (plus owner read and write until Commit), or else 0666 less the umask.
func Create(path string) (*File, error) {
	perm := fs.FileMode(0o666)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		perm = st.Mode().Perm() | 0o600
	}
	prefix := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".")
	for try := 0; ; try++ {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10) + ".tmp"
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		if err != nil {
			return nil, err
		}
		pending.add(f.Name())
		return &File{f: f, path: path}, nil
	}
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Name returns the path the file will have once committed.
func (f *File) Name() string { return f.path }

// TempName returns the path of the temporary file.
func (f *File) TempName() string { return f.f.Name() }

// Commit syncs and closes the temporary file and renames it to the path
// given to Create, with the mode of the file it replaces (or, for a new
// file, 0666 less the umask). On failure the temporary file is removed and
// the old file, if any, is left as it was.
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

// finish syncs and closes the temporary file and gives it the permission
// bits of the file it replaces, if any; a temporary file for a new path
// keeps the mode it was created with, 0666 less the umask. (Should the
// target vanish between Create and finish, the temporary file keeps the
// bits it was created with, the old target's plus owner read and write.)
func (f *File) finish() error {
	if err := f.f.Sync(); err != nil {
		return err
	}
	f.closed = true
	if err := f.f.Close(); err != nil {
		return err
	}
	if st, err := os.Stat(f.path); err == nil && st.Mode().IsRegular() {
		return os.Chmod(f.f.Name(), st.Mode().Perm())
	}
	// A new path: check that the temporary file is still there (it may have
	// been removed by RemoveTemporary), as the Chmod above does.
	_, err := os.Lstat(f.f.Name())
	return err
}

// rename moves the closed temporary file into place.
func (f *File) rename() error {
	if err := rename(f.f.Name(), f.path); err != nil {
		return err
	}
	f.done = true
	pending.remove(f.f.Name())
	return nil
}

// RemoveTemporary removes every temporary file of this package not yet
// renamed into place or removed (those of Create, Write and WriteAll), and
// returns their paths. It is safe to call from any goroutine, such as a
// signal handler's, while writes are under way: a write whose temporary
// file it removed fails. It first waits for any swap of WriteAll under way
// to end, so that no set of files is left half swapped.
func RemoveTemporary() []string {
	swapMu.Lock()
	defer swapMu.Unlock()
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
