using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>
/// 随机抽取检查对象 (the first random of 双随机): how many institutions or activities an inspection draw selects from a
/// population (<c>cn.task.double-random</c>, CN 第十四条、第十五条). Either a count (capped at the population) or a ratio
/// 0 &lt; r ≤ 1 of the population, rounded up and at least 1 (a ratio is a floor of coverage: "扩大督导覆盖面", CN 第十四条).
/// </summary>
public static class InspectionSample
{
    /// <summary>The rule the sample serves.</summary>
    public static RuleDescriptor Rule => NationalRules.TaskDoubleRandom;

    /// <summary>The number to select from <paramref name="population"/> items (0 when the population is empty).</summary>
    /// <exception cref="ArgumentException">Neither or both of <paramref name="count"/> and <paramref name="ratio"/>, or either out of range.</exception>
    public static int SizeOf(int population, int? count, decimal? ratio)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if ((count is null) == (ratio is null)) throw new ArgumentException("give a count or a ratio, not both");
        if (population == 0) return 0;
        if (count is { } n) return n >= 1 ? Math.Min(n, population) : throw new ArgumentOutOfRangeException(nameof(count), "a count is at least 1");
        var r = ratio!.Value;
        if (r is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ratio), "0 < ratio <= 1");
        return Math.Max(1, (int)Math.Ceiling(r * population));
    }
}
