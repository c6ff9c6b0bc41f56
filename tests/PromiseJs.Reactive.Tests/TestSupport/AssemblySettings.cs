// Test classes run one at a time: each one checks that no unhandled rejection was reported while it ran, and
// Promise.UnhandledRejection is a global event. Every test runs on virtual time or a loop, so this costs little.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
