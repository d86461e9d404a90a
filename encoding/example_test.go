package encoding_test

import (
	"fmt"
	"strings"

	"github.com/labournet/labournet/encoding"
)

func ExampleReadJSON() {
	const file = `{"format": "labournet/1", "name": "Kielce",
	  "actors": [{"id": "city", "kind": "municipality"}, {"id": "mup", "kind": "labour-office"}],
	  "links": [{"from": "city", "to": "mup", "kind": "cooperation", "cadence": "quarterly"}]}`
	n, err := encoding.ReadJSON(strings.NewReader(file), "kielce.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	l := n.Links()[0]
	fmt.Println(n.Name, n.NumActors(), "actors;", l.From, "-", l.To, l.Kind, l.Cadence.PerYear, "meetings a year")
	// Output: Kielce 2 actors; city - mup cooperation 4 meetings a year
}

func ExampleReadJSON_errors() {
	const file = `{"format": "labournet/1",
	  "actors": [{"id": "city", "kind": "municipality"}],
	  "links": [{"from": "city", "to": "mup", "kind": "cooperation"}]}`
	_, err := encoding.ReadJSON(strings.NewReader(file), "kielce.json")
	fmt.Println(err)
	// Output: kielce.json:3: links[0]: link #1 (city -> mup): to "mup": unknown actor
}

func ExampleLoad() {
	n, err := encoding.Load("testdata/rich.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Name+":", n.NumActors(), "actors,", n.NumLinks(), "links")
	// Output: Rich sample: 4 actors, 4 links
}
