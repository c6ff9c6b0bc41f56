using System.Runtime.ExceptionServices;

namespace PromiseJs.Internal;

/// <summary>A <see cref="RejectionTracker"/> for promises rejected outside a loop: reports when the promise is collected unhandled.</summary>
internal sealed class FinalizableRejectionTracker : RejectionTracker
{
    public FinalizableRejectionTracker(Promise promise, ExceptionDispatchInfo info)
        : base(promise, info)
    {
    }

    ~FinalizableRejectionTracker() => ReportFromFinalizer();
}
