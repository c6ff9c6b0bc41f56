using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Attaches a handler that runs after this promise rejects; the returned promise fulfills once it has run
    /// (or with nothing, when this promise fulfills).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise Catch(Action<Exception> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.Action));
    }

    /// <summary>Attaches a rejection handler returning a promise of no value, which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Catch(Func<Exception, Promise?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.VoidPromise));
    }

    /// <summary>Attaches a rejection handler returning a task of no value, which the returned promise adopts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Catch(Func<Exception, Task?> onRejected)
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new ThenReaction<VoidResult, VoidResult>(null, HandlerKind.None, onRejected, HandlerKind.VoidTask));
    }

    /// <summary>Attaches a handler for reasons of type <typeparamref name="TException"/>; other reasons pass through untouched.</summary>
    /// <typeparam name="TException">The type of exception to handle.</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="onRejected"/> is <see langword="null"/>.</exception>
    public Promise Catch<TException>(Action<TException> onRejected)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(onRejected);
        return Attach(new CatchReaction<TException, VoidResult>(onRejected, HandlerKind.Action));
    }
}
