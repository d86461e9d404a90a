package cordisgen

// The word lists and country tables the generator draws from. Country
// weights follow the shares of H2020 participations by country (CORDIS,
// H2020 dashboard: Germany about 13%, Spain and Italy about 10% each,
// France 9%, the United Kingdom 8%, ...); the regions are real NUTS 3
// codes of each country's research centres, with the city the code holds.

// place is one NUTS 3 region and a city in it.
type place struct {
	nuts, city string
	lat, lon   float64
}

// country is what the generator knows of one country.
type country struct {
	code   string  // as CORDIS writes it ("EL" for Greece, "UK")
	weight float64 // share of new organisations, in percent
	vat    string  // VAT prefix
	digits int     // digits of a VAT number after the prefix
	vatEnd string  // what follows the digits ("B01" in the Netherlands)
	tld    string
	places []place
	forms  []string // legal forms of companies
	assoc  string   // legal form of associations and foundations, or ""
	univ   []string // local names of universities, "%s" the city
	people []string // surnames for company names
	street string   // street address, %s a surname and %d a number
	post   string   // postcode pattern: 9 a digit, A a letter
}

var countries = []country{
	{code: "DE", weight: 13.2, vat: "DE", digits: 9, tld: "de", forms: []string{"GmbH", "GmbH", "AG", "GmbH & Co. KG"}, assoc: "e.V.",
		univ:   []string{"Universität %s", "Technische Universität %s", "Hochschule %s"},
		people: []string{"Weber", "Schneider", "Fischer", "Becker", "Hoffmann", "Krause", "Wagner", "Zimmermann"},
		street: "%sstraße %d", post: "99999",
		places: []place{{"DE300", "Berlin", 52.52, 13.40}, {"DE212", "München", 48.14, 11.58}, {"DEA23", "Köln", 50.94, 6.96},
			{"DE111", "Stuttgart", 48.78, 9.18}, {"DED21", "Dresden", 51.05, 13.74}, {"DE600", "Hamburg", 53.55, 9.99},
			{"DE125", "Heidelberg", 49.40, 8.67}, {"DED41", "Chemnitz", 50.83, 12.92}}},
	{code: "ES", weight: 10.4, vat: "ESB", digits: 8, tld: "es", forms: []string{"SL", "SA", "SL"}, assoc: "Asociación",
		univ:   []string{"Universidad de %s", "Universidad Politécnica de %s"},
		people: []string{"García", "Fernández", "López", "Martínez", "Sánchez", "Romero"},
		street: "Calle %s %d", post: "99999",
		places: []place{{"ES300", "Madrid", 40.42, -3.70}, {"ES511", "Barcelona", 41.39, 2.17}, {"ES523", "Valencia", 39.47, -0.38},
			{"ES213", "Bilbao", 43.26, -2.93}, {"ES618", "Sevilla", 37.39, -5.98}}},
	{code: "IT", weight: 10.1, vat: "IT", digits: 11, tld: "it", forms: []string{"SRL", "SPA", "SRL"}, assoc: "Associazione",
		univ:   []string{"Università degli Studi di %s", "Politecnico di %s"},
		people: []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"},
		street: "Via %s %d", post: "99999",
		places: []place{{"ITC4C", "Milano", 45.46, 9.19}, {"ITI43", "Roma", 41.90, 12.50}, {"ITC11", "Torino", 45.07, 7.69},
			{"ITH55", "Bologna", 44.49, 11.34}, {"ITF33", "Napoli", 40.85, 14.27}, {"ITI14", "Firenze", 43.77, 11.26}}},
	{code: "FR", weight: 9.3, vat: "FR", digits: 11, tld: "fr", forms: []string{"SAS", "SA", "SARL"}, assoc: "Association",
		univ:   []string{"Université de %s", "Institut National Polytechnique de %s"},
		people: []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit"},
		street: "%[2]d rue %[1]s", post: "99999",
		places: []place{{"FR101", "Paris", 48.86, 2.35}, {"FRK24", "Grenoble", 45.19, 5.72}, {"FRJ23", "Toulouse", 43.60, 1.44},
			{"FRI12", "Bordeaux", 44.84, -0.58}, {"FRL04", "Marseille", 43.30, 5.37}, {"FR104", "Palaiseau", 48.71, 2.25}}},
	{code: "UK", weight: 8.1, vat: "GB", digits: 9, tld: "co.uk", forms: []string{"Ltd", "LIMITED", "PLC"},
		people: []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies"},
		street: "%[2]d %[1]s Road", post: "AA9 9AA",
		places: []place{{"UKI31", "London", 51.51, -0.13}, {"UKJ14", "Oxford", 51.75, -1.26}, {"UKH12", "Cambridge", 52.21, 0.12},
			{"UKM75", "Edinburgh", 55.95, -3.19}, {"UKD33", "Manchester", 53.48, -2.24}, {"UKE42", "Leeds", 53.80, -1.55}}},
	{code: "NL", weight: 6.1, vat: "NL", digits: 9, vatEnd: "B01", tld: "nl", forms: []string{"BV", "BV", "NV"}, assoc: "Stichting",
		univ:   []string{"Universiteit %s", "Technische Universiteit %s", "Hogeschool %s"},
		people: []string{"de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser"},
		street: "%sweg %d", post: "9999 AA",
		places: []place{{"NL329", "Amsterdam", 52.37, 4.90}, {"NL333", "Delft", 52.01, 4.36}, {"NL310", "Utrecht", 52.09, 5.12},
			{"NL414", "Eindhoven", 51.44, 5.47}}},
	{code: "BE", weight: 5.2, vat: "BE", digits: 10, tld: "be", forms: []string{"NV", "SA", "BV", "SRL"}, assoc: "VZW",
		univ:   []string{"Universiteit %s", "Université de %s"},
		people: []string{"Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Willems"},
		street: "%sstraat %d", post: "9999",
		places: []place{{"BE100", "Bruxelles", 50.85, 4.35}, {"BE242", "Leuven", 50.88, 4.70}, {"BE234", "Gent", 51.05, 3.72},
			{"BE211", "Antwerpen", 51.22, 4.40}}},
	{code: "EL", weight: 3.6, vat: "EL", digits: 9, tld: "gr", forms: []string{"AE", "IKE", "EPE"}, assoc: "AMKE",
		people: []string{"Papadopoulos", "Georgiou", "Nikolaou", "Dimitriou", "Pappas"},
		street: "Odos %s %d", post: "999 99",
		places: []place{{"EL303", "Athina", 37.98, 23.73}, {"EL522", "Thessaloniki", 40.64, 22.94}, {"EL431", "Irakleio", 35.34, 25.13}}},
	{code: "PT", weight: 2.6, vat: "PT", digits: 9, tld: "pt", forms: []string{"LDA", "SA", "LDA"}, assoc: "Associação",
		univ:   []string{"Universidade de %s", "Instituto Politécnico de %s"},
		people: []string{"Silva", "Santos", "Ferreira", "Pereira", "Costa", "Oliveira"},
		street: "Rua %s %d", post: "9999-999",
		places: []place{{"PT170", "Lisboa", 38.72, -9.14}, {"PT11A", "Porto", 41.15, -8.61}, {"PT16E", "Coimbra", 40.21, -8.43}}},
	{code: "AT", weight: 2.8, vat: "ATU", digits: 8, tld: "at", forms: []string{"GmbH", "GmbH", "AG"}, assoc: "Verein",
		univ:   []string{"Universität %s", "Technische Universität %s", "Fachhochschule %s"},
		people: []string{"Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner"},
		street: "%sgasse %d", post: "9999",
		places: []place{{"AT130", "Wien", 48.21, 16.37}, {"AT221", "Graz", 47.07, 15.44}, {"AT332", "Innsbruck", 47.27, 11.40},
			{"AT323", "Salzburg", 47.81, 13.06}}},
	{code: "SE", weight: 2.7, vat: "SE", digits: 12, tld: "se", forms: []string{"AB"}, assoc: "Ideell Förening",
		univ:   []string{"%s universitet", "Kungliga Tekniska Högskolan %s"},
		people: []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson"},
		street: "%sgatan %d", post: "999 99",
		places: []place{{"SE110", "Stockholm", 59.33, 18.07}, {"SE232", "Göteborg", 57.71, 11.97}, {"SE224", "Lund", 55.70, 13.19}}},
	{code: "DK", weight: 2.0, vat: "DK", digits: 8, tld: "dk", forms: []string{"ApS", "A/S"}, assoc: "Forening",
		univ:   []string{"%s Universitet"},
		people: []string{"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen"},
		street: "%svej %d", post: "9999",
		places: []place{{"DK011", "København", 55.68, 12.57}, {"DK042", "Aarhus", 56.16, 10.20}}},
	{code: "FI", weight: 2.1, vat: "FI", digits: 8, tld: "fi", forms: []string{"Oy", "Oyj"}, assoc: "ry",
		univ:   []string{"%s yliopisto", "%s ammattikorkeakoulu"},
		people: []string{"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen"},
		street: "%sntie %d", post: "99999",
		places: []place{{"FI1B1", "Helsinki", 60.17, 24.94}, {"FI197", "Tampere", 61.50, 23.76}, {"FI1D9", "Oulu", 65.01, 25.47}}},
	{code: "IE", weight: 1.8, vat: "IE", digits: 7, vatEnd: "W", tld: "ie", forms: []string{"Limited", "DAC", "Ltd"}, assoc: "CLG",
		people: []string{"Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan"},
		street: "%[2]d %[1]s Street", post: "A99 AA99",
		places: []place{{"IE061", "Dublin", 53.35, -6.26}, {"IE053", "Cork", 51.90, -8.47}, {"IE042", "Galway", 53.27, -9.06}}},
	{code: "CH", weight: 1.9, vat: "CHE", digits: 9, tld: "ch", forms: []string{"AG", "SA", "GmbH"}, assoc: "Stiftung",
		univ:   []string{"Universität %s", "Université de %s", "Eidgenössische Technische Hochschule %s"},
		people: []string{"Müller", "Meier", "Schmid", "Keller", "Weber", "Favre"},
		street: "%sstrasse %d", post: "9999",
		places: []place{{"CH040", "Zürich", 47.38, 8.54}, {"CH013", "Genève", 46.20, 6.14}, {"CH011", "Lausanne", 46.52, 6.63}}},
	{code: "NO", weight: 1.6, vat: "NO", digits: 9, vatEnd: "MVA", tld: "no", forms: []string{"AS", "ASA"}, assoc: "Stiftelsen",
		univ:   []string{"Universitetet i %s"},
		people: []string{"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Berg"},
		street: "%sveien %d", post: "9999",
		places: []place{{"NO081", "Oslo", 59.91, 10.75}, {"NO060", "Trondheim", 63.43, 10.40}, {"NO0A1", "Bergen", 60.39, 5.32}}},
	{code: "PL", weight: 1.8, vat: "PL", digits: 10, tld: "pl", forms: []string{"Sp. z o.o.", "Sp. z o.o.", "S.A."}, assoc: "Fundacja",
		univ:   []string{"Uniwersytet %s", "Politechnika %s"},
		people: []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"},
		street: "ul. %s %d", post: "99-999",
		places: []place{{"PL911", "Warszawa", 52.23, 21.01}, {"PL213", "Kraków", 50.06, 19.94}, {"PL514", "Wrocław", 51.11, 17.03},
			{"PL415", "Poznań", 52.41, 16.93}, {"PL633", "Gdańsk", 54.35, 18.65}}},
	{code: "CZ", weight: 1.3, vat: "CZ", digits: 8, tld: "cz", forms: []string{"s.r.o.", "s.r.o.", "a.s."}, assoc: "z.s.",
		univ:   []string{"Univerzita %s", "Vysoká škola %s", "Technická univerzita %s"},
		people: []string{"Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý"},
		street: "%sova %d", post: "999 99",
		places: []place{{"CZ010", "Praha", 50.08, 14.44}, {"CZ064", "Brno", 49.20, 16.61}, {"CZ080", "Ostrava", 49.82, 18.26},
			{"CZ051", "Liberec", 50.77, 15.06}, {"CZ052", "Hradec Králové", 50.21, 15.83}, {"CZ053", "Pardubice", 50.04, 15.78}}},
	{code: "HU", weight: 1.0, vat: "HU", digits: 8, tld: "hu", forms: []string{"Kft.", "Zrt."}, assoc: "Egyesület",
		univ:   []string{"%si Egyetem"},
		people: []string{"Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"},
		street: "%s utca %d", post: "9999",
		places: []place{{"HU110", "Budapest", 47.50, 19.04}, {"HU333", "Szeged", 46.25, 20.15}, {"HU231", "Pécs", 46.07, 18.23}}},
	{code: "SI", weight: 0.9, vat: "SI", digits: 8, tld: "si", forms: []string{"d.o.o.", "d.d."}, assoc: "društvo",
		univ:   []string{"Univerza v %s"},
		people: []string{"Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič"},
		street: "%sova ulica %d", post: "9999",
		places: []place{{"SI041", "Ljubljana", 46.06, 14.51}, {"SI032", "Maribor", 46.55, 15.65}}},
	{code: "RO", weight: 0.8, vat: "RO", digits: 8, tld: "ro", forms: []string{"SRL", "SA"}, assoc: "Asociatia",
		univ:   []string{"Universitatea din %s", "Universitatea Politehnica din %s"},
		people: []string{"Popescu", "Ionescu", "Popa", "Constantin", "Stan"},
		street: "Strada %s %d", post: "999999",
		places: []place{{"RO321", "Bucureşti", 44.43, 26.10}, {"RO113", "Cluj-Napoca", 46.77, 23.60}, {"RO212", "Iaşi", 47.16, 27.59}}},
	{code: "CY", weight: 0.6, vat: "CY", digits: 8, vatEnd: "L", tld: "com.cy", forms: []string{"Ltd", "LIMITED"},
		people: []string{"Georgiou", "Christodoulou", "Ioannou", "Charalambous"},
		street: "%s Street %d", post: "9999",
		places: []place{{"CY000", "Nicosia", 35.17, 33.36}, {"CY000", "Limassol", 34.68, 33.04}}},
	{code: "SK", weight: 0.4, vat: "SK", digits: 10, tld: "sk", forms: []string{"s.r.o.", "a.s."}, assoc: "o.z.",
		univ:   []string{"Univerzita %s", "Technická univerzita %s"},
		people: []string{"Horváth", "Kováč", "Varga", "Tóth", "Nagy"},
		street: "%sova %d", post: "999 99",
		places: []place{{"SK010", "Bratislava", 48.15, 17.11}, {"SK031", "Žilina", 49.22, 18.74}, {"SK042", "Košice", 48.72, 21.26}}},
	{code: "BG", weight: 0.4, vat: "BG", digits: 9, tld: "bg", forms: []string{"EOOD", "OOD", "AD"}, assoc: "Association",
		people: []string{"Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov"},
		street: "ul. %s %d", post: "9999",
		places: []place{{"BG411", "Sofia", 42.70, 23.32}, {"BG331", "Varna", 43.21, 27.91}, {"BG421", "Plovdiv", 42.14, 24.75}}},
	{code: "EE", weight: 0.5, vat: "EE", digits: 9, tld: "ee", forms: []string{"OÜ", "AS"}, assoc: "MTÜ",
		univ:   []string{"%s Ülikool"},
		people: []string{"Tamm", "Saar", "Sepp", "Mägi", "Kask"},
		street: "%s tänav %d", post: "99999",
		places: []place{{"EE001", "Tallinn", 59.44, 24.75}, {"EE008", "Tartu", 58.38, 26.72}}},
	{code: "LT", weight: 0.4, vat: "LT", digits: 9, tld: "lt", forms: []string{"UAB", "AB"}, assoc: "VšĮ",
		univ:   []string{"%s universitetas"},
		people: []string{"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius"},
		street: "%s g. %d", post: "LT-99999",
		places: []place{{"LT011", "Vilnius", 54.69, 25.28}, {"LT022", "Kaunas", 54.90, 23.90}}},
	{code: "LV", weight: 0.3, vat: "LV", digits: 11, tld: "lv", forms: []string{"SIA", "AS"}, assoc: "biedrība",
		people: []string{"Bērziņš", "Kalniņš", "Ozoliņš", "Jansons"},
		street: "%s iela %d", post: "LV-9999",
		places: []place{{"LV006", "Rīga", 56.95, 24.11}}},
	{code: "HR", weight: 0.5, vat: "HR", digits: 11, tld: "hr", forms: []string{"d.o.o.", "d.d."}, assoc: "udruga",
		univ:   []string{"Sveučilište u %s"},
		people: []string{"Horvat", "Kovačević", "Babić", "Marić", "Jurić"},
		street: "%sova ulica %d", post: "99999",
		places: []place{{"HR050", "Zagreb", 45.81, 15.98}, {"HR035", "Split", 43.51, 16.44}}},
	{code: "LU", weight: 0.4, vat: "LU", digits: 8, tld: "lu", forms: []string{"SA", "SARL"}, assoc: "ASBL",
		people: []string{"Schmit", "Muller", "Weber", "Hoffmann"},
		street: "%[2]d rue %[1]s", post: "L-9999",
		places: []place{{"LU000", "Luxembourg", 49.61, 6.13}, {"LU000", "Esch-sur-Alzette", 49.50, 5.98}}},
	{code: "TR", weight: 0.7, vat: "TR", digits: 10, tld: "com.tr", forms: []string{"AS", "Ltd Sti"}, assoc: "Dernegi",
		univ:   []string{"%s Üniversitesi", "%s Teknik Üniversitesi"},
		people: []string{"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik"},
		street: "%s Caddesi %d", post: "99999",
		places: []place{{"TR100", "İstanbul", 41.01, 28.98}, {"TR510", "Ankara", 39.93, 32.86}, {"TR310", "İzmir", 38.42, 27.14}}},
	{code: "IS", weight: 0.2, vat: "IS", digits: 6, tld: "is", forms: []string{"ehf.", "hf."},
		people: []string{"Jónsson", "Sigurðsson", "Guðmundsson"},
		street: "%sgata %d", post: "999",
		places: []place{{"IS001", "Reykjavík", 64.15, -21.94}}},
	{code: "MT", weight: 0.2, vat: "MT", digits: 8, tld: "com.mt", forms: []string{"Ltd", "Limited"},
		people: []string{"Borg", "Camilleri", "Vella", "Farrugia"},
		street: "%s Street %d", post: "AAA 9999",
		places: []place{{"MT001", "Valletta", 35.90, 14.51}}},
}

