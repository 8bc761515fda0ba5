package expr

import "strings"

// HasPlaceholder reports whether s contains a ${...} substitution that a
// deployment tool replaces before AWS sees the definition (SAM and CDK
// DefinitionSubstitutions, CloudFormation Fn::Sub, Terraform
// templatefile). Checks skip such values instead of reporting them.
func HasPlaceholder(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && s[i+1] == '{' {
			if end := strings.IndexByte(s[i+2:], '}'); end > 0 {
				return true
			}
		}
	}
	return false
}

// IsWholePlaceholder reports whether s is exactly one ${...} substitution,
// such as "${LambdaArn}" or "${var.timeout}".
func IsWholePlaceholder(s string) bool {
	return len(s) > 3 && strings.HasPrefix(s, "${") && strings.IndexByte(s, '}') == len(s)-1
}
