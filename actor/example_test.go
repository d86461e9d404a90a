package actor_test

import (
	"fmt"

	"github.com/labournet/labournet/actor"
)

func ExampleParseKind() {
	k, err := actor.ParseKind("Labour_Office")
	fmt.Println(k, err)
	_, err = actor.ParseKind("bakery")
	fmt.Println(err != nil)
	// Output:
	// labour-office <nil>
	// true
}
