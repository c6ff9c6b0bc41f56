namespace PromiseJs.Tests.Spec.Support;

/// <summary>
/// The suite's list of rejection reasons (helpers/reasons.js). A C# reason is an <see cref="Exception"/>, so each JavaScript
/// value is mapped to an exception that wraps or describes it; two rows are C# additions. Every call creates fresh
/// instances, since tests compare reasons by reference.
/// </summary>
internal static class Reasons
{
    public const string Undefined = "`undefined`";
    public const string Null = "`null`";
    public const string False = "`false`";
    public const string Zero = "`0`";
    public const string AnError = "an error";
    public const string AnErrorWithoutAStack = "an error without a stack";
    public const string ADate = "a date";
    public const string AnObject = "an object";
    public const string AnAlwaysPendingThenable = "an always-pending thenable";
    public const string AFulfilledPromise = "a fulfilled promise";
    public const string ARejectedPromise = "a rejected promise";
    public const string AnAggregateException = "an AggregateException";
    public const string AnOperationCanceledException = "an OperationCanceledException";

    public static IReadOnlyList<string> Names { get; } =
    [
        Undefined, Null, False, Zero, AnError, AnErrorWithoutAStack, ADate, AnObject, AnAlwaysPendingThenable,
        AFulfilledPromise, ARejectedPromise, AnAggregateException, AnOperationCanceledException,
    ];

    public static Exception Create(string name) => name switch
    {
        // undefined: the bare base class with nothing of its own, the nearest thing to "no reason at all".
        Undefined => new Exception(),

        // null, false, 0, a date, an object: a thrown non-Error value, carried inside.
        Null => new ThrownValueException(null),
        False => new ThrownValueException(false),
        Zero => new ThrownValueException(0),
        ADate => new ThrownValueException(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        AnObject => new ThrownValueException(new object()),

        // An Error has a stack: a thrown and caught exception has a stack trace; one never thrown has none.
        AnError => Thrown(new InvalidOperationException("an error")),
        AnErrorWithoutAStack => new InvalidOperationException("an error without a stack"),

        // A reason that is itself a thenable must not be adopted.
        AnAlwaysPendingThenable => new ThenableException(),

        // A promise cannot be an exception: the reason carries the promise.
        AFulfilledPromise => new ThrownValueException(Adapter.Resolved<object?>(Values.Dummy)),
        ARejectedPromise => new ThrownValueException(Adapter.Rejected<object?>(ReasonException.Dummy())),

        // C# additions: reasons that .NET code tends to treat specially must travel untouched too: no unwrapping of an
        // AggregateException, no cancellation semantics for an OperationCanceledException thrown by a handler.
        AnAggregateException => new AggregateException(new InvalidOperationException("inner")),
        AnOperationCanceledException => new OperationCanceledException("a reason like any other"),

        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a reason of the list"),
    };

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
