package xlsx_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/network"
)

func TestKumuRoundTripExamples(t *testing.T) {
	for _, path := range datasets {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, err := encoding.Load(path)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, xlsx.WriteKumu(&b, want))
			got, warnings, err := xlsx.ReadWith(bytes.NewReader(b.Bytes()), "kumu.xlsx", xlsx.Options{})
			require.NoError(t, err)
			require.Empty(t, warnings)
			sameNetwork(t, want, got, path)
		})
	}
}

// TestKumuRoundTripEdgeCases writes every kind and link kind, labels
// shared by two actors, a label equal to another actor's ID, and an actor
// without a name.
func TestKumuRoundTripEdgeCases(t *testing.T) {
	want := network.New("")
	for _, k := range actor.Kinds() {
		require.NoError(t, want.AddActor(actor.Actor{ID: "k-" + k.String(), Name: "Kind " + k.String(), Kind: k}))
	}
	require.NoError(t, want.AddActor(actor.Actor{ID: "x1", Name: "Same", Kind: actor.School, Themes: []string{"a", "b c"}, Sectors: []string{"tourism"}}))
	require.NoError(t, want.AddActor(actor.Actor{ID: "x2", Name: "Same", Kind: actor.School, Attrs: map[string]string{"description": "second", "type": "Think tank"}}))
	require.NoError(t, want.AddActor(actor.Actor{ID: "Same", Name: "Other", Kind: actor.NGO}))
	require.NoError(t, want.AddActor(actor.Actor{ID: "y", Name: "x1", Kind: actor.NGO}))
	require.NoError(t, want.AddActor(actor.Actor{ID: "Vratsa", Name: "Vratsa", Kind: actor.Municipality}))
	require.NoError(t, want.AddActor(actor.Actor{ID: "nameless", Kind: actor.Person}))
	for i, k := range network.LinkKinds() {
		require.NoError(t, want.AddLink(network.Link{From: "x1", To: "x2", Kind: k, Direction: network.Direction(i % 3),
			Attrs: map[string]string{"description": "d"}, Money: &network.Money{Amount: 5, Currency: "EUR"}}))
	}
	require.NoError(t, want.AddLink(network.Link{From: "Same", To: "y", Kind: network.Funding}))
	require.NoError(t, want.AddLink(network.Link{From: "Vratsa", To: "nameless", Kind: network.Service}))
	require.NoError(t, want.AddLink(network.Link{From: "y", To: "x1", Kind: network.Funding, TargetGroups: []string{"youth", "over-55"}}))

	var b bytes.Buffer
	require.NoError(t, xlsx.WriteKumu(&b, want))
	got, warnings, err := xlsx.ReadWith(bytes.NewReader(b.Bytes()), "kumu.xlsx", xlsx.Options{})
	require.NoError(t, err)
	require.Empty(t, warnings)
	sameNetwork(t, want, got, "edge cases")

	nameless := network.New("")
	require.NoError(t, nameless.AddActor(actor.Actor{ID: "a", Kind: actor.Person}))
	b.Reset()
	require.NoError(t, xlsx.WriteKumu(&b, nameless))
	got, err = xlsx.Read(bytes.NewReader(b.Bytes()), "kumu.xlsx")
	require.NoError(t, err)
	require.Equal(t, []actor.Actor{{ID: "a", Kind: actor.Person}}, got.Actors())
}

func TestWriteKumuLayout(t *testing.T) {
	n := network.New("")
	require.NoError(t, n.AddActor(actor.Actor{ID: "lo", Name: "Labour office Vratsa", Kind: actor.LabourOffice, Themes: []string{"employment", "youth"}, Attrs: map[string]string{"description": "Local office"}}))
	require.NoError(t, n.AddActor(actor.Actor{ID: "Vratsa", Name: "Vratsa", Kind: actor.Municipality}))
	require.NoError(t, n.AddLink(network.Link{From: "Vratsa", To: "lo", Kind: network.Cooperation, Direction: network.Undirected}))
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteKumu(&b, n))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, []string{"Elements", "Connections"}, f.GetSheetList())
	rows, err := f.GetRows("Elements")
	require.NoError(t, err)
	require.Equal(t, []string{"Label", "Type", "Description", "Tags", "ID", "level", "country", "region", "aggregate", "count", "sectors", "targetGroups", "skills"}, rows[0])
	require.Equal(t, []string{"Labour office Vratsa", "Labour office", "Local office", "employment|youth", "lo"}, rows[1])
	require.Equal(t, []string{"Vratsa", "Municipality"}, rows[2])
	rows, err = f.GetRows("Connections")
	require.NoError(t, err)
	require.Equal(t, []string{"From", "To", "Type", "Direction", "Description"}, rows[0][:5])
	require.Equal(t, []string{"Vratsa", "Labour office Vratsa", "Cooperation", "undirected"}, rows[1])
}

