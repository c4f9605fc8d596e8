package mtcheck

import (
	"fmt"
	"strings"
)

// Severity is how bad a finding is. Rules state a default; configuration may
// override it. The zero value means "not set" and resolves to the rule's
// default.
type Severity int8

// The severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{"", "info", "warning", "error"}

// String returns "info", "warning" or "error" ("" for an unset severity).
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// Weight returns the MQM-style weight of a finding of this severity:
// info 0.1, warning 1, error 5.
func (s Severity) Weight() float64 {
	switch s {
	case Info:
		return 0.1
	case Warning:
		return 1
	case Error:
		return 5
	}
	return 0
}

// ParseSeverity returns the severity called s ("info", "warning" or "error",
// case-insensitive; "note" is accepted for info).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info", "note":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
