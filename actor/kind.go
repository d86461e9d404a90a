package actor

import (
	"fmt"
	"strings"
)

// Kind is the type of an actor. Its zero value is Organisation, the generic
// kind for anything that fits no other.
//
// Kinds print as kebab-case names and parse back from them; JSON and CSV use
// those names.
type Kind uint8

// The actor kinds. The comment gives each one's name in files.
const (
	Organisation         Kind = iota // "organisation": any organisation no other kind fits
	Municipality                     // "municipality": a town or city and its administration
	RegionalAuthority                // "regional-authority": regional government (a region, voivodeship, county)
	NationalAuthority                // "national-authority": a ministry or other national administration
	LabourOffice                     // "labour-office": a public labour office or one of its directorates
	EmploymentAgency                 // "employment-agency": a national employment agency or service
	Employer                         // "employer": a firm or any other employer acting as such
	EmployerAssociation              // "employer-association": an association or federation of employers
	Chamber                          // "chamber": a chamber of commerce, industry or crafts
	TradeUnion                       // "trade-union": a trade union or confederation of unions
	University                       // "university": a university or other higher-education institution
	School                           // "school": a primary, secondary or vocational school
	TrainingProvider                 // "training-provider": an adult-education or vocational training centre
	Library                          // "library": a public library
	NGO                              // "ngo": a non-governmental, non-profit organisation
	SocialService                    // "social-service": a provider of social services
	TechnologyPark                   // "technology-park": a technology or science park, incubator
	Consultancy                      // "consultancy": a consultancy or private service firm acting as adviser
	Programme                        // "programme": a funding or policy programme (Interreg, an operational programme)
	Fund                             // "fund": a fund that finances programmes (ERDF, ESF+)
	Project                          // "project": a project or project network
	Body                             // "body": a committee, board, working group, local group or pact body
	Person                           // "person": an individual (an expert, a methodologist)
	TargetGroup                      // "target-group": a population served (young people of a district), as a node
	DevelopmentAgency                // "development-agency": a regional development agency or association
	ResearchOrganisation             // "research-organisation": a research institute or centre outside higher education
	PublicBody                       // "public-body": a public authority or agency whose territorial level the source does not give

	numKinds // keep last
)

var kindNames = [numKinds]string{
	Organisation:         "organisation",
	Municipality:         "municipality",
	RegionalAuthority:    "regional-authority",
	NationalAuthority:    "national-authority",
	LabourOffice:         "labour-office",
	EmploymentAgency:     "employment-agency",
	Employer:             "employer",
	EmployerAssociation:  "employer-association",
	Chamber:              "chamber",
	TradeUnion:           "trade-union",
	University:           "university",
	School:               "school",
	TrainingProvider:     "training-provider",
	Library:              "library",
	NGO:                  "ngo",
	SocialService:        "social-service",
	TechnologyPark:       "technology-park",
	Consultancy:          "consultancy",
	Programme:            "programme",
	Fund:                 "fund",
	Project:              "project",
	Body:                 "body",
	Person:               "person",
	TargetGroup:          "target-group",
	DevelopmentAgency:    "development-agency",
	ResearchOrganisation: "research-organisation",
	PublicBody:           "public-body",
}

// Kinds returns every kind, in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, numKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// String returns the kind's kebab-case name, or "kind(N)" for a value outside
// the defined range.
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Noun returns the kind in words, as a report writes it: "training
// provider", "labour office", "NGO".
func (k Kind) Noun() string {
	if k == NGO {
		return "NGO"
	}
	return strings.ReplaceAll(k.String(), "-", " ")
}

// Valid reports whether k is one of the defined kinds.
func (k Kind) Valid() bool { return k < numKinds }

// ParseKind returns the kind named s. Matching ignores case and surrounding
// space and accepts underscores or spaces for hyphens ("labour_office"), and
// the spelling "organization". An unknown name returns an error wrapping
// ErrUnknownKind that lists the valid names.
func ParseKind(s string) (Kind, error) {
	norm := normalizeName(s)
	switch norm {
	case "organization":
		return Organisation, nil
	case "research-organization":
		return ResearchOrganisation, nil
	}
	for k, name := range kindNames {
		if name == norm {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("%w %q (valid: %s)", ErrUnknownKind, s, strings.Join(kindNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("%w: %d", ErrUnknownKind, uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseKind.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// normalizeName lower-cases s, trims it and turns '_' and ' ' into '-'.
func normalizeName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		if r == '_' || r == ' ' {
			return '-'
		}
		return r
	}, s)
}
