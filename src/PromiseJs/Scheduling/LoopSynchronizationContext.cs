using PromiseJs.Internal;

namespace PromiseJs.Scheduling;

/// <summary>The synchronization context a running <see cref="PromiseLoop"/> installs, so <c>await</c> resumes on the loop.</summary>
internal sealed class LoopSynchronizationContext(LoopCore loop) : SynchronizationContext
{
    public LoopCore Loop { get; } = loop;

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        Loop.PostJob(new PostedCallback(d, state), null);
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (LoopCore.Current == Loop)
        {
            d(state);
            return;
        }

        var callback = new PostedCallback(d, state, new ManualResetEventSlim());
        Loop.PostJob(callback, null);
        callback.WaitAndRethrow();
    }

    public override void OperationStarted() => Loop.OperationStarted();

    public override void OperationCompleted() => Loop.OperationCompleted();

    public override SynchronizationContext CreateCopy() => this;

    private sealed class PostedCallback(SendOrPostCallback callback, object? state, ManualResetEventSlim? done = null) : Reaction
    {
        private Exception? _exception;

                internal override void RunJob(Promise? source)
        {
            if (done is null)
            {
                callback(state);
                return;
            }

            try
            {
                callback(state);
            }
            catch (Exception ex)
            {
                _exception = ex;
            }
            finally
            {
                done.Set();
            }
        }

        public void WaitAndRethrow()
        {
            done!.Wait();
            done.Dispose();
            if (_exception is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_exception);
            }
        }
    }
}
