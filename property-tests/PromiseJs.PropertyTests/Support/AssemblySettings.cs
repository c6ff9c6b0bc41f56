using PromiseJs.TestSupport;

// Generated programs reject on purpose, always inside Promise.SuppressUnhandledRejections(); any other rejection left
// unhandled during a test fails it.
[assembly: UnhandledRejectionGuard]
