package generate_test

import (
	"bytes"
	"fmt"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/generate"
)

func ExampleNetwork() {
	n, err := generate.Network(generate.Options{Actors: 1000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Name)
	fmt.Println(n.NumActors(), "actors,", n.NumLinks(), "links, as of", n.AsOf)
	a := n.Actors()[0]
	fmt.Println(a.ID, a.Kind, a.Level, a.Country, a.Region)
	// Output:
	// synthetic labour market (1000 actors, seed 1)
	// 1000 actors, 5000 links, as of 2025-01-01
	// nat-CZ national-authority national CZ CZ001
}

func ExampleWrite() {
	var buf bytes.Buffer
	if err := generate.Write(&buf, generate.Options{Actors: 500, Seed: 7, Countries: 2}); err != nil {
		fmt.Println(err)
		return
	}
	n, err := encoding.ReadJSON(&buf, "generated.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.NumActors(), "actors,", n.NumLinks(), "links")
	// Output:
	// 500 actors, 2500 links
}
