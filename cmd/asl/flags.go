package main

import "flag"

// parseInterleaved parses flags that may come before or after positional
// arguments (`asl run DEF --input x.json`), which the flag package alone
// stops at. "--" ends flag parsing.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
