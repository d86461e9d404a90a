package network

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date that may be known only to the year or month, as
// sources often give them ("started in September 2012"). Its zero value is
// the unknown date, which bounds nothing.
//
// Dates print and parse as "YYYY", "YYYY-MM" or "YYYY-MM-DD".
type Date struct {
	Year  int // 1..9999; 0 for the zero Date
	Month int // 1..12, or 0 when only the year is known
	Day   int // 1..31, or 0 when only the year or month is known
}

// DateOf returns the full date of t's year, month and day.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the empty string is the
// zero Date. Any other form, or a day that does not exist, returns an error
// wrapping ErrDate.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w %q (want YYYY, YYYY-MM or YYYY-MM-DD)", ErrDate, s)
	}
	num := func(part string) (int, bool) {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad()
	}
	if d.Year, ok = num(s[:4]); !ok || d.Year == 0 {
		return bad()
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad()
		}
		if d.Month, ok = num(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return bad()
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad()
		}
		if d.Day, ok = num(s[8:10]); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return bad()
		}
	}
	return d, nil
}

// MustParseDate is like ParseDate but panics on error. It is meant for
// constants in programs and tests.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// daysIn returns the number of days of month (1..12) in year, by the
// Gregorian calendar's rule, as time.Date counts them.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is the zero Date or a date ParseDate would accept.
func (d Date) Valid() bool {
	if d.IsZero() {
		return true
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// String returns d as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the zero Date is "".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First returns the first day d covers: 2012-09 gives 2012-09-01.
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	if d.Month == 0 {
		d.Month = 1
	}
	if d.Day == 0 {
		d.Day = 1
	}
	return d
}

// Last returns the last day d covers: 2012-09 gives 2012-09-30.
func (d Date) Last() Date {
	if d.IsZero() {
		return d
	}
	if d.Month == 0 {
		d.Month = 12
	}
	if d.Day == 0 {
		d.Day = daysIn(d.Year, d.Month)
	}
	return d
}

// Compare compares the first days of d and e, returning -1, 0 or +1. The
// zero Date sorts first.
func (d Date) Compare(e Date) int {
	a, b := d.First(), e.First()
	for _, c := range [][2]int{{a.Year, b.Year}, {a.Month, b.Month}, {a.Day, b.Day}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Before reports whether d's first day is before e's.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("%w: %d-%d-%d", ErrDate, d.Year, d.Month, d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	*d = v
	return err
}
