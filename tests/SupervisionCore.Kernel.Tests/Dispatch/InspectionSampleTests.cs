using SupervisionCore.Kernel.Dispatch;

namespace SupervisionCore.Kernel.Tests.Dispatch;

public class InspectionSampleTests
{
    [Theory]
    [InlineData("Tenth_of_15_rounds_up_to_2", 15, null, "0.1", 2)]
    [InlineData("Fifth_of_15_is_exactly_3", 15, null, "0.2", 3)]
    [InlineData("Tiny_ratio_is_at_least_1", 15, null, "0.001", 1)]
    [InlineData("Whole_population", 15, null, "1", 15)]
    [InlineData("Count_within_population", 15, 4, null, 4)]
    [InlineData("Count_above_population_takes_all", 15, 40, null, 15)]
    [InlineData("Empty_population", 0, null, "0.5", 0)]
    public void Sample_size(string name, int population, int? count, string? ratio, int expected) =>
        InspectionSample.SizeOf(population, count, ratio is null ? null : decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected, name);

    [Theory]
    [InlineData("Zero_ratio", null, "0")]
    [InlineData("Ratio_above_one", null, "1.01")]
    [InlineData("Zero_count", 0, null)]
    [InlineData("Neither", null, null)]
    [InlineData("Both", 2, "0.5")]
    public void Refuses_bad_sizes(string name, int? count, string? ratio) =>
        Should.Throw<ArgumentException>(() => InspectionSample.SizeOf(10, count, ratio is null ? null : decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)), name);
}
