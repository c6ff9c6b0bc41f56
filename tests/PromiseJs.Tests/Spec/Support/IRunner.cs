namespace PromiseJs.Tests.Spec.Support;

/// <summary>Runs a scenario's main function to completion in one <see cref="Mode"/>.</summary>
internal interface IRunner
{
    /// <summary>Runs <paramref name="main"/>, waits until its promise settled, and rethrows its rejection.</summary>
    void Run(Func<Promise> main);
}
