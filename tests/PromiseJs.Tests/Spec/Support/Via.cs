namespace PromiseJs.Tests.Spec.Support;

/// <summary>How section 2.3 hands <c>x</c> to the Promise Resolution Procedure (the suite's <c>testPromiseResolution</c>).</summary>
public enum Via
{
    /// <summary>"via return from a fulfilled promise": <c>resolved(dummy).then(() =&gt; x)</c>.</summary>
    ReturnFromFulfilled,

    /// <summary>"via return from a rejected promise": <c>rejected(dummy).then(null, () =&gt; x)</c>.</summary>
    ReturnFromRejected,
}
