namespace PromiseJs.Tests.Reliability;

/// <summary>Decides which posts of a faulty scheduler or context throw: the first <c>failures</c> ones (all of them with
/// <see cref="int.MaxValue"/>); the others run on the thread pool.</summary>
internal sealed class FailingPost(int failures)
{
    private int _posts;
    private int _failed;

    /// <summary>Gets how many posts threw.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Gets the exception every failing post throws.</summary>
    public InvalidOperationException Error { get; } = new("Post refused (the dispatcher has shut down).");

    public void Post(SendOrPostCallback callback, object? state)
    {
        if (Interlocked.Increment(ref _posts) <= failures)
        {
            Interlocked.Increment(ref _failed);
            throw Error;
        }

        ThreadPool.QueueUserWorkItem(s => callback(s), state);
    }
}
