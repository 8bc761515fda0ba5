package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/exp/zapslog"
	"go.uber.org/zap/zapcore"

	"github.com/aslkit/aslkit/lsp"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func init() {
	register(&command{name: "lsp", summary: "run the language server on stdin/stdout", run: runLSP})
	register(&command{name: "version", summary: "print the version", run: func(_ context.Context, e *env, _ []string) int {
		fmt.Fprintln(e.stdout, "asl", version)
		return exitOK
	}})
}

func runLSP(ctx context.Context, e *env, args []string) int {
	fl := flag.NewFlagSet("lsp", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	logFile := fl.String("log-file", "", "write logs to this `file` instead of standard error")
	logLevel := fl.String("log-level", "info", "log `level`: debug, info, warn or error")
	debounce := fl.Duration("debounce", lsp.DefaultDebounce, "how long diagnostics wait after the last edit")
	workflow := fl.String("workflow-type", "standard", "the `type` the machines are deployed as: standard or express")
	debugMethods := fl.Bool("debug-methods", false, "enable asl/debug/* requests (for testing the server; see docs/protocol.md)")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: asl lsp [--log-file FILE] [--log-level LEVEL] [--debounce 75ms] [--workflow-type standard|express]")
		fmt.Fprintln(e.stderr, "\nServes the Language Server Protocol on standard input and output. Logs never go to")
		fmt.Fprintln(e.stderr, "standard output (it carries the protocol). Clients may override the settings in")
		fmt.Fprintln(e.stderr, "initializationOptions or workspace/didChangeConfiguration (see docs/protocol.md).")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(e.stderr, "asl lsp: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	var level zapcore.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(e.stderr, "asl lsp: --log-level: %v\n", err)
		return exitUsage
	}
	opts := lsp.Options{Debounce: *debounce, Name: "asl", Version: version, DebugMethods: *debugMethods}
	var err error
	if opts.WorkflowType, err = parseWorkflowType(*workflow); err != nil {
		fmt.Fprintf(e.stderr, "asl lsp: %v\n", err)
		return exitUsage
	}

	logger, closeLog, err := newLogger(e, *logFile, level)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl lsp: %v\n", err)
		return exitUsage
	}
	defer closeLog()
	// Libraries that log through slog end up in the same place.
	slog.SetDefault(slog.New(zapslog.NewHandler(logger.Core())))
	logger.Info("starting", zap.String("version", version), zap.Duration("debounce", *debounce), zap.String("workflowType", string(opts.WorkflowType)))

	tuneGCForLatency()
	err = lsp.RunStdio(ctx, e.stdin, e.stdout, logger, opts)
	switch {
	case errors.Is(err, lsp.ErrExitWithoutShutdown):
		return 1
	case err != nil && ctx.Err() == nil:
		logger.Error("connection ended", zap.Error(err))
		return 1
	}
	return exitOK
}

// newLogger logs JSON lines to a file, or readable lines to standard error;
// never to standard output.
func newLogger(e *env, path string, level zapcore.Level) (*zap.Logger, func(), error) {
	enc := zap.NewDevelopmentEncoderConfig()
	enc.EncodeTime = zapcore.TimeEncoderOfLayout(time.RFC3339Nano)
	if path == "" {
		core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.AddSync(e.stderr), level)
		return zap.New(core), func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, nil, err
	}
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(f), level)
	logger := zap.New(core)
	return logger, func() { _ = logger.Sync(); _ = f.Close() }, nil
}
