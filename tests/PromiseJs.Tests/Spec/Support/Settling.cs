namespace PromiseJs.Tests.Spec.Support;

/// <summary>The three cases of the suite's <c>testFulfilled</c>/<c>testRejected</c> helpers (testThreeCases.js).</summary>
public enum Settling
{
    /// <summary>"already-fulfilled"/"already-rejected": the promise is settled before the test attaches anything.</summary>
    Already,

    /// <summary>"immediately-fulfilled"/"immediately-rejected": settled right after the test attached its handlers.</summary>
    Immediately,

    /// <summary>"eventually-fulfilled"/"eventually-rejected": settled by a timer, later.</summary>
    Eventually,
}
