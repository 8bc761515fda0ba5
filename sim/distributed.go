package sim

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/sim/dataflow"
)

// Distributed Map. Each item (or batch) runs as a child execution with its
// own history (its events carry Execution = "<label>/<index>"); the parent
// history shows MapRunStarted/MapRunSucceeded|Failed as on AWS. S3 is
// replaced by Options.Files (reading "<Bucket>/<Key>") and
// Options.WriteFile (ResultWriter output).

type itemReaderProg struct {
	resource   string
	parameters *dataflow.Template
	arguments  *jvalue // JSONata mode
	inputType  string
	headerLoc  string
	headers    []string
	delimiter  rune
	maxItems   intOrPath
}

type batcherProg struct {
	maxItems, maxBytes intOrPath
	batchInput         *dataflow.Template
	// JSONata mode
	jmaxItems, jmaxBytes, jbatchInput *jvalue
}

type resultWriterProg struct {
	parameters *dataflow.Template
}

func (c *compiler) itemReader(where string, n *syntax.Node) *itemReaderProg {
	if n == nil || n.Kind != syntax.Object {
		return nil
	}
	ir := &itemReaderProg{delimiter: ','}
	if r := n.Value("Resource"); r.IsString() {
		ir.resource = r.Str
	}
	if c.jsonataMode {
		ir.arguments = c.jvalue(where+" ItemReader Arguments", n.Value("Arguments"))
	} else {
		ir.parameters = c.template(where+" ItemReader Parameters", n.Value("Parameters"))
	}
	rc := n.Value("ReaderConfig")
	if t := rc.Value("InputType"); t.IsString() {
		ir.inputType = t.Str
	}
	if t := rc.Value("CSVHeaderLocation"); t.IsString() {
		ir.headerLoc = t.Str
	}
	if hs := rc.Value("CSVHeaders"); hs != nil {
		for _, h := range hs.Elems {
			if h.IsString() {
				ir.headers = append(ir.headers, h.Str)
			}
		}
	}
	if d := rc.Value("CSVDelimiter"); d.IsString() {
		ir.delimiter = map[string]rune{"COMMA": ',', "PIPE": '|', "SEMICOLON": ';', "SPACE": ' ', "TAB": '\t'}[d.Str]
		if ir.delimiter == 0 {
			ir.delimiter = ','
		}
	}
	if rc != nil {
		ir.maxItems = c.intOrItsPath(where, rc, "MaxItems")
	}
	return ir
}

func (c *compiler) batcher(where string, n *syntax.Node) *batcherProg {
	if n == nil || n.Kind != syntax.Object {
		return nil
	}
	b := &batcherProg{batchInput: c.template(where+" BatchInput", n.Value("BatchInput"))}
	b.maxItems = c.intOrItsPath(where, n, "MaxItemsPerBatch")
	b.maxBytes = c.intOrItsPath(where, n, "MaxInputBytesPerBatch")
	return b
}

func (c *compiler) resultWriter(where string, n *syntax.Node) *resultWriterProg {
	if n == nil || n.Kind != syntax.Object {
		return nil
	}
	return &resultWriterProg{parameters: c.template(where+" ResultWriter Parameters", n.Value("Parameters"))}
}

// tolerance evaluates the tolerated-failure thresholds.
func (m *mapRun) tolerance(eff any) bool {
	v, sp := m.v, m.v.sp
	cnt, ok := v.intField(sp.toleratedCount, "ToleratedFailureCount", eff, false)
	if !ok {
		return false
	}
	pct, ok := v.intField(sp.toleratedPercent, "ToleratedFailurePercentage", eff, true)
	if !ok {
		return false
	}
	if cnt < 0 {
		v.runtime("ToleratedFailureCount cannot be negative.")
		return false
	}
	if pct < 0 || pct > 100 {
		v.runtime("ToleratedFailurePercentage must be between 0 and 100.")
		return false
	}
	m.tolCount, m.tolPct = cnt, pct
	return true
}

// exceeded reports whether the failures so far exceed the thresholds.
func (m *mapRun) exceeded() bool {
	if m.failed == 0 {
		return false
	}
	countSet, pctSet := m.countSet, m.pctSet
	if !countSet && !pctSet {
		return true
	}
	if countSet && float64(m.failed) > m.tolCount {
		return true
	}
	if pctSet && float64(m.failed)*100/float64(len(m.items)) > m.tolPct {
		return true
	}
	return false
}

