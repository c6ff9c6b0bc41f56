using System.Runtime.CompilerServices;
using PromiseJs.Internal;

namespace PromiseJs;

public partial class Promise
{
    /// <summary>Attaches a callback that runs after this promise settles either way; the returned promise settles as this one
    /// did, unless the callback throws, which then wins.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    public Promise Finally(Action onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<VoidResult>(onFinally, HandlerKind.ActionNoArg));
    }

    /// <summary>Attaches a callback returning a promise that is waited for before the original outcome passes through;
    /// if that promise rejects, its reason wins.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(PromisePriority)]
    public Promise Finally(Func<Promise?> onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<VoidResult>(onFinally, HandlerKind.VoidPromiseNoArg));
    }

    /// <summary>Attaches a callback returning a task that is waited for before the original outcome passes through;
    /// if that task fails, its exception wins.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="onFinally"/> is <see langword="null"/>.</exception>
    [OverloadResolutionPriority(TaskPriority)]
    public Promise Finally(Func<Task?> onFinally)
    {
        ArgumentNullException.ThrowIfNull(onFinally);
        return Attach(new FinallyReaction<VoidResult>(onFinally, HandlerKind.VoidTaskNoArg));
    }
}
