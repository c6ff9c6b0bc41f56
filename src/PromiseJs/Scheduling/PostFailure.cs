namespace PromiseJs.Scheduling;

/// <summary>
/// What happens to a job whose scheduler refused it (its <c>Post</c> threw): the job fails instead of being lost. A
/// reaction promise rejects with the <c>Post</c> exception; other jobs (an <c>await</c> continuation, a combinator's step)
/// run on the thread pool instead. The exception never reaches the code that settled the source, and the source's other
/// reactions are still dispatched.
/// </summary>
internal static class PostFailure
{
    // A failure met while another is being handled on this thread (the rejection of a refused reaction dispatching its own
    // reactions to the same refusing context) waits here, so a long chain fails in a loop, not a recursion.
    [ThreadStatic]
    private static Queue<(Promise Job, Promise? Source, Exception Error)>? t_pending;

    [ThreadStatic]
    private static bool t_handling;

    public static void Fail(Promise job, Promise? source, Exception error)
    {
        if (t_handling)
        {
            (t_pending ??= new()).Enqueue((job, source, error));
            return;
        }

        t_handling = true;
        try
        {
            job.OnPostFailed(source, error);
            while (t_pending is { Count: > 0 } pending)
            {
                (Promise nextJob, Promise? nextSource, Exception nextError) = pending.Dequeue();
                nextJob.OnPostFailed(nextSource, nextError);
            }
        }
        finally
        {
            t_handling = false;
        }
    }
}
