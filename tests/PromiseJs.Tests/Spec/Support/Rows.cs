using Xunit;

namespace PromiseJs.Tests.Spec.Support;

/// <summary>Theory rows shared by the spec classes.</summary>
public static class Rows
{
    public static IReadOnlyList<Mode> AllModes { get; } = [Mode.Loop, Mode.ThreadPool];

    public static IReadOnlyList<Settling> AllSettlings { get; } = [Settling.Already, Settling.Immediately, Settling.Eventually];

    public static IReadOnlyList<Via> AllVias { get; } = [Via.ReturnFromFulfilled, Via.ReturnFromRejected];

    public static IReadOnlyList<Calls> AllCalls { get; } = [Calls.Synchronously, Calls.Asynchronously];

    public static TheoryData<Mode> Modes => [.. AllModes];

    public static TheoryData<Via> Vias => [.. AllVias];

    public static TheoryData<Mode, Settling> ModesAndSettlings
    {
        get
        {
            var rows = new TheoryData<Mode, Settling>();
            foreach (Mode mode in AllModes)
            {
                foreach (Settling settling in AllSettlings)
                {
                    rows.Add(mode, settling);
                }
            }

            return rows;
        }
    }

    public static TheoryData<Mode, Via> ModesAndVias
    {
        get
        {
            var rows = new TheoryData<Mode, Via>();
            foreach (Mode mode in AllModes)
            {
                foreach (Via via in AllVias)
                {
                    rows.Add(mode, via);
                }
            }

            return rows;
        }
    }

    /// <summary>Every mode and settling with each name of <paramref name="names"/>.</summary>
    public static TheoryData<Mode, Settling, string> ModesSettlingsAnd(IEnumerable<string> names)
    {
        var rows = new TheoryData<Mode, Settling, string>();
        foreach (Mode mode in AllModes)
        {
            foreach (Settling settling in AllSettlings)
            {
                foreach (string name in names)
                {
                    rows.Add(mode, settling, name);
                }
            }
        }

        return rows;
    }

    /// <summary>Every mode with each name of <paramref name="names"/>.</summary>
    public static TheoryData<Mode, string> ModesAnd(IEnumerable<string> names)
    {
        var rows = new TheoryData<Mode, string>();
        foreach (Mode mode in AllModes)
        {
            foreach (string name in names)
            {
                rows.Add(mode, name);
            }
        }

        return rows;
    }
}