// Words of company names: a stem is a prefix and a suffix ("Novatek").
var (
	stemHeads = []string{"Nova", "Tera", "Axi", "Bio", "Quan", "Heli", "Lumi", "Octa", "Veri", "Sina", "Ecto", "Pola",
		"Astra", "Vita", "Cryo", "Hydro", "Geo", "Inno", "Metri", "Orbi", "Senti", "Zeno", "Acu", "Fluxo", "Cogni",
		"Marin", "Agri", "Sol", "Volta", "Kine", "Ther", "Photo", "Nano", "Digi", "Evo", "Ampli"}
	stemTails = []string{"tek", "gen", "lab", "ion", "ix", "ora", "onic", "ex", "ium", "ware", "sys", "tron", "med",
		"is", "va", "dyn", "core", "metrics", "cell", "line"}
	sectors = []string{"Solutions", "Technologies", "Systems", "Engineering", "Consulting", "Robotics", "Analytics",
		"Energy", "Materials", "Biotech", "Software", "Photonics", "Diagnostics", "Networks", "Innovations", "Mobility",
		"Pharma", "Instruments", "Foods", "Aerospace"}
	fields = []string{"Economics", "Medicine", "Technology", "Life Sciences", "Applied Sciences", "Fine Arts",
		"Agriculture", "Music", "Business", "Health Sciences", "Engineering", "Education", "Social Sciences",
		"Veterinary Medicine", "Physics", "Chemistry", "Informatics", "Marine Sciences", "Materials Science", "Climate Science",
		"Molecular Biology", "Labour Studies", "Public Health", "Energy Systems", "Photonics", "Neuroscience"}
	scholars = []string{"Humboldt", "Copernicus", "Curie", "Galilei", "Erasmus", "Newton", "Linnaeus", "Comenius",
		"Kepler", "Tesla", "Mendel", "Volta", "Pasteur", "Bohr", "Planck", "Heyrovský", "Ramon y Cajal", "Fermi",
		"Lavoisier", "Euler", "Sibelius", "Vesalius", "Bolyai", "Boyle"}
	areas = []string{"Employment", "Education", "Health", "Environment", "Transport", "Energy", "Agriculture",
		"Digital Affairs", "Social Affairs", "Innovation", "Regional Development", "Culture", "Civil Protection", "Water Management"}
	hesPatterns = []string{"University of %[1]s", "%[1]s University of Technology", "University of %[2]s %[1]s",
		"%[1]s School of %[2]s", "%[3]s University %[1]s", "Academy of %[2]s %[1]s", "%[1]s Institute of Technology",
		"University of Applied Sciences %[1]s", "%[1]s Medical University"}
	recPatterns = []string{"Institute for %[2]s Research %[1]s", "%[1]s Centre for %[2]s", "National Institute of %[2]s",
		"%[3]s Institute of %[2]s", "%[4]s Research Foundation", "Research Centre %[4]s", "%[2]s Research Council",
		"Centre for %[2]s and Society", "%[1]s Institute for %[2]s"}
	pubPatterns = []string{"City of %[1]s", "Municipality of %[1]s", "Ministry of %[2]s", "%[1]s Regional Authority",
		"National Agency for %[2]s", "%[1]s Public Employment Service", "Regional Development Agency %[1]s",
		"%[1]s Port Authority", "Public Health Agency %[1]s", "Office for %[2]s %[1]s"}
	othPatterns = []string{"%[4]s Foundation", "%[1]s Chamber of Commerce", "European Association for %[2]s",
		"%[2]s Network %[1]s", "%[4]s Innovation Cluster", "%[1]s Hospital", "Association of %[2]s Professionals",
		"%[4]s Social Enterprise", "%[1]s Science Park", "European %[2]s Platform"}
)

