package eu

import (
	"strings"

	"github.com/labournet/labournet/actor"
)

// kindWords guess an organisation's kind from the words of a type that
// publishers write as free text (Erasmus+ "Higher education institution
// (tertiary level)", keep.eu "Local public authority"). The first rule
// whose words all appear in the normal form of the type wins; the order
// puts the narrower rules first.
var kindWords = []struct {
	words []string
	kind  actor.Kind
}{
	{[]string{"higher", "education"}, actor.University},
	{[]string{"university"}, actor.University},
	{[]string{"research"}, actor.ResearchOrganisation},
	{[]string{"local", "public"}, actor.Municipality},
	{[]string{"municipal"}, actor.Municipality},
	{[]string{"regional", "public"}, actor.RegionalAuthority},
	{[]string{"national", "public"}, actor.NationalAuthority},
	{[]string{"ministry"}, actor.NationalAuthority},
	{[]string{"employment"}, actor.EmploymentAgency},
	{[]string{"chamber"}, actor.Chamber},
	{[]string{"trade", "union"}, actor.TradeUnion},
	{[]string{"business", "support"}, actor.Chamber},
	{[]string{"employers"}, actor.EmployerAssociation},
	{[]string{"school"}, actor.School},
	{[]string{"vocational"}, actor.TrainingProvider},
	{[]string{"training"}, actor.TrainingProvider},
	{[]string{"adult", "education"}, actor.TrainingProvider},
	{[]string{"library"}, actor.Library},
	{[]string{"ngo"}, actor.NGO},
	{[]string{"non", "profit"}, actor.NGO},
	{[]string{"foundation"}, actor.NGO},
	{[]string{"association"}, actor.NGO},
	{[]string{"social"}, actor.SocialService},
	{[]string{"sme"}, actor.Employer},
	{[]string{"enterprise"}, actor.Employer},
	{[]string{"company"}, actor.Employer},
	{[]string{"profit"}, actor.Employer},
	{[]string{"development", "agency"}, actor.DevelopmentAgency},
	{[]string{"public"}, actor.PublicBody},
	{[]string{"agency"}, actor.PublicBody},
}

// guessKind returns the kind that the words of a free-text type name.
func guessKind(t string) (actor.Kind, bool) {
	words := strings.Fields(normalName(t))
	for _, r := range kindWords {
		all := true
		for _, w := range r.words {
			found := false
			for _, x := range words {
				if x == w || strings.HasPrefix(x, w) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return r.kind, true
		}
	}
	return 0, false
}
