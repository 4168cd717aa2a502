using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Statement;

/// <summary>The statement as CSV (CsvHelper) or Excel (MiniExcel), both shipped privately with the pack.</summary>
public static class StatementFormats
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Known formats.</summary>
    public static IReadOnlyList<string> All { get; } = [Json, Csv, Xlsx];

    /// <summary>The format asked for: the query wins, else the first known media type in <c>Accept</c>, else JSON.</summary>
    public static string Choose(string? format, string? accept)
    {
        if (format is not null) return format;
        foreach (var part in (accept ?? "").Split(','))
        {
            var media = part.Split(';')[0].Trim();
            if (media.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)) return Csv;
            if (media.Equals(XlsxMediaType, StringComparison.OrdinalIgnoreCase)) return Xlsx;
            if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return Json;
        }
        return Json;
    }

    /// <summary>Column names of the lines (CSV and the xlsx sheet <c>lines</c>).</summary>
    public static IReadOnlyList<string> LineColumns { get; } =
        ["row", "supervisorId", "supervisorName", "date", "taskId", "taskKind", "institutionId", "assignmentId", "from", "to", "minutes", "hours", "unit", "amount", "rateFrom"];

    /// <summary>
    /// UTF-8 with BOM (so spreadsheet programs read the Chinese names), one row per line (<c>row</c> = <c>line</c>), then one
    /// <c>supervisor-total</c> row per supervisor and a final <c>total</c> row. Cells that would start a formula are escaped.
    /// </summary>
    public static byte[] ToCsv(FeeStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord([.. LineColumns]);
            foreach (var line in statement.Lines) csv.WriteRecord(LineCells(line));
            foreach (var s in statement.Supervisors) csv.WriteRecord(TotalCells("supervisor-total", s.SupervisorId, s.SupervisorName, s.Total));
            csv.WriteRecord(TotalCells("total", "", "", statement.Total));
        }
        return stream.ToArray();
    }

    private static string[] TotalCells(string row, string id, string name, decimal amount)
    {
        var cells = new string[LineColumns.Count];
        Array.Fill(cells, "");
        cells[0] = row;
        cells[1] = id;
        cells[2] = name;
        cells[13] = Money(amount);
        return cells;
    }

    private static string[] LineCells(FeeStatementLine l) =>
    [
        "line", l.SupervisorId, l.SupervisorName, Day(l.Date), l.TaskId, TaskKindText(l.TaskKind), l.InstitutionId, l.AssignmentId,
        Instant(l.From), Instant(l.To), l.Minutes.ToString(CultureInfo.InvariantCulture), l.Hours.ToString("0.00", CultureInfo.InvariantCulture),
        UnitText(l.Unit), Money(l.Amount), Day(l.RateFrom),
    ];

    /// <summary>Two sheets: <c>lines</c> (the line columns without <c>row</c>) and <c>totals</c> (per supervisor, then the month).</summary>
    public static byte[] ToXlsx(FeeStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var lines = statement.Lines.Select(l => new Dictionary<string, object?>
        {
            ["supervisorId"] = l.SupervisorId, ["supervisorName"] = l.SupervisorName, ["date"] = Day(l.Date), ["taskId"] = l.TaskId,
            ["taskKind"] = TaskKindText(l.TaskKind), ["institutionId"] = l.InstitutionId, ["assignmentId"] = l.AssignmentId,
            ["from"] = Instant(l.From), ["to"] = Instant(l.To), ["minutes"] = l.Minutes, ["hours"] = l.Hours, ["unit"] = UnitText(l.Unit),
            ["amount"] = l.Amount, ["rateFrom"] = Day(l.RateFrom),
        }).ToList();
        var totals = statement.Supervisors.Select(s => new Dictionary<string, object?>
        {
            ["supervisorId"] = s.SupervisorId, ["supervisorName"] = s.SupervisorName, ["halfDays"] = s.HalfDays, ["days"] = s.Days, ["total"] = s.Total,
        }).Append(new Dictionary<string, object?>
        {
            ["supervisorId"] = "total", ["supervisorName"] = "", ["halfDays"] = statement.Supervisors.Sum(s => s.HalfDays),
            ["days"] = statement.Supervisors.Sum(s => s.Days), ["total"] = statement.Total,
        }).ToList();
        // An empty sheet still carries its header row.
        if (lines.Count == 0) lines.Add(LineColumns.Skip(1).ToDictionary(c => c, _ => (object?)null));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["lines"] = lines, ["totals"] = totals });
        return stream.ToArray();
    }

    /// <summary>A file name such as <c>bj-etdz-fees-2025-06.csv</c>.</summary>
    public static string FileName(FeeStatement statement, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"bj-etdz-fees-{statement.Year:0000}-{statement.Month:00}.{extension}");

    public static string UnitText(FeeUnit unit) => unit switch { FeeUnit.HalfDay => "half-day", FeeUnit.Day => "day", _ => "none" };

    public static string TaskKindText(TaskKind kind) => kind switch
    {
        TaskKind.Daily => "daily",
        TaskKind.Special => "special",
        TaskKind.AfterTheFact => "after-the-fact",
        TaskKind.CompetitionInProgress => "competition-in-progress",
        TaskKind.CompetitionAfter => "competition-after",
        TaskKind.AnnualInspection => "annual-inspection",
        _ => kind.ToString(),
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Money(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
}
