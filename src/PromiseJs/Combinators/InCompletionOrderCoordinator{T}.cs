using System.Threading.Tasks.Sources;
using PromiseJs.Internal;
using PromiseJs.Scheduling;

namespace PromiseJs.Combinators;

/// <summary>
/// Coordinates <c>Promise.InCompletionOrder</c>: the reaction on every input (registered at the call, so the order is the
/// order the inputs settled in, whenever the enumeration starts) and the one-shot async enumerator that hands them out.
/// Each input reaches it as a job one tick after it settles and goes into an array in arrival order; a consumer waiting in
/// <see cref="MoveNextAsync"/> is resumed asynchronously, never inside that job.
/// </summary>
internal sealed class InCompletionOrderCoordinator<T>
    : Reaction, IAsyncEnumerable<Promise<T>>, IAsyncEnumerator<Promise<T>>, IValueTaskSource<bool>
{
    private readonly PromiseScheduler _scheduler;

    // The snapshot, to let go of the inputs still pending when the enumeration ends early.
    private readonly Promise<T>[] _inputs;

    // The inputs in the order their jobs ran; also the lock for the fields below.
    private readonly Promise<T>[] _arrived;
    private int _written;
    private int _read;
    private Promise<T>? _current;
    private bool _waiting;
    private bool _cancelled;
    private bool _disposed;
    private int _enumerated;

    private CancellationToken _cancellationToken;
    private CancellationTokenSource? _linked;
    private CancellationTokenRegistration _registration;
    private ManualResetValueTaskSourceCore<bool> _core;

    public InCompletionOrderCoordinator(Promise<T>[] inputs, CancellationToken cancellationToken)
    {
        _scheduler = JobScheduler.Capture();
        _inputs = inputs;
        _arrived = new Promise<T>[inputs.Length];
        _cancellationToken = cancellationToken;
        _core.RunContinuationsAsynchronously = true;
        foreach (Promise<T> input in inputs)
        {
            input.AddReaction(this);
        }
    }

    public Promise<T> Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true.");

    public IAsyncEnumerator<Promise<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("The sequence of Promise.InCompletionOrder can be enumerated only once (like Task.WhenEach).");
        }

        if (cancellationToken.CanBeCanceled && cancellationToken != _cancellationToken)
        {
            if (_cancellationToken.CanBeCanceled)
            {
                _linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
                _cancellationToken = _linked.Token;
            }
            else
            {
                _cancellationToken = cancellationToken;
            }
        }

        if (_cancellationToken.CanBeCanceled)
        {
            _registration = _cancellationToken.UnsafeRegister(static state => ((InCompletionOrderCoordinator<T>)state!).OnCancelled(), this);
        }

        return this;
    }

    public ValueTask<bool> MoveNextAsync()
    {
        lock (_arrived)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_waiting)
            {
                throw new InvalidOperationException("MoveNextAsync was called again before the previous call completed.");
            }

            if (_read < _written)
            {
                _current = _arrived[_read++];
                return new ValueTask<bool>(true);
            }

            if (_read == _arrived.Length)
            {
                _current = null;
                return new ValueTask<bool>(false);
            }

            if (_cancelled)
            {
                return ValueTask.FromException<bool>(new OperationCanceledException(_cancellationToken));
            }

            _core.Reset();
            _waiting = true;
            return new ValueTask<bool>(this, _core.Version);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_arrived)
        {
            if (_disposed)
            {
                return default;
            }

            _disposed = true;
        }

        _registration.Dispose();
        _linked?.Dispose();
        foreach (Promise<T> input in _inputs)
        {
            if (!input.IsSettled)
            {
                // The consumer stopped early: the inputs it will never see stay handled, as a combinator's inputs do.
                input.RemoveReaction(this, staysHandled: true);
            }
        }

        return default;
    }

    internal override void OnSourceSettled(Promise source) => JobScheduler.Enqueue(_scheduler, this, source);

    internal override void RunJob(Promise? source)
    {
        lock (_arrived)
        {
            _arrived[_written++] = (Promise<T>)source!;
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            _current = _arrived[_read++];
        }

        _core.SetResult(true);
    }

    private void OnCancelled()
    {
        lock (_arrived)
        {
            _cancelled = true;
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
        }

        _core.SetException(new OperationCanceledException(_cancellationToken));
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
