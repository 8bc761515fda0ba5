package jsonata

// Parser parses expressions one after another and reuses the token nodes
// of each tree for the next one. A caller that only reads a tree before it
// parses the next (the checks collect facts from each expression) then
// allocates nodes only for its largest expression, instead of for every
// one. The tree a Parse returns is valid only until the next Parse; the
// zero Parser is ready to use. A Parser is not safe for concurrent use.
type Parser struct {
	chunks [][]Node
	used   int // nodes handed out by the current parse
}

// poolChunk is the number of nodes allocated at a time.
const poolChunk = 64

// Parse is Parse (the package function) with the nodes taken from ps.
func (ps *Parser) Parse(expr string) (*Node, error) {
	ps.reset()
	return parse(&parser{src: expr, lx: lexer{src: expr}, pool: ps})
}

// reset zeroes the nodes the previous parse used: a parse relies on fresh
// nodes being zero.
func (ps *Parser) reset() {
	for i := 0; ps.used > 0 && i < len(ps.chunks); i++ {
		n := min(ps.used, poolChunk)
		clear(ps.chunks[i][:n])
		ps.used -= n
	}
	ps.used = 0
}

// take hands out the next zeroed node.
func (ps *Parser) take() *Node {
	c, i := ps.used/poolChunk, ps.used%poolChunk
	if c == len(ps.chunks) {
		ps.chunks = append(ps.chunks, make([]Node, poolChunk))
	}
	ps.used++
	return &ps.chunks[c][i]
}
