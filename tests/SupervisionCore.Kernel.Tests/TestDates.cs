using System.Globalization;

namespace SupervisionCore.Kernel.Tests;

internal static class TestDates
{
    public static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);
}
