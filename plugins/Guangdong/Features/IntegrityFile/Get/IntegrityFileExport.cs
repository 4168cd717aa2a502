using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using SupervisionCore.Plugins.Guangdong.Integrity;
using IntegrityModel = SupervisionCore.Plugins.Guangdong.Integrity.IntegrityFile;

namespace SupervisionCore.Plugins.Guangdong.Features.IntegrityFile.Get;

/// <summary>The integrity file as CSV (CsvHelper, UTF-8 with BOM so spreadsheet programs read the Chinese) or xlsx (MiniExcel).</summary>
public static class IntegrityFileExport
{
    /// <summary>CSV media type.</summary>
    public const string CsvType = "text/csv";

    /// <summary>xlsx media type.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Accepted <c>format</c> values.</summary>
    public static readonly string[] Formats = ["json", "csv", "xlsx"];

    /// <summary>The format asked for: the query wins, then the Accept header, then JSON.</summary>
    public static string Choose(string? format, string? accept) =>
        format ?? (accept is null ? "json" : accept.Contains(XlsxType, StringComparison.OrdinalIgnoreCase) ? "xlsx"
            : accept.Contains(CsvType, StringComparison.OrdinalIgnoreCase) ? "csv" : "json");

    /// <summary>One row per entry; the header row names the columns in Chinese and English.</summary>
    public sealed class Row
    {
        /// <summary>时间 / time (China, ISO 8601).</summary>
        public required string At { get; init; }

        /// <summary>类别 / kind.</summary>
        public required string Kind { get; init; }

        /// <summary>事项 / label in Chinese.</summary>
        public required string Label { get; init; }

        /// <summary>督导任务 / task.</summary>
        public string? Task { get; init; }

        /// <summary>评价机构 / institution.</summary>
        public string? Institution { get; init; }

        /// <summary>详情 / facts.</summary>
        public required string Detail { get; init; }
    }

    /// <summary>The rows of <paramref name="entries"/>.</summary>
    public static List<Row> Rows(IEnumerable<IntegrityEntry> entries) =>
    [
        .. entries.Select(e => new Row
        {
            At = e.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Kind = e.Kind, Label = e.Label.Zh,
            Task = e.TaskId, Institution = e.InstitutionId, Detail = IntegrityModel.DetailText(e),
        }),
    ];

    /// <summary>The header row.</summary>
    public static readonly string[] Header = ["at", "kind", "label", "task", "institution", "detail"];

    /// <summary>CSV bytes (RFC 4180, UTF-8 with a byte order mark), header row first.</summary>
    public static byte[] Csv(IEnumerable<IntegrityEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var r in Rows(entries)) csv.WriteRecord([r.At, r.Kind, r.Label, r.Task, r.Institution, r.Detail]);
            csv.Flush();
        }
        return buffer.ToArray();
    }

    /// <summary>xlsx bytes: one sheet 诚信档案.</summary>
    public static byte[] Xlsx(IEnumerable<IntegrityEntry> entries)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(Rows(entries), sheetName: "诚信档案");
        return buffer.ToArray();
    }
}
