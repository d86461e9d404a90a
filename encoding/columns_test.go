package encoding

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/internal/schema"
)

// TestDocListsTheColumns keeps the package comment's list of the CSV
// columns in step with the field table the reader and writer use.
func TestDocListsTheColumns(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	columns := func(file string) []string {
		m := regexp.MustCompile(`(?m)^//\s+` + regexp.QuoteMeta(file) + `:\s+(\S+),attrs\.KEY\.\.\.$`).FindSubmatch(doc)
		require.NotNil(t, m, "doc.go lists the columns of %s", file)
		return strings.Split(string(m[1]), ",")
	}
	require.Equal(t, schema.Names(schema.Actor), columns(ActorsFile))
	require.Equal(t, schema.Names(schema.Link), columns(LinksFile))
}
