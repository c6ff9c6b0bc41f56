using PromiseJs.TestSupport;

// Every test fails if a promise it rejected went unhandled (reported by a PromiseLoop) unless it says it expects that.
// Test classes run in parallel: the guard tells their reports apart by flow.
[assembly: UnhandledRejectionGuard]
