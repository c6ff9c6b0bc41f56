namespace PromiseJs.PropertyTests.Support;

/// <summary>Builds the suite's FsCheck properties (checked by <see cref="PromisePropertyAttribute"/>) and runs each case in
/// its own <see cref="PromiseLoop"/>, so every case is deterministic.</summary>
internal static class LawCheck
{
    /// <summary>The property that <paramref name="law"/> holds for every generated case; a failed assertion inside it is a
    /// counterexample, which FsCheck shrinks and reports with the seed that replays it.</summary>
    public static Property ForAll<T>(Arbitrary<T> cases, Action<T> law) => Prop.ForAll(cases, law);

    /// <summary>The property that <paramref name="law"/> holds for every case <paramref name="cases"/> generates; a
    /// counterexample shrinks through <paramref name="shrink"/> (candidates that fail <paramref name="valid"/>, the
    /// generator's precondition, are not tried).</summary>
    public static Property ForAll<T>(Gen<T> cases, Func<T, IEnumerable<T>> shrink, Action<T> law, Func<T, bool>? valid = null) =>
        ForAll(Arb.From(cases, c => valid is null ? shrink(c) : shrink(c).Where(valid)), law);

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
