using PromiseJs.TestSupport;

// Every test fails if an unhandled rejection it did not expect was reported while it ran. Test classes run one at a
// time, so the guard also charges the running test with what the finalizer thread reports (promises rejected outside a
// loop and dropped). Every test runs on virtual time or a loop, so running them serially costs little.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: UnhandledRejectionGuard(OneTestAtATime = true)]
