//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// writeString writes s to path through Write.
func writeString(t *testing.T, path, s string) {
	t.Helper()
	require.NoError(t, Write(path, func(w io.Writer) error { _, err := io.WriteString(w, s); return err }))
}

func requireMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, want, st.Mode().Perm(), path)
}

// withUmask runs the test with the process's umask set to mask. The umask
// is process-wide: tests of this package do not run in parallel.
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

func TestModeKept(t *testing.T) {
	withUmask(t, 0o022)
	for _, mode := range []os.FileMode{0o600, 0o755, 0o666, 0o400} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(path, mode))

			// While it is written, the temporary file is readable by no
			// more users than the old file.
			require.NoError(t, Write(path, func(w io.Writer) error {
				entries, _ := os.ReadDir(dir)
				require.Len(t, entries, 2)
				for _, e := range entries {
					if e.Name() != "out.json" {
						st, err := os.Stat(filepath.Join(dir, e.Name()))
						require.NoError(t, err)
						require.Zero(t, st.Mode().Perm()&^(mode|0o600), "temporary file mode %v", st.Mode().Perm())
					}
				}
				_, err := io.WriteString(w, "new")
				return err
			}))
			requireMode(t, path, mode)

			f, err := Create(path)
			require.NoError(t, err)
			io.WriteString(f, "newer")
			require.NoError(t, f.Commit())
			requireMode(t, path, mode)
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, "newer", string(b))
		})
	}

	// Each file of a set keeps its own mode.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "actors.csv"), filepath.Join(dir, "links.csv")
	require.NoError(t, os.WriteFile(a, nil, 0o600))
	require.NoError(t, os.WriteFile(b, nil, 0o600))
	require.NoError(t, os.Chmod(b, 0o664))
	require.NoError(t, WriteAll([]string{a, b}, func([]io.Writer) error { return nil }))
	requireMode(t, a, 0o600)
	requireMode(t, b, 0o664)
}

func TestNewFileFollowsUmask(t *testing.T) {
	withUmask(t, 0o027)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	writeString(t, path, "new")
	requireMode(t, path, 0o640)

	f, err := Create(filepath.Join(dir, "out.svg"))
	require.NoError(t, err)
	require.NoError(t, f.Commit())
	requireMode(t, f.Name(), 0o640)

	a, b := filepath.Join(dir, "actors.csv"), filepath.Join(dir, "links.csv")
	require.NoError(t, WriteAll([]string{a, b}, func([]io.Writer) error { return nil }))
	requireMode(t, a, 0o640)
	requireMode(t, b, 0o640)

	syscall.Umask(0o002)
	c := filepath.Join(dir, "c.json")
	writeString(t, c, "c")
	requireMode(t, c, 0o664)
}
