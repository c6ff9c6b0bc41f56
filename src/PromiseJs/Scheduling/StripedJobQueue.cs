using System.Numerics;
using System.Runtime.CompilerServices;

namespace PromiseJs.Scheduling;

/// <summary>
/// Promise jobs on a scheduler that runs posted callbacks in parallel: a fixed set of <see cref="SerialJobQueue"/> stripes,
/// and each job goes to the stripe of its key — the promise whose settlement queued it. The jobs of one promise therefore
/// share one FIFO queue drained by one callback at a time (its handlers run one after another, in attachment order:
/// Promises/A+ 2.2.6), while the jobs of other promises drain on other threads.
/// </summary>
/// <remarks>
/// Two unrelated promises share a stripe with a probability of one in <see cref="StripeCount"/>; they then run one after the
/// other, as every job did before stripes, which costs time but breaks no rule. A stripe is created on its first job.
/// </remarks>
internal sealed class StripedJobQueue
{
    private readonly PromiseScheduler _scheduler;
    private readonly SerialJobQueue?[] _stripes;

    // 32 minus log2(StripeCount): the top bits of a Fibonacci hash pick the stripe.
    private readonly int _shift;

    public StripedJobQueue(PromiseScheduler scheduler, int stripeCount)
    {
        if (stripeCount < 2 || !BitOperations.IsPow2(stripeCount))
        {
            throw new ArgumentOutOfRangeException(nameof(stripeCount), stripeCount, "A power of two, at least 2.");
        }

        _scheduler = scheduler;
        _stripes = new SerialJobQueue?[stripeCount];
        _shift = 32 - BitOperations.Log2((uint)stripeCount);
    }

    /// <summary>Gets the stripe count for a scheduler as parallel as the machine: four per core, at least 64, so that a
    /// blocked handler delays an unrelated promise's handlers only rarely.</summary>
    public static int DefaultStripeCount { get; } = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, Environment.ProcessorCount * 4));

    public int StripeCount => _stripes.Length;

    /// <summary>Queues a job after the jobs already queued for the same source; a job without one (a thenable's call) goes
    /// to the stripe of the job itself.</summary>
    public void Enqueue(Promise job, Promise? source) => StripeAt(StripeOf(source ?? job)).Enqueue(job, source);

    /// <summary>Queues a job after every job already queued with the same <paramref name="key"/> (a loop that has ended hands
    /// its jobs on under its own key, so they still run one at a time, in its order).</summary>
    public void Enqueue(Promise job, Promise? source, object key) => StripeAt(StripeOf(key)).Enqueue(job, source);

    /// <summary>Gets the stripe a key's jobs go to.</summary>
    public int StripeOf(object key) => (int)(((uint)RuntimeHelpers.GetHashCode(key) * 0x9E3779B9u) >> _shift);

    private SerialJobQueue StripeAt(int index) => Volatile.Read(ref _stripes[index]) ?? CreateStripe(index);

    private SerialJobQueue CreateStripe(int index)
    {
        // Only one queue may ever serve a stripe, or two jobs of one promise could end up in different queues.
        Interlocked.CompareExchange(ref _stripes[index], new SerialJobQueue(_scheduler), null);
        return _stripes[index]!;
    }
}
