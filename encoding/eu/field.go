package eu

import "github.com/labournet/labournet/internal/schema"

// field is one of the importer's fields (see schema.ParticipationFields).
type field uint8

// The fields, in the order of schema.ParticipationFields.
const (
	fProject field = iota
	fAcronym
	fTitle
	fStart
	fEnd
	fStatus
	fProgramme
	fCall
	fTopic
	fScheme
	fFund
	fTotalCost
	fEUContribution
	fCurrency
	fProjectCountry
	fProjectNUTS
	fOrgID
	fVAT
	fName
	fShortName
	fType
	fSME
	fCountry
	fNUTS
	fCity
	fURL
	fRole
	fContribution
	fEnded
	fActive
	fOrder

	numFields
)

// numProjectFields counts the fields of a project (schema.ProjectFields).
const numProjectFields = fOrgID

// fieldNames are the fields' names, from package schema.
var fieldNames = schema.ParticipationFields

// fieldByName maps a field's name to the field.
var fieldByName = func() map[string]field {
	if len(fieldNames) != int(numFields) || len(schema.ProjectFields) != int(numProjectFields) {
		panic("eu: the field table and schema.ParticipationFields disagree")
	}
	m := make(map[string]field, numFields)
	for i, n := range fieldNames {
		m[n] = field(i)
	}
	return m
}()

func (f field) String() string { return fieldNames[f] }

// attrKind says whose attribute a column holds.
type attrKind uint8

const (
	linkAttr    attrKind = iota // "attrs.KEY": of the participation link
	orgAttr                     // "org.attrs.KEY": of the organisation
	projectAttr                 // "project.attrs.KEY": of the project
)
