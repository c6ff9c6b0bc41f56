using System.Runtime.ExceptionServices;

namespace PromiseJs.Combinators;

/// <summary>Coordinates <c>Promise.Some</c>: fulfills with the first <c>count</c> values in the order they arrived; rejects
/// with an <see cref="AggregateException"/> of the reasons, in the order they arrived, once too many inputs rejected for
/// <c>count</c> fulfillments to remain possible.</summary>
internal sealed class SomeCoordinator<T> : Coordinator<T[]>
{
    private readonly T[] _values;

    // One more than the rejections that still leave count fulfillments possible.
    private readonly Exception[] _reasons;

    // Slots claimed, then slots written: the result is complete when the last write lands, whichever thread claimed last.
    private int _valuesClaimed;
    private int _valuesWritten;
    private int _reasonsClaimed;
    private int _reasonsWritten;

    public SomeCoordinator(Promise<T>[] inputs, int count)
        : base(inputs)
    {
        _values = new T[count];
        _reasons = new Exception[inputs.Length - count + 1];
        Subscribe();
    }

    public static AggregateException TooManyRejected(int count, int inputs, Exception[] reasons) =>
        new($"Too many promises rejected: {count} of {inputs} had to fulfill, and {reasons.Length} rejected.", reasons);

    // A count larger than the input: no rejection happened, the input was too short from the start.
    public static AggregateException TooFewInputs(int count, int inputs) =>
        new($"Promise.Some needs {count} fulfillments but was given only {inputs} promise{(inputs == 1 ? "" : "s")}, so " +
            "it can never fulfill; pass a count no larger than the number of promises.", []);

    protected override void OnInputSettled(Promise input)
    {
        if (input.IsFulfilled)
        {
            int slot = Interlocked.Increment(ref _valuesClaimed) - 1;
            if (slot < _values.Length)
            {
                _values[slot] = Promise<T>.ValueOf(input);
                if (Interlocked.Increment(ref _valuesWritten) == _values.Length)
                {
                    Fulfill(_values, early: true);
                }
            }

            return;
        }

        int reason = Interlocked.Increment(ref _reasonsClaimed) - 1;
        if (reason < _reasons.Length)
        {
            _reasons[reason] = input.RejectionInfo.SourceException;
            if (Interlocked.Increment(ref _reasonsWritten) == _reasons.Length)
            {
                int inputs = _values.Length + _reasons.Length - 1;
                Reject(ExceptionDispatchInfo.Capture(TooManyRejected(_values.Length, inputs, _reasons)), early: true);
            }
        }
    }
}