// kumuBook is a workbook as Kumu's import template has it, with types Kumu
// users give.
func kumuBook(t *testing.T) []byte {
	return book(t,
		sheet{"Elements", [][]any{
			row("Label", "Type", "Description", "Tags", "Image", "Country"),
			row("Vratsa Municipality", "Government", "The town hall", "employment | youth", "", "BG"),
			row("Open Society Foundation", "Foundation", "", "", "https://example.org/logo.png"),
			row("Acme Ltd", "Company"),
			row("Youth Club", "Club", "Meets on Fridays"),
			row("Maria Petrova", "person"),
			row("Labour Office Vratsa", "labour office"),
		}},
		sheet{"Connections", [][]any{
			row("From", "To", "Type", "Direction", "Strength"),
			row("Open Society Foundation", "Youth Club", "Funding", "directed"),
			row("Vratsa Municipality", "Youth Club", "Partnership", "mutual", "3"),
			row("Acme Ltd", "labour office vratsa", "mentoring", ""),
			row("Maria Petrova", "Youth Club", "member of", "undirected"),
		}},
	)
}

func TestReadKumuWithUnknownTypes(t *testing.T) {
	n, warnings, err := xlsx.ReadWith(bytes.NewReader(kumuBook(t)), "kumu.xlsx", xlsx.Options{})
	require.NoError(t, err)
	require.Equal(t, []actor.Actor{
		{ID: "Vratsa Municipality", Name: "Vratsa Municipality", Kind: actor.Municipality, Country: "BG", Themes: []string{"employment", "youth"}, Attrs: map[string]string{"description": "The town hall"}},
		{ID: "Open Society Foundation", Name: "Open Society Foundation", Kind: actor.Fund, Attrs: map[string]string{"Image": "https://example.org/logo.png"}},
		{ID: "Acme Ltd", Name: "Acme Ltd", Kind: actor.Employer},
		{ID: "Youth Club", Name: "Youth Club", Kind: actor.Organisation, Attrs: map[string]string{"type": "Club", "description": "Meets on Fridays"}},
		{ID: "Maria Petrova", Name: "Maria Petrova", Kind: actor.Person},
		{ID: "Labour Office Vratsa", Name: "Labour Office Vratsa", Kind: actor.LabourOffice},
	}, n.Actors())
	links := n.Links()
	require.Len(t, links, 4)
	require.Equal(t, network.Link{From: "Open Society Foundation", To: "Youth Club", Kind: network.Funding, Direction: network.Directed}, links[0])
	require.Equal(t, network.Link{From: "Vratsa Municipality", To: "Youth Club", Kind: network.Partnership, Direction: network.Undirected, Attrs: map[string]string{"Strength": "3"}}, links[1])
	require.Equal(t, network.Link{From: "Acme Ltd", To: "Labour Office Vratsa", Kind: network.Cooperation, Attrs: map[string]string{"type": "mentoring"}}, links[2])
	require.Equal(t, network.Membership, links[3].Kind)
	var got []string
	for _, w := range warnings {
		got = append(got, w.String())
	}
	require.Equal(t, []string{
		`kumu.xlsx[Elements]:5:2: Type: unknown Type "Club": read as kind organisation, the Type kept as attribute "type"`,
		`kumu.xlsx[Connections]:4:3: Type: unknown Type "mentoring": read as kind cooperation, the Type kept as attribute "type"`,
	}, got)
}

func TestReadKumuErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		sheets []sheet
		want   []string
	}{{
		name:   "no Label",
		sheets: []sheet{{"Elements", [][]any{row("Name", "Type"), row("a", "person")}}},
		want:   []string{`k.xlsx[Elements]:1: Label: malformed file: missing required column "Label"`},
	}, {
		name: "no From",
		sheets: []sheet{
			{"Elements", [][]any{row("Label"), row("a")}},
			{"Connections", [][]any{row("Source", "To"), row("a", "a")}},
		},
		want: []string{`k.xlsx[Connections]:1: From: malformed file: missing required column "From"`},
	}, {
		name: "bad cells",
		sheets: []sheet{
			{"Elements", [][]any{row("Label", "count"), row("a", "many"), row("", "2"), row("b")}},
			{"Connections", [][]any{row("From", "To", "Direction"), row("a", "b", "sideways"), row("b", "", ""), row("b", "zz")}},
		},
		want: []string{
			`k.xlsx[Elements]:2:2: count: malformed file: "many" is not a whole number`,
			`k.xlsx[Elements]:3: Label: empty ID: empty Label`,
			`k.xlsx[Connections]:2:3: Direction: unknown direction "sideways" (valid: directed, undirected, mutual)`,
			`k.xlsx[Connections]:3:2: To: empty ID: empty cell in required column`,
			`k.xlsx[Connections]:4: link #3 (b -> zz): to "zz": unknown actor`,
		},
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, err := xlsx.Read(bytes.NewReader(book(t, c.sheets...)), "k.xlsx")
			require.Equal(t, c.want, parseErrors(t, err))
		})
	}
}
