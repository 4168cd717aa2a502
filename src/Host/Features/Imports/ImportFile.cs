using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using SupervisionCore.Kernel;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>One data row of an import file: its row number as the spreadsheet shows it (the header is row 1) and its cells by header.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>The file could not be read as a table (not xlsx/CSV, no header, too many rows).</summary>
public sealed class ImportFileException(LocalizedText reason) : Exception(reason.En)
{
    public LocalizedText Reason { get; } = reason;
}

/// <summary>Reads an uploaded .xlsx (MiniExcel) or .csv (CsvHelper; UTF-8 with or without BOM, or GB18030 as Excel saves it in China) and writes templates.</summary>
public static class ImportFile
{
    public const int MaxRows = 10_000;

    /// <summary>
    /// Rows read, blank ones included: a sheet can declare a huge range (<c>&lt;dimension ref="A1:XFD40000"/&gt;</c>) or hold one
    /// far row, and the reader then walks every row in between; the cap bounds that walk, not only the rows kept.
    /// </summary>
    public const int MaxRowsRead = 2 * MaxRows;

    /// <summary>Columns of a row: the import types have about twenty; a sheet as wide as XFD (16,384) is refused at its first row.</summary>
    public const int MaxColumns = 256;

    /// <summary>Default time budget of reading one file (the job's own budget is <c>Imports:MaxSecondsPerJob</c>).</summary>
    public static readonly TimeSpan DefaultReadBudget = TimeSpan.FromSeconds(30);

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>csv | xlsx from the file name, or null.</summary>
    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    public static (IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows) Read(byte[] content, string format) =>
        Read(content, format, DefaultReadBudget);

    /// <summary>Reads the file within <paramref name="budget"/> (else a clear error, never an endless job).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows) Read(byte[] content, string format, TimeSpan budget)
    {
        var deadline = new Deadline(budget);
        try
        {
            return format == "xlsx" ? ReadXlsx(content, deadline) : ReadCsv(content, deadline);
        }
        catch (ImportFileException) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvFormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportFileException(new($"无法读取 {format} 文件", $"the file cannot be read as {format}"));
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ImportRow>) ReadXlsx(byte[] content, Deadline deadline)
    {
        // The reader sizes every row by the sheet's declared range and fills the rows up to the farthest one: check the
        // worksheets' XML first (streamed, no DTD), so a declared A1:XFD40000 or one far cell is refused in milliseconds.
        CheckSheetShape(content, deadline);
        using var stream = new MemoryStream(content);
        var rows = new List<ImportRow>();
        List<string>? headers = null;
        var number = 1;
        var read = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            deadline.Check();
            if (++read > MaxRowsRead) throw TooManyRead();
            if (row.Count > MaxColumns) throw TooWide();
            var cells = row.Values.Select(Text).ToList();
            if (headers is null)
            {
                headers = [.. cells.Select(c => c.Trim())];
                continue;
            }
            number++;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new ImportRow(number, ToCells(headers, cells)));
            if (rows.Count > MaxRows) throw TooMany();
        }
        return (headers ?? throw NoHeader(), rows);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ImportRow>) ReadCsv(byte[] content, Deadline deadline)
    {
        using var text = new StreamReader(new MemoryStream(content), Utf8OrGb18030(content), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { TrimWhitespace = true }, false);
        var headers = csv.Headers.Select(h => h.Trim()).ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0)) throw NoHeader();
        var rows = new List<ImportRow>();
        var read = 0;
        while (csv.Read())
        {
            deadline.Check();
            if (++read > MaxRowsRead) throw TooManyRead();
            if (csv.FieldCount > MaxColumns) throw TooWide();
            var cells = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? string.Empty).ToList();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            // RowNumber counts data records from 1; the spreadsheet shows the header as row 1.
            rows.Add(new ImportRow((int)csv.RowNumber + 1, ToCells(headers, cells)));
            if (rows.Count > MaxRows) throw TooMany();
        }
        return (headers, rows);
    }

    private static Encoding Utf8OrGb18030(byte[] content)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static Dictionary<string, string> ToCells(List<string> headers, List<string> cells)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
            if (headers[i].Length > 0) map[headers[i]] = i < cells.Count ? cells[i].Trim() : string.Empty;
        return map;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static ImportFileException NoHeader() => new(new("文件没有表头行", "the file has no header row"));

    private static ImportFileException TooManyRead() => new(new(
        $"文件超过 {MaxRowsRead} 行（含空行；工作表声明的范围或远处的单元格也计入），未导入", $"the file has more than {MaxRowsRead} rows (blank rows and a declared range included); nothing imported"));

    private static ImportFileException TooWide() => new(new(
        $"文件超过 {MaxColumns} 列，未导入", $"the file has more than {MaxColumns} columns; nothing imported"));

    private static void CheckSheetShape(byte[] content, Deadline deadline)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = System.Xml.XmlReader.Create(entry.Open(), settings);
            var rows = 0;
            var nodes = 0;
            while (reader.Read())
            {
                if (++nodes % 1024 == 0) deadline.Check();
                if (reader.NodeType != System.Xml.XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "dimension" when reader.GetAttribute("ref") is { } range:
                        CheckCell(range[(range.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                        break;
                    case "row":
                        if (++rows > MaxRowsRead) throw TooManyRead();
                        if (int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > MaxRowsRead) throw TooManyRead();
                        break;
                    case "c" when reader.GetAttribute("r") is { } cell:
                        CheckCell(cell);
                        break;
                }
            }
        }
    }

    /// <summary>Refuses a cell reference (<c>XFD40000</c>) beyond <see cref="MaxColumns"/> or <see cref="MaxRowsRead"/>.</summary>
    private static void CheckCell(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumns) throw TooWide();
        }
        if (int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > MaxRowsRead) throw TooManyRead();
    }

    /// <summary>A reading time budget, checked once per row.</summary>
    private sealed class Deadline(TimeSpan budget)
    {
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

        public void Check()
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(_start) > budget)
                throw new ImportFileException(new($"读取文件超过时限（{budget.TotalSeconds:0} 秒），未导入", $"reading the file took longer than the time limit ({budget.TotalSeconds:0} s); nothing imported"));
        }
    }

    private static ImportFileException TooMany() => new(new($"一次最多导入 {MaxRows} 行", $"at most {MaxRows} rows per file"));

    /// <summary>The template of a type: the header row (Chinese headers) and one example row.</summary>
    public static byte[] Template(string type, string format)
    {
        var columns = ImportTypes.ColumnsOf(type);
        if (format == "xlsx") return Table.Xlsx([.. columns.Select(c => c.Zh)], [[.. columns.Select(c => c.Example)]], type);
        return Table.Csv([.. columns.Select(c => c.Zh)], [[.. columns.Select(c => c.Example)]]);
    }
}
