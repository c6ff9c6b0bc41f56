using Xunit;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>What a promise's handlers saw: every fulfillment and rejection, in order (a correct promise has at most one).</summary>
internal sealed class Observation<T>
{
    private readonly object _gate = new();
    private readonly List<T> _values = [];
    private readonly List<Exception> _reasons = [];

    public void OnFulfilled(T value)
    {
        lock (_gate)
        {
            _values.Add(value);
        }
    }

    public void OnRejected(Exception reason)
    {
        lock (_gate)
        {
            _reasons.Add(reason);
        }
    }

    /// <summary>Asserts one fulfillment with <paramref name="expected"/> (JavaScript's strict equality) and no rejection.</summary>
    public void AssertFulfilledWith(T expected)
    {
        lock (_gate)
        {
            Assert.True(
                _reasons.Count == 0,
                $"expected fulfillment with {expected}, but it rejected with {string.Join(", ", _reasons)}");
            Assert.True(_values.Count == 1, $"expected one fulfillment with {expected}, saw {_values.Count}");
            StrictAssert.Equal(expected, _values[0]);
        }
    }

    /// <summary>Asserts one fulfillment, whatever its value, and no rejection.</summary>
    public void AssertFulfilled()
    {
        lock (_gate)
        {
            Assert.True(_reasons.Count == 0, $"expected fulfillment, but it rejected with {string.Join(", ", _reasons)}");
            Assert.True(_values.Count == 1, $"expected one fulfillment, saw {_values.Count}");
        }
    }

    /// <summary>Asserts one rejection with that very reason and no fulfillment.</summary>
    public void AssertRejectedWith(Exception expected)
    {
        Assert.Same(expected, SingleReason($"{expected.GetType().Name} '{expected.Message}'"));
    }

    /// <summary>Asserts one rejection with a reason of type <typeparamref name="TException"/> and no fulfillment.</summary>
    public TException AssertRejectedWith<TException>()
        where TException : Exception
    {
        return Assert.IsAssignableFrom<TException>(SingleReason(typeof(TException).Name));
    }

    /// <summary>Asserts that neither handler was called.</summary>
    public void AssertNotSettled()
    {
        lock (_gate)
        {
            Assert.True(_values.Count == 0, $"expected no fulfillment, saw {string.Join(", ", _values)}");
            Assert.True(_reasons.Count == 0, $"expected no rejection, saw {string.Join(", ", _reasons)}");
        }
    }

    private Exception SingleReason(string expected)
    {
        lock (_gate)
        {
            Assert.True(
                _values.Count == 0,
                $"expected rejection with {expected}, but it fulfilled with {string.Join(", ", _values)}");
            Assert.True(_reasons.Count == 1, $"expected one rejection with {expected}, saw {_reasons.Count}");
            return _reasons[0];
        }
    }
}
