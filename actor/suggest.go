package actor

import "strings"

// countryMistakes maps country codes and names that people write for an
// ISO 3166-1 alpha-2 code to the code: the codes the EU and others use
// where ISO differs (UK, EL), the ISO alpha-3 and sports codes of European
// countries, and their English names. Keys are upper case.
var countryMistakes = map[string]string{
	// Codes that are not ISO 3166-1 alpha-2 but look like one.
	"UK": "GB",             // the EU's and common use; ISO 3166-1 has GB
	"EL": "GR",             // the EU's own code for Greece
	"KV": "XK", "KS": "XK", // Kosovo
	"SP": "ES", "SW": "SE", "DA": "DK", "PO": "PL", "BU": "BG",
	// ISO 3166-1 alpha-3 and sports codes.
	"ALB": "AL", "AND": "AD", "ARM": "AM", "AUT": "AT", "AZE": "AZ", "BEL": "BE",
	"BGR": "BG", "BUL": "BG", "BIH": "BA", "BLR": "BY", "CHE": "CH", "SUI": "CH",
	"CYP": "CY", "CZE": "CZ", "DEU": "DE", "GER": "DE", "DNK": "DK", "DEN": "DK",
	"ESP": "ES", "EST": "EE", "FIN": "FI", "FRA": "FR", "GBR": "GB", "ENG": "GB",
	"SCO": "GB", "WAL": "GB", "NIR": "GB", "GEO": "GE", "GRC": "GR", "GRE": "GR",
	"HRV": "HR", "CRO": "HR", "HUN": "HU", "IRL": "IE", "ISL": "IS", "ITA": "IT",
	"KOS": "XK", "XKX": "XK", "LIE": "LI", "LTU": "LT", "LUX": "LU", "LVA": "LV",
	"LAT": "LV", "MCO": "MC", "MON": "MC", "MDA": "MD", "MNE": "ME", "MKD": "MK",
	"MLT": "MT", "NLD": "NL", "NED": "NL", "NOR": "NO", "POL": "PL", "PRT": "PT",
	"POR": "PT", "ROU": "RO", "ROM": "RO", "SRB": "RS", "RUS": "RU", "SMR": "SM",
	"SVK": "SK", "SVN": "SI", "SLO": "SI", "SWE": "SE", "TUR": "TR", "UKR": "UA",
	"USA": "US", "VAT": "VA",
	// English names.
	"ALBANIA": "AL", "AUSTRIA": "AT", "BELGIUM": "BE", "BOSNIA AND HERZEGOVINA": "BA",
	"BULGARIA": "BG", "CROATIA": "HR", "CYPRUS": "CY", "CZECHIA": "CZ",
	"CZECH REPUBLIC": "CZ", "DENMARK": "DK", "ESTONIA": "EE", "FINLAND": "FI",
	"FRANCE": "FR", "GERMANY": "DE", "GREECE": "GR", "HUNGARY": "HU", "ICELAND": "IS",
	"IRELAND": "IE", "ITALY": "IT", "KOSOVO": "XK", "LATVIA": "LV", "LITHUANIA": "LT",
	"LUXEMBOURG": "LU", "MALTA": "MT", "MOLDOVA": "MD", "MONTENEGRO": "ME",
	"NETHERLANDS": "NL", "THE NETHERLANDS": "NL", "HOLLAND": "NL", "NORTH MACEDONIA": "MK",
	"NORWAY": "NO", "POLAND": "PL", "PORTUGAL": "PT", "ROMANIA": "RO", "SERBIA": "RS",
	"SLOVAKIA": "SK", "SLOVENIA": "SI", "SPAIN": "ES", "SWEDEN": "SE",
	"SWITZERLAND": "CH", "TURKEY": "TR", "TÜRKIYE": "TR", "UKRAINE": "UA",
	"UNITED KINGDOM": "GB", "GREAT BRITAIN": "GB", "BRITAIN": "GB", "ENGLAND": "GB",
	"SCOTLAND": "GB", "WALES": "GB", "NORTHERN IRELAND": "GB",
	"UNITED STATES": "US", "EUROPEAN UNION": "EU",
}

// SuggestCountry returns the ISO 3166-1 alpha-2 code that a country code
// or name that ValidCountry rejects was probably meant to be: the
// code in upper case ("cz" → "CZ"), or the code of a known mistake ("UK" →
// "GB", "EL" → "GR", "DEU" → "DE", "Czech Republic" → "CZ"). It returns ""
// when it knows none.
func SuggestCountry(v string) string {
	up := strings.ToUpper(strings.TrimSpace(v))
	if c, ok := countryMistakes[up]; ok && ValidCountry(c) {
		return c
	}
	if up != v && ValidCountry(up) {
		return up
	}
	return ""
}