// Words of project acronyms, titles and objectives.
var (
	acroHeads = []string{"SKILL", "GREEN", "DATA", "QUANT", "BIO", "NANO", "SMART", "CIRC", "AQUA", "AGRI", "CLIM",
		"ENER", "HEAL", "ROBO", "SOCI", "MOB", "NEURO", "PHOTO", "CYBER", "FOOD", "OCEAN", "URBAN", "HYDRO", "SOLAR",
		"GENE", "CELL", "MAT", "TRANS", "DIGI", "WORK", "CARE", "SPACE", "RESI", "INCLU", "EDU", "TWIN"}
	acroTails = []string{"NET", "LAB", "FLOW", "CHAIN", "TWIN", "SENSE", "GRID", "WAVE", "EX", "IA", "US", "OS",
		"PATH", "HUB", "MAP", "CITY", "SHIFT", "LINK", "FUTURE", "ACT", "4EU", "PLUS", "GO", "ON"}
	titleAdjs = []string{"Resilient", "Smart", "Sustainable", "Inclusive", "Next-generation", "Data-driven", "Integrated",
		"Circular", "Low-carbon", "Personalised", "Scalable", "Trustworthy", "Open", "Advanced", "Regional", "Human-centred"}
	titleNouns = []string{"supply chains", "labour markets", "skills ecosystems", "battery materials", "quantum sensors",
		"digital twins", "health pathways", "urban mobility", "food systems", "cancer diagnostics", "photonic circuits",
		"public services", "energy communities", "water management", "research careers", "manufacturing lines",
		"climate services", "social innovation", "robotic platforms", "biomarkers"}
	titleGoals = []string{"the circular economy", "the green transition", "Europe's regions", "an ageing society",
		"climate adaptation", "the energy transition", "inclusive growth", "precision medicine", "industry 5.0",
		"just transition regions", "rural areas", "young people not in employment", "smart cities", "safe food"}
	// Sentences of objectives: {noun} is a title noun, {goal} a title
	// goal, {kw} a keyword, {n} a number.
	sentences = []string{
		"The project will develop {noun} for {goal} and test them in {n} pilot sites across Europe.",
		"Better {noun} are essential to {goal}, yet their uptake remains slow and uneven between regions.",
		"Building on the results of earlier projects, we combine field work, modelling and co-design with end users.",
		"The consortium brings together universities, research centres, companies and public bodies from {n} countries.",
		"Work package {n} validates the approach with stakeholders and prepares its exploitation beyond the project.",
		"The action addresses the expected impact of the work programme: \"{goal}\", with better evidence for policy.",
		"Results will be published in open access; data will follow the FAIR principles; software will be open source.",
		"A training programme for {n} early-stage researchers spans academic and non-academic sectors.",
		"The fellow will acquire new skills in {kw}, widening their career options inside and outside academia.",
		"We expect to reduce costs by {n}% and to create new jobs in {kw}.",
	}
	keywords = []string{"skills", "labour market", "innovation", "climate", "energy", "health", "digitalisation",
		"artificial intelligence", "materials", "mobility", "education", "regions", "SMEs", "policy"}
)