func (m *mapRun) startChild(i int) {
	v, th, sp, r := m.v, m.v.th, m.v.sp, m.v.th.r
	label := sp.label
	if label == "" {
		label = sp.name
	}
	name := label + "/" + strconv.Itoa(i)
	h := &history{r: r, exec: name}
	execObj := map[string]any{
		"Id":    "arn:aws:states:" + region + ":" + account + ":execution:" + r.opts.StateMachineName + "/" + name,
		"Input": m.items[i], "Name": name, "RoleArn": th.execObj["RoleArn"],
		"StartTime": formatTimestamp(r.q.Now()), "RedriveCount": int64(0),
	}
	h.onEnd = func(status Status, out any, f *failure) {
		if m.over || th.dead() {
			return
		}
		m.running--
		m.completed++
		if status == StatusSucceeded {
			m.results[i] = out
		} else {
			m.failed++
		}
		if m.exceeded() {
			m.over = true
			for _, c := range th.children {
				c.stop(-1, false, "") // the Map Run stops its other children
			}
			th.children = nil
			f := &failure{Error: strp(ErrExceedTolerated), Cause: strp("The specified tolerated failure threshold was exceeded")}
			e := th.h.newEvent("MapRunFailed", sp)
			e.Error, e.Cause = f.Error, f.Cause
			th.emit(&e)
			v.giveUp = func() { th.emitNew("MapStateFailed", sp) }
			if !th.dead() {
				v.handleError(f)
			}
			return
		}
		if m.completed == len(m.items) {
			m.finish()
			return
		}
		m.launch()
	}
	r.q.At(0, func() {
		if m.over || th.dead() {
			return
		}
		h.start(sp.processor, m.items[i], execObj)
		h.top.parent = th
		th.children = append(th.children, h.top)
	})
}

// readItems runs the ItemReader against Options.Files.
func (v *visit) readItems(eff any) ([]any, bool) {
	ir := v.sp.itemReader
	var params any
	var ok bool
	if v.sp.jsonata {
		params, ok = v.jeval(ir.arguments, "ItemReader/Arguments", nil, nil)
	} else {
		params, ok = v.applyTemplate(ir.parameters, eff)
	}
	if !ok {
		return nil, false
	}
	p, _ := params.(map[string]any)
	bucket, _ := p["Bucket"].(string)
	files := v.th.r.opts.Files
	fail := func(cause string) ([]any, bool) {
		v.handleError(&failure{Error: strp(ErrItemReaderFailed), Cause: strp(cause)})
		return nil, false
	}
	maxItems, ok := v.intField(ir.maxItems, "MaxItems", eff, false)
	if !ok {
		return nil, false
	}
	if ir.maxItems.set && maxItems <= 0 {
		return fail("field MaxItems must be positive")
	}
	if files == nil {
		return fail("The simulator has no files for ItemReader: pass Options.Files (S3 bucket \"" + bucket + "\" is read from the directory of that name).")
	}
	var items []any
	if strings.HasSuffix(ir.resource, "listObjectsV2") {
		prefix, _ := p["Prefix"].(string)
		fs.WalkDir(files, bucket, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			key := strings.TrimPrefix(name, bucket+"/")
			if strings.HasPrefix(key, prefix) {
				info, _ := d.Info()
				size := int64(0)
				if info != nil {
					size = info.Size()
				}
				items = append(items, map[string]any{"Key": key, "Size": size, "Etag": "\"sim\"", "LastModified": formatTimestamp(v.th.r.opts.StartTime), "StorageClass": "STANDARD"})
			}
			return nil
		})
	} else {
		key, _ := p["Key"].(string)
		data, err := fs.ReadFile(files, path.Join(bucket, key))
		if err != nil {
			return fail(fmt.Sprintf("could not read s3://%s/%s: %v", bucket, key, err))
		}
		switch ir.inputType {
		case "JSON":
			val, err := dataflow.DecodeJSON(data)
			arr, isArr := val.([]any)
			if err != nil || !isArr {
				return fail("Attempting to map over non-iterable node.")
			}
			items = arr
		case "JSONL":
			for _, line := range bytes.Split(data, []byte("\n")) {
				if len(bytes.TrimSpace(line)) == 0 {
					continue
				}
				val, err := dataflow.DecodeJSON(line)
				if err != nil {
					return fail("Invalid JSONL line: " + err.Error())
				}
				items = append(items, val)
			}
		case "CSV":
			rd := csv.NewReader(bytes.NewReader(data))
			rd.Comma = ir.delimiter
			rd.FieldsPerRecord = -1
			rows, err := rd.ReadAll()
			if err != nil {
				return fail("CSV: " + err.Error())
			}
			headers := ir.headers
			if ir.headerLoc != "GIVEN" && len(rows) > 0 {
				headers, rows = rows[0], rows[1:]
			}
			seen := map[string]bool{}
			for _, h := range headers {
				if seen[h] {
					return fail("CSV headers cannot contain duplicates.")
				}
				seen[h] = true
			}
			for _, row := range rows {
				obj := map[string]any{}
				for j, h := range headers {
					if j < len(row) {
						obj[h] = row[j]
					}
				}
				items = append(items, obj)
			}
		default:
			val, err := dataflow.DecodeJSON(data)
			if err != nil {
				return fail("Unsupported InputType " + strconv.Quote(ir.inputType))
			}
			arr, _ := val.([]any)
			items = arr
		}
	}
	if ir.maxItems.set && int(maxItems) < len(items) {
		items = items[:int(maxItems)]
	}
	return items, true
}

