namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.AllSettled</c> (array and tuple shapes): once every input has settled, builds one result
/// per input, in input order; never rejects.</summary>
internal sealed class AllSettledCoordinator<TResult> : Coordinator<TResult>
{
    private readonly Func<Promise[], TResult> _collect;

    public AllSettledCoordinator(Promise[] inputs, Func<Promise[], TResult> collect)
        : base(inputs)
    {
        _collect = collect;
        Subscribe();
    }

    protected override void OnInputSettled(Promise input)
    {
        if (CountDown() && Inputs is { } inputs)
        {
            Fulfill(_collect(inputs), early: false);
        }
    }

    protected override void OnEveryInputSettled(Promise[] inputs) => Fulfill(_collect(inputs), early: false);
}
