package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.md")
	require.NoError(t, Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }))
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	require.ErrorIs(t, err, boom)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "first", string(b), "a failed write leaves the old file")
	entries, _ := os.ReadDir(filepath.Dir(path))
	require.Len(t, entries, 1, "no temporary file left")
	st, err := os.Stat(path)
	require.NoError(t, err)
	ref, err := os.Create(filepath.Join(t.TempDir(), "ref"))
	require.NoError(t, err)
	ref.Close()
	want, err := os.Stat(ref.Name())
	require.NoError(t, err)
	require.Equal(t, want.Mode().Perm(), st.Mode().Perm(), "a new file gets the mode os.Create gives")
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	write := func(sa, sb string, err error) error {
		return WriteAll([]string{a, b}, func(w []io.Writer) error {
			io.WriteString(w[0], sa)
			io.WriteString(w[1], sb)
			return err
		})
	}
	require.NoError(t, write("a1", "b1", nil))
	boom := errors.New("boom")
	require.ErrorIs(t, write("a2", "b2", boom), boom)
	for path, want := range map[string]string{a: "a1", b: "b1"} {
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, want, string(got), "a failed write leaves every old file")
	}
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 2, "no temporary files left")

	err := WriteAll([]string{filepath.Join(dir, "missing", "x")}, func([]io.Writer) error { return nil })
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestCreateCommitAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.svg")
	f, err := Create(path)
	require.NoError(t, err)
	require.Equal(t, path, f.Name())
	_, err = io.WriteString(f, "<svg/>")
	require.NoError(t, err)
	_, err = os.Stat(path)
	require.True(t, os.IsNotExist(err), "nothing at the path before Commit")
	require.NoError(t, f.Commit())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "<svg/>", string(b))
	require.Error(t, f.Commit(), "a second Commit fails")
	f.Abort() // does nothing after Commit
	_, err = os.Stat(path)
	require.NoError(t, err)

	g, err := Create(path)
	require.NoError(t, err)
	io.WriteString(g, "half")
	g.Abort()
	b, err = os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "<svg/>", string(b), "Abort leaves the old file")
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "no temporary file left")

	_, err = Create(filepath.Join(dir, "missing", "x.svg"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	a, err := Create(filepath.Join(dir, "a.json"))
	require.NoError(t, err)
	b, err := Create(filepath.Join(dir, "b.json"))
	require.NoError(t, err)
	done, err := Create(filepath.Join(dir, "c.json"))
	require.NoError(t, err)
	require.NoError(t, done.Commit())
	require.Equal(t, []string{a.TempName(), b.TempName()}, RemoveTemporary())
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "only the committed file is left")
	require.Error(t, a.Commit(), "a write whose temporary file was removed fails")
	require.Empty(t, RemoveTemporary())
	b.Abort()
}

// TestRemoveTemporaryInterruptedWrite stops a Write in the middle of its
// write function, as a signal does, and checks that RemoveTemporary removes
// its temporary file and that the Write then fails without leaving anything.
func TestRemoveTemporaryInterruptedWrite(t *testing.T) {
	require.Empty(t, RemoveTemporary())
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	started, release := make(chan struct{}), make(chan struct{})
	result := make(chan error, 1)
	go func() {
		result <- Write(path, func(w io.Writer) error {
			io.WriteString(w, "half")
			close(started)
			<-release
			_, err := io.WriteString(w, " and the rest")
			return err
		})
	}()
	<-started
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "the temporary file while Write runs")
	removed := RemoveTemporary()
	require.Equal(t, []string{filepath.Join(dir, entries[0].Name())}, removed)
	entries, _ = os.ReadDir(dir)
	require.Empty(t, entries, "RemoveTemporary removed the temporary file of Write")
	close(release)
	require.Error(t, <-result, "a Write whose temporary file was removed fails")
	entries, _ = os.ReadDir(dir)
	require.Empty(t, entries)
	require.Empty(t, RemoveTemporary())
}

// TestWriteAllSwap replaces a set of files, one of them new, and checks that
// no temporary file or backup is left, including a stale backup from an
// earlier, interrupted swap.
func TestWriteAllSwap(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "actors.csv"), filepath.Join(dir, "links.csv"), filepath.Join(dir, "extra.csv")
	require.NoError(t, os.WriteFile(a, []byte("a1"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("b1"), 0o644))
	require.NoError(t, os.WriteFile(BackupName(a), []byte("stale"), 0o644))
	require.Equal(t, filepath.Join(dir, ".actors.csv.labournet-old"), BackupName(a))
	require.NoError(t, WriteAll([]string{a, b, c}, func(w []io.Writer) error {
		for i, s := range []string{"a2", "b2", "c2"} {
			io.WriteString(w[i], s)
		}
		return nil
	}))
	requireFiles(t, dir, map[string]string{"actors.csv": "a2", "links.csv": "b2", "extra.csv": "c2"})
}

// TestWriteAllSwapFailure makes the second rename of a swap fail and checks
// that the old set is left whole, with no temporary file or backup left:
// with hard links for the backups and without (where renames replace them),
// and with the second file existing or new.
func TestWriteAllSwapFailure(t *testing.T) {
	for _, tc := range []struct {
		name        string
		noLinks     bool
		secondIsNew bool
	}{
		{"links", false, false},
		{"no links", true, false},
		{"links, second file new", false, true},
		{"no links, second file new", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "actors.csv"), filepath.Join(dir, "links.csv")
			old := map[string]string{"actors.csv": "a1"}
			require.NoError(t, os.WriteFile(a, []byte("a1"), 0o644))
			if !tc.secondIsNew {
				require.NoError(t, os.WriteFile(b, []byte("b1"), 0o644))
				old["links.csv"] = "b1"
			}
			boom := errors.New("boom")
			placed := 0
			rename = func(from, to string) error {
				if filepath.Ext(from) == ".tmp" {
					if placed++; placed == 2 {
						return &os.LinkError{Op: "rename", Old: from, New: to, Err: boom}
					}
				}
				return os.Rename(from, to)
			}
			t.Cleanup(func() { rename = os.Rename })
			if tc.noLinks {
				link = func(string, string) error { return errors.New("no hard links here") }
				t.Cleanup(func() { link = os.Link })
			}
			err := WriteAll([]string{a, b}, func(w []io.Writer) error {
				io.WriteString(w[0], "a2")
				io.WriteString(w[1], "b2")
				return nil
			})
			require.ErrorIs(t, err, boom)
			require.Equal(t, 2, placed, "the first file was placed, the second failed")
			requireFiles(t, dir, old)
			require.Empty(t, RemoveTemporary())
		})
	}
}

// TestWriteAllOntoFolder checks that a swap whose second path is a folder
// fails before it changes anything.
func TestWriteAllOntoFolder(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "actors.csv"), filepath.Join(dir, "links.csv")
	require.NoError(t, os.WriteFile(a, []byte("a1"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(b, "inside"), 0o755))
	err := WriteAll([]string{a, b}, func(w []io.Writer) error {
		io.WriteString(w[0], "a2")
		io.WriteString(w[1], "b2")
		return nil
	})
	require.Error(t, err)
	got, err := os.ReadFile(a)
	require.NoError(t, err)
	require.Equal(t, "a1", string(got))
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.Equal(t, []string{"actors.csv", "links.csv"}, names, "no temporary file or backup left")
	require.Empty(t, RemoveTemporary())
}

// requireFiles checks that dir holds exactly the files of want, with their
// contents.
func requireFiles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	got := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		got[e.Name()] = string(b)
	}
	require.Equal(t, want, got)
}