// batch groups item inputs as {"BatchInput": ..., "Items": [...]}.
func (v *visit) batch(inputs []any, eff any) ([]any, bool) {
	b := v.sp.batcher
	var maxItems, maxBytes float64
	var ok bool
	var batchInput any
	if v.sp.jsonata {
		if maxItems, _, ok = v.jnumber(b.jmaxItems, "ItemBatcher/MaxItemsPerBatch"); !ok {
			return nil, false
		}
		if maxBytes, _, ok = v.jnumber(b.jmaxBytes, "ItemBatcher/MaxInputBytesPerBatch"); !ok {
			return nil, false
		}
		if batchInput, ok = v.jeval(b.jbatchInput, "ItemBatcher/BatchInput", nil, nil); !ok {
			return nil, false
		}
	} else {
		if maxItems, ok = v.intField(b.maxItems, "MaxItemsPerBatch", eff, false); !ok {
			return nil, false
		}
		if maxBytes, ok = v.intField(b.maxBytes, "MaxInputBytesPerBatch", eff, false); !ok {
			return nil, false
		}
		if b.batchInput != nil {
			if batchInput, ok = v.applyTemplate(b.batchInput, eff); !ok {
				return nil, false
			}
		}
	}
	if maxBytes <= 0 {
		maxBytes = payloadLimit
	}
	var out []any
	var cur []any
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		m := map[string]any{"Items": cur}
		if batchInput != nil {
			m["BatchInput"] = batchInput
		}
		out = append(out, m)
		cur, size = nil, 0
	}
	for _, in := range inputs {
		n := len(dataflow.EncodeJSON(in))
		if len(cur) > 0 && ((maxItems > 0 && len(cur) >= int(maxItems)) || float64(size+n) > maxBytes) {
			flush()
		}
		cur = append(cur, in)
		size += n
	}
	flush()
	return out, true
}

// writeResults writes the Map's results through Options.WriteFile and
// returns what AWS puts in the state result.
func (v *visit) writeResults(m *mapRun) (any, bool) {
	params, ok := v.applyTemplate(v.sp.resultWriter.parameters, m.eff)
	if !ok {
		return nil, false
	}
	p, _ := params.(map[string]any)
	bucket, _ := p["Bucket"].(string)
	prefix, _ := p["Prefix"].(string)
	dir := path.Join(prefix, "sim-map-run")
	key := path.Join(dir, "manifest.json")
	if w := v.th.r.opts.WriteFile; w != nil {
		var succeeded []any
		for i, res := range m.results {
			succeeded = append(succeeded, map[string]any{"Index": i, "Output": dataflow.EncodeJSON(res), "Status": "SUCCEEDED"})
		}
		data, _ := json.Marshal(succeeded)
		manifest, _ := json.Marshal(map[string]any{"DestinationBucket": bucket, "MapRunArn": m.mapRunArn,
			"ResultFiles": map[string]any{"SUCCEEDED": []any{map[string]any{"Key": path.Join(dir, "SUCCEEDED_0.json"), "Size": len(data)}}}})
		if err := w(path.Join(bucket, dir, "SUCCEEDED_0.json"), data); err != nil {
			v.handleError(&failure{Error: strp(ErrResultWriterFailed), Cause: strp(err.Error())})
			return nil, false
		}
		if err := w(path.Join(bucket, key), manifest); err != nil {
			v.handleError(&failure{Error: strp(ErrResultWriterFailed), Cause: strp(err.Error())})
			return nil, false
		}
	}
	return map[string]any{"MapRunArn": m.mapRunArn, "ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": key}}, true
}
