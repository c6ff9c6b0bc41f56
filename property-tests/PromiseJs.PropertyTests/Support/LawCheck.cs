namespace PromiseJs.PropertyTests.Support;

/// <summary>Runs FsCheck properties inside xunit facts (FsCheck.Xunit is not on the feed) and runs each case in its own
/// <see cref="PromiseLoop"/>, so every case is deterministic.</summary>
internal static class LawCheck
{
    private const int Cases = 100;

    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    /// <summary>Checks <paramref name="law"/> for <see cref="Cases"/> generated cases; a failed assertion inside it is a
    /// counterexample, which FsCheck reports with the case and its seed.</summary>
    public static void ForAll<T>(Arbitrary<T> cases, Action<T> law) => Check.One(s_config, Prop.ForAll(cases, law));

    /// <inheritdoc cref="ForAll{T}(Arbitrary{T}, Action{T})"/>
    public static void ForAll<T>(Gen<T> cases, Action<T> law) => ForAll(Arb.From(cases), law);

    /// <summary>Runs <paramref name="body"/> inside a fresh loop and returns what it built once the loop is done: every
    /// timer has fired and every queued job ran. Rejections in generated programs are intentional, so they are not
    /// reported as unhandled.</summary>
    public static T InLoop<T>(Func<T> body)
    {
        using (Promise.SuppressUnhandledRejections())
        {
            T result = default!;
            PromiseLoop.Run(() =>
            {
                result = body();
                return Promise.Resolve();
            });
            return result;
        }
    }
}
