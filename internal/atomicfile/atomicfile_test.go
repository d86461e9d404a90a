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
	require.Equal(t, os.FileMode(0o644), st.Mode().Perm())
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
