using PromiseJs.Tests.TestSupport;

namespace PromiseJs.Tests.Combinators;

/// <summary><see cref="Promise.InCompletionOrder{T}(IEnumerable{Promise{T}}, CancellationToken)"/>.</summary>
public sealed class InCompletionOrderTests
{
    [Fact]
    public void InCompletionOrder_YieldsEachInputAsItSettles()
    {
        var seen = new List<string>();

        PromiseLoop.Run(async () =>
        {
            var inputs = Enumerable.Range(0, 4).Select(_ => Promise.WithResolvers<int>()).ToArray();
            PromiseLoop.SetTimeout(() => inputs[2].Resolve(2), 1);
            PromiseLoop.SetTimeout(() => inputs[0].Reject(new FormatException("zero")), 2);
            PromiseLoop.SetTimeout(() => inputs[3].Resolve(3), 3);
            PromiseLoop.SetTimeout(() => inputs[1].Resolve(1), 4);

            await foreach (Promise<int> settled in Promise.InCompletionOrder(inputs.Select(r => r.Promise)))
            {
                seen.Add(settled.State == PromiseState.Fulfilled ? settled.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : settled.Reason!.Message);
            }
        });

        Assert.Equal(["2", "zero", "3", "1"], seen);
    }

    [Fact]
    public void InCompletionOrder_InputsSettledBeforeTheEnumerationStarts_KeepTheirSettlingOrder()
    {
        var seen = new List<int>();

        PromiseLoop.Run(async () =>
        {
            var a = Promise.WithResolvers<int>();
            var b = Promise.WithResolvers<int>();
            var sequence = Promise.InCompletionOrder([a.Promise, b.Promise]);
            b.Resolve(2);
            await Promise.Resolve();
            a.Resolve(1);
            await Promise.Delay(1);
            await foreach (Promise<int> settled in sequence)
            {
                seen.Add(await settled);
            }
        });

        Assert.Equal([2, 1], seen);
    }

    [Fact]
    public void InCompletionOrder_Cancelled_PendingMoveNextThrows()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(async () =>
        {
            var pending = Promise.WithResolvers<int>();
            PromiseLoop.SetTimeout(cancellation.Cancel, 1);
            await foreach (Promise<int> settled in Promise.InCompletionOrder([Promise.Resolve(1), pending.Promise], cancellation.Token))
            {
                seen.Add(settled.Value);
            }
        }));

        Assert.Equal([1], seen);
    }

    [Fact]
    public void InCompletionOrder_EnumeratorTokenCancelled_PendingMoveNextThrows()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => PromiseLoop.Run(async () =>
        {
            PromiseLoop.SetTimeout(cancellation.Cancel, 1);
            await foreach (Promise<int> settled in Promise.InCompletionOrder([Promise.WithResolvers<int>().Promise]).WithCancellation(cancellation.Token))
            {
            }
        }));
    }

    [Fact]
    public void InCompletionOrder_BreakEarly_LetsGoOfThePendingInputs()
    {
        var pending = Promise.WithResolvers<int>();

        PromiseLoop.Run(async () =>
        {
            await foreach (Promise<int> settled in Promise.InCompletionOrder([Promise.Resolve(1), pending.Promise]))
            {
                break;
            }
        });

        Assert.Equal(0, Reactions.CountOn(pending.Promise));
    }

    [Fact]
    public void InCompletionOrder_EnumeratedTwice_Throws()
    {
        var sequence = Promise.InCompletionOrder([Promise.Resolve(1)]);
        _ = sequence.GetAsyncEnumerator();

        Assert.Throws<InvalidOperationException>(() => sequence.GetAsyncEnumerator());
    }

    [Fact]
    public async Task InCompletionOrder_OutsideLoop_YieldsEveryInput()
    {
        var inputs = Enumerable.Range(0, 20).Select(n => Promise.From(Task.Run(() => n))).ToArray();
        var seen = new List<int>();

        await foreach (Promise<int> settled in Promise.InCompletionOrder(inputs))
        {
            seen.Add(settled.Value);
        }

        Assert.Equal(Enumerable.Range(0, 20), seen.Order());
    }

    [Fact]
    public async Task InCompletionOrder_EmptyOrNull_EndsAtOnceOrThrows()
    {
        var enumerator = Promise.InCompletionOrder(Array.Empty<Promise<int>>()).GetAsyncEnumerator();

        Assert.False(await enumerator.MoveNextAsync());
        Assert.Throws<ArgumentNullException>(() => Promise.InCompletionOrder((IEnumerable<Promise<int>>)null!));
        Assert.Throws<ArgumentException>(() => Promise.InCompletionOrder(new Promise<int>[] { null! }));
    }
}
