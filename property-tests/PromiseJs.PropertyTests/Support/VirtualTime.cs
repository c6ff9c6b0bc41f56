using Microsoft.Extensions.Time.Testing;

namespace PromiseJs.PropertyTests.Support;

/// <summary>Runs a body inside <see cref="PromiseLoop"/> with a fake clock that moves one millisecond per loop task, once
/// the jobs are drained, up to a horizon: timers fire in virtual time, deterministically.</summary>
internal static class VirtualTime
{
    public static T InLoop<T>(int horizonMs, Func<FakeTimeProvider, T> body)
    {
        var clock = new FakeTimeProvider();
        using (Promise.SuppressUnhandledRejections())
        {
            T result = default!;
            PromiseLoop.Run(() =>
            {
                result = body(clock);
                PromiseWithResolvers done = Promise.WithResolvers();
                int now = 0;
                void Step()
                {
                    if (now >= horizonMs)
                    {
                        done.Resolve();
                        return;
                    }

                    now++;
                    clock.Advance(TimeSpan.FromMilliseconds(1));
                    PromiseLoop.SetImmediate(Step);
                }

                PromiseLoop.SetImmediate(Step);
                return done.Promise;
            });
            return result;
        }
    }
}
