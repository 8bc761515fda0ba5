package expr

import "strings"

// HasPlaceholder reports whether s contains a ${...} substitution that a
// deployment tool replaces before AWS sees the definition (SAM and CDK
// DefinitionSubstitutions, CloudFormation Fn::Sub, Terraform
// templatefile). Checks skip such values instead of reporting them.
func HasPlaceholder(s string) bool {
	// strings.Index skips to each "${" much faster than a byte loop.
	for i := 0; ; {
		j := strings.Index(s[i:], "${")
		if j < 0 {
			return false
		}
		i += j
		end := strings.IndexByte(s[i+2:], '}')
		if end > 0 {
			return true
		}
		if end < 0 {
			return false // no '}' after this "${", so none after a later one
		}
		i++
	}
}

// IsWholePlaceholder reports whether s is exactly one ${...} substitution,
// such as "${LambdaArn}" or "${var.timeout}".
func IsWholePlaceholder(s string) bool {
	return len(s) > 3 && strings.HasPrefix(s, "${") && strings.IndexByte(s, '}') == len(s)-1
}
