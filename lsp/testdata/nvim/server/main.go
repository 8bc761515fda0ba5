// Command server is the language server on stdio for the Neovim test
// (lsp/nvim_test.go builds it; the real binary is `asl lsp` in cmd/asl,
// which makes the same lsp.RunStdio call).
package main

import (
	"context"
	"os"

	"go.uber.org/zap"

	"github.com/aslkit/aslkit/lsp"
)

func main() {
	logger := zap.NewNop()
	if path := os.Getenv("ASL_LSP_LOG"); path != "" {
		cfg := zap.NewDevelopmentConfig()
		cfg.OutputPaths = []string{path}
		if l, err := cfg.Build(); err == nil {
			logger = l
		}
	}
	if err := lsp.RunStdio(context.Background(), os.Stdin, os.Stdout, logger, lsp.Options{Name: "asl"}); err != nil {
		logger.Error("server ended", zap.Error(err))
		os.Exit(1)
	}
}
