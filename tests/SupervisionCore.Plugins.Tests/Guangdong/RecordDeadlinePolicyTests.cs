using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class RecordDeadlinePolicyTests
{
    private static readonly RecordDeadlinePolicy Policy = new();
    private static readonly ChinaWorkingDayCalendar Calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();

    [Theory]
    [InlineData("2024-03-01", "2024-03-08")] // Friday: the next five working days
    [InlineData("2024-03-04", "2024-03-11")] // Monday: over a weekend
    [InlineData("2024-09-30", "2024-10-12")] // National Day: 1–7 October off, Saturday 12 October worked
    public void Due_on_the_fifth_working_day_after_the_end(string end, string due)
    {
        var deadline = Policy.DueAfter(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Calendar);
        deadline.Due.ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
        deadline.Assumed.ShouldBeFalse();
    }

    [Fact]
    public void Governs_the_supervision_record_under_gd_record_deadline()
    {
        Policy.Subject.ShouldBe(DeadlineSubject.SupervisionRecord);
        Policy.Allowed.ShouldBe(Deadline.InWorkingDays(5));
        Policy.Rule.Id.ShouldBe("gd.record.deadline");
        Policy.Rule.Citation.ToString().ShouldBe("GD 20");
    }

    [Fact]
    public void The_pack_gives_no_deadline_for_the_institutions_feedback() =>
        typeof(RecordDeadlinePolicy).Assembly.GetTypes()
            .Where(t => typeof(IDeadlinePolicy).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => ((IDeadlinePolicy)Activator.CreateInstance(t)!).Subject)
            .ShouldNotContain(DeadlineSubject.InstitutionFeedback);
}
