package expr

import "strings"

// JSONataBody returns the text between "{%" and "%}" when s is a JSONata
// string: it starts with "{%" and ends with "%}" with nothing outside the
// delimiters. offset is where body starts in s (always 2).
func JSONataBody(s string) (body string, offset int, ok bool) {
	if len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") {
		return s[2 : len(s)-2], 2, true
	}
	return "", 0, false
}

// CheckJSONataFraming reports near-misses of the "{% expression %}" form in a
// string of a field that accepts JSONata (the caller chooses the fields:
// a Comment starting with "{%" is just text). A string with neither
// delimiter is a literal and gets no error.
//
// AWS only requires the string to start with "{%" and end with "%}":
// "{%10%}" and bodies spanning several lines are accepted (spec §2, and
// deployed definitions write "...messages%}").
func CheckJSONataFraming(s string) []Error {
	if body, _, ok := JSONataBody(s); ok {
		if strings.TrimSpace(body) == "" {
			return []Error{errAt(0, len(s), "the JSONata expression is empty: write an expression between {%% and %%}")}
		}
		return nil
	}
	trimmed := strings.TrimSpace(s)
	lead := strings.Index(s, trimmed)
	if trimmed == "" {
		return nil
	}
	tEnd := lead + len(trimmed)
	opens := strings.HasPrefix(trimmed, "{%")
	closes := strings.HasSuffix(trimmed, "%}") && len(trimmed) >= 2
	if opens && closes && len(trimmed) >= 4 {
		var errs []Error
		const msg = "whitespace outside {% %}: a JSONata expression must start with {% and end with %}, remove the whitespace"
		if lead > 0 {
			errs = append(errs, errAt(0, lead, "%s", msg))
		}
		if tEnd < len(s) {
			errs = append(errs, errAt(tEnd, len(s), "%s", msg))
		}
		return errs
	}
	if strings.HasPrefix(s, "{%") {
		// "{% 10 %" or "{% 10": the closing delimiter is missing or broken.
		return []Error{errAt(0, len(s), "the JSONata expression opened with {%% is not closed: end the string with %%}")}
	}
	if strings.HasSuffix(s, "%}") {
		return []Error{errAt(0, len(s), "the string ends with %%} but does not start with {%%: a JSONata expression is written \"{%% expression %%}\"")}
	}
	return nil
}
