using System.Reactive.Linq;
using System.Reactive.Subjects;
using PromiseJs.Reactive.Tests.TestSupport;

namespace PromiseJs.Reactive.Tests;

/// <summary><c>await observable.ToPromise()</c> inside promise code: no blocking, and the code resumes where promise code
/// resumes (on the loop).</summary>
public sealed class AwaitObservableTests
{
    [Fact]
    public void Await_ToPromiseInsideAnAsyncPromiseMethod_ResumesOnTheLoopWhenTheSourceCompletes()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var log = new List<string>();
        var subject = new Subject<int>();

        async Promise<int> SumAsync()
        {
            log.Add("waiting");
            int[] values = await subject.ToArray().ToPromise();
            log.Add($"resumed on the loop thread: {Environment.CurrentManagedThreadId == loopThread}");
            return values.Sum();
        }

        int sum = PromiseLoop.Run(() =>
        {
            Promise<int> sumPromise = SumAsync();
            PromiseLoop.SetImmediate(() =>
            {
                log.Add("the loop goes on while SumAsync waits");
                Task.Run(() =>
                {
                    subject.OnNext(1);
                    subject.OnNext(2);
                    subject.OnCompleted();
                });
            });
            return sumPromise;
        });

        Assert.Equal(3, sum);
        Assert.Equal(["waiting", "the loop goes on while SumAsync waits", "resumed on the loop thread: True"], log);
    }

    [Fact]
    public void Await_FirstToPromiseOfAFailingSource_ThrowsTheOriginalException()
    {
        var reason = new TimeoutException("no answer");

        Exception thrown = Assert.Throws<TimeoutException>(() => PromiseLoop.Run(async () =>
        {
            await Observable.Throw<int>(reason).FirstToPromise();
        }));

        Assert.Same(reason, thrown);
    }

    [Fact]
    public void Await_ToPromiseInsideVirtualTimeWork_ResumesWhenTheClockGetsThere()
    {
        using var time = new VirtualTime();

        Promise<string> work = time.Run(() => Promise.Run(async () =>
        {
            string first = await Observable.Return("ping").Delay(TimeSpan.FromSeconds(4), time.Scheduler).FirstToPromise();
            return $"{first} after {time.Elapsed.TotalSeconds}s";
        }));

        time.AdvanceTo(3);
        Assert.Equal(PromiseState.Pending, work.State);
        time.AdvanceTo(4);

        Assert.Equal("ping after 4s", work.Value);
    }
}
