package assist

import (
	"regexp"
	"strings"

	"github.com/aslkit/aslkit/asl/schema"
)

// ph marks a snippet placeholder inside a rendered value: "@@2:Default@@".
func ph(n int, def string) string { return "@@" + string(rune('0'+n)) + ":" + def + "@@" }

var (
	jsonPlaceholder = regexp.MustCompile(`@@(\d):([^@]*)@@`)
	yamlPlaceholder = regexp.MustCompile(`"?@@(\d):([^@]*)@@"?`)
)

// stateBody is the body of a new state of type t.
func stateBody(t, ql string) obj {
	jsonata := ql == "JSONata"
	switch t {
	case schema.Task:
		o := obj{{"Type", "Task"}, {"Resource", ph(2, "arn:aws:states:::lambda:invoke")}}
		if jsonata {
			o = append(o, kv{"Arguments", obj{{"FunctionName", ph(3, "FunctionName")}, {"Payload", "{% $states.input %}"}}})
		} else {
			o = append(o, kv{"Parameters", obj{{"FunctionName", ph(3, "FunctionName")}, {"Payload.$", "$"}}})
		}
		return append(o, kv{"End", true})
	case schema.Pass:
		return obj{{"Type", "Pass"}, {"End", true}}
	case schema.Choice:
		rule := obj{{"Variable", ph(2, "$.value")}, {"StringEquals", ph(3, "expected")}, {"Next", ph(4, "NextState")}}
		if jsonata {
			rule = obj{{"Condition", ph(2, "{% $states.input.value = 'expected' %}")}, {"Next", ph(4, "NextState")}}
		}
		return obj{{"Type", "Choice"}, {"Choices", []any{rule}}, {"Default", ph(5, "DefaultState")}}
	case schema.Wait:
		return obj{{"Type", "Wait"}, {"Seconds", 10}, {"End", true}}
	case schema.Succeed:
		return obj{{"Type", "Succeed"}}
	case schema.Fail:
		return obj{{"Type", "Fail"}, {"Error", ph(2, "ErrorName")}, {"Cause", ph(3, "What went wrong")}}
	case schema.Parallel:
		branch := obj{{"StartAt", ph(2, "Branch1")}, {"States", obj{{"Branch1", obj{{"Type", "Pass"}, {"End", true}}}}}}
		return obj{{"Type", "Parallel"}, {"Branches", []any{branch}}, {"End", true}}
	case schema.Map:
		proc := obj{{"ProcessorConfig", obj{{"Mode", "INLINE"}}}, {"StartAt", ph(2, "ProcessItem")}, {"States", obj{{"ProcessItem", obj{{"Type", "Pass"}, {"End", true}}}}}}
		o := obj{{"Type", "Map"}}
		if jsonata {
			o = append(o, kv{"Items", "{% $states.input.items %}"})
		} else {
			o = append(o, kv{"ItemsPath", "$.items"})
		}
		return append(o, kv{"ItemProcessor", proc}, kv{"End", true})
	}
	return nil
}

// completeStateSnippets offers a whole new state of each type when the
// cursor is at a key of a States object.
func completeStateSnippets(c *cursor, out *[]Candidate) {
	if c.place != placeKey || (c.member != nil && c.member.ColonOffset >= 0) {
		return
	}
	loc := c.objLocation()
	if loc.Object == nil || loc.Object.Kind != schema.KindStates {
		return
	}
	ql := string(c.def.QueryLanguage)
	unit := c.doc.unit()
	indent := c.doc.indentOf(c.replace.Start)
	if c.doc.yaml {
		indent = strings.Repeat(" ", c.doc.column(c.replace.Start))
	}
	for _, t := range schema.StateTypes() {
		name := "New" + t
		body := stateBody(t, ql)
		var text string
		if c.doc.yaml {
			text = renderYAMLMember(ph(1, name), body, indent, unit)
		} else {
			text = jsonString(ph(1, name)) + ": " + renderJSON(body, indent, unit)
		}
		text = fillPlaceholders(text, c.doc.yaml, c.opts.Snippets)
		cand := Candidate{Label: t + " state", Kind: KindSnippet, Detail: "new " + t + " state", Doc: schema.StateTypeDoc(t), Snippet: c.opts.Snippets, SortText: "2", FilterText: name}
		if !c.doc.yaml {
			before, after := c.commasForKey()
			if after {
				text += ","
			}
			if before != nil {
				cand.Extra = append(cand.Extra, *before)
			}
			cand.FilterText = `"` + name
		}
		cand.Edit = Edit{Span: c.replace, NewText: text}
		*out = append(*out, cand)
	}
}

// fillPlaceholders turns @@n:default@@ markers into snippet placeholders
// (escaping the literal text around them) or into their default text.
func fillPlaceholders(text string, yaml, snippets bool) string {
	re := jsonPlaceholder
	if yaml {
		re = yamlPlaceholder
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		lit := text[last:m[0]]
		n, def := text[m[2]:m[3]], text[m[4]:m[5]]
		quoted := yaml && m[1]-m[0] > 4+len(def)+len(n) && text[m[0]] == '"'
		if snippets {
			b.WriteString(escapeDollar(lit))
			def = strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(def)
			if quoted && !plainYAMLSafe(text[m[4]:m[5]]) {
				b.WriteString(`"${` + n + `:` + def + `}"`)
			} else {
				b.WriteString("${" + n + ":" + def + "}")
			}
		} else {
			b.WriteString(lit)
			if quoted {
				b.WriteString(yamlScalar(text[m[4]:m[5]]))
			} else {
				b.WriteString(def)
			}
		}
		last = m[1]
	}
	if snippets {
		b.WriteString(escapeDollar(text[last:]))
	} else {
		b.WriteString(text[last:])
	}
	return b.String()
}

var dollarEscaper = strings.NewReplacer(`\`, `\\`, `$`, `\$`)

func escapeDollar(s string) string {
	if !strings.ContainsAny(s, `$\`) {
		return s
	}
	return dollarEscaper.Replace(s)
}
