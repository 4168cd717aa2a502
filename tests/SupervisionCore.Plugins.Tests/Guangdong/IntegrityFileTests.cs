using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Features.IntegrityFile.Get;
using SupervisionCore.Plugins.Guangdong.Integrity;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class IntegrityFileTests
{
    private static SupervisorFileEntry E(string at, string kind, params (string, string?)[] detail) =>
        new(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), kind, kind == SupervisorFileEntryKinds.Sanction ? null : "t1", "i1",
            detail.ToDictionary(d => d.Item1, d => d.Item2));

    private static readonly SupervisorFileEntry[] File =
    [
        E("2025-06-01T09:00:00Z", SupervisorFileEntryKinds.Appointed),
        E("2025-06-02T09:00:00Z", SupervisorFileEntryKinds.Dispatched),
        E("2025-06-03T09:00:00Z", SupervisorFileEntryKinds.Accepted),
        E("2025-06-10T00:30:00Z", SupervisorFileEntryKinds.Attended),
        E("2025-06-30T09:00:00Z", SupervisorFileEntryKinds.RecordFiled, ("late", "true"), ("dueOn", "2025-06-17")),
        E("2025-06-11T09:00:00Z", SupervisorFileEntryKinds.Feedback, ("conduct", "ok")),
        E("2025-07-01T09:00:00Z", SupervisorFileEntryKinds.Sanction, ("measure", "criticism"), ("ground", "gd.dereliction")),
        E("2025-07-02T09:00:00Z", SupervisorFileEntryKinds.Dispatched),
        E("2025-07-03T09:00:00Z", SupervisorFileEntryKinds.Refused, ("withoutReason", "true")),
        E("2025-07-04T09:00:00Z", SupervisorFileEntryKinds.CardWithdrawn),
    ];

    [Fact]
    public void Keeps_conduct_in_time_order_and_leaves_out_registry_facts()
    {
        var entries = IntegrityFile.Entries(File);
        entries.Select(e => e.Kind).ShouldBe(["dispatched", "accepted", "attended", "feedback", "record-filed", "sanction", "dispatched", "refused"]);
        entries.ShouldAllBe(e => e.At.Offset == TimeSpan.FromHours(8));
        entries.Single(e => e.Kind == "record-filed").Label.Zh.ShouldBe("提交督导情况记录表（逾期）");
    }

    [Fact]
    public void Counts_answers_records_on_time_and_late_feedback_and_sanctions()
    {
        var summary = IntegrityFile.Summarise([.. IntegrityFile.Entries(File)]);
        summary.ShouldBe(new IntegritySummary(Dispatched: 2, Accepted: 1, Refused: 1, RefusedWithoutReason: 1, Attended: 1, RecordsOnTime: 0, RecordsLate: 1, Feedback: 1, Sanctions: 1));
    }

    [Fact]
    public void Csv_has_a_header_and_one_line_per_entry()
    {
        var bytes = IntegrityFileExport.Csv(IntegrityFile.Entries(File));
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("at,kind,label,task,institution,detail");
        lines.Length.ShouldBe(9);
        lines[5].ShouldContain("dueOn=2025-06-17; late=true");
    }

    [Theory]
    [InlineData(null, null, "json")]
    [InlineData(null, "application/json", "json")]
    [InlineData(null, "text/csv", "csv")]
    [InlineData(null, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")]
    [InlineData("csv", "application/json", "csv")]
    [InlineData("xlsx", null, "xlsx")]
    public void The_query_wins_over_the_accept_header(string? format, string? accept, string chosen) =>
        IntegrityFileExport.Choose(format, accept).ShouldBe(chosen);
}
