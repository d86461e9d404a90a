package network

import (
	"fmt"
	"math"
	"strings"
)

// Money is an amount of money flowing along a link. A link whose amount the
// source does not give has a nil *Money, never a zero amount.
type Money struct {
	// Amount is the sum, in units of Currency. It must be finite and not
	// negative.
	Amount float64 `json:"amount"`
	// Currency is an ISO 4217 code in upper case ("EUR", "PLN", "BGN").
	Currency string `json:"currency"`
	// Ceiling marks an amount that is a maximum ("support of up to 800,000
	// PLN") rather than the sum paid.
	Ceiling bool `json:"ceiling,omitempty"`
}

// String returns the amount and currency, "up to" for a ceiling:
// "up to 800000 PLN".
func (m Money) String() string {
	s := fmt.Sprintf("%s %s", formatAmount(m.Amount), m.Currency)
	if m.Ceiling {
		s = "up to " + s
	}
	return s
}

func formatAmount(a float64) string {
	if a == math.Trunc(a) && math.Abs(a) < 1e15 {
		return fmt.Sprintf("%.0f", a)
	}
	return fmt.Sprint(a)
}

// validate returns the problems of m as field/value/reason triples.
func (m Money) validate(add func(field, value string, err error)) {
	switch {
	case math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0):
		add("money.amount", fmt.Sprint(m.Amount), ErrNaN)
	case m.Amount < 0:
		add("money.amount", fmt.Sprint(m.Amount), ErrNegative)
	}
	if !ValidCurrency(m.Currency) {
		add("money.currency", m.Currency, ErrCurrency)
	}
}

// currencyCodes are the active ISO 4217 currency codes, with the fund codes
// and the precious-metal codes left out.
const currencyCodes = "" +
	"AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB " +
	"BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP " +
	"DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF " +
	"IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK " +
	"LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN " +
	"NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF " +
	"SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND " +
	"TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF " +
	"XPF YER ZAR ZMW ZWG"

var currencySet = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(currencyCodes) {
		m[c] = true
	}
	return m
}()

// ValidCurrency reports whether code is an active ISO 4217 currency code in
// upper case ("EUR", "BGN", "PLN", "CZK"). Historical codes (such as "DEM")
// are rejected.
func ValidCurrency(code string) bool { return currencySet[code] }
