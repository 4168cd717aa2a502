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

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>csv | xlsx from the file name, or null.</summary>
    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    public static (IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows) Read(byte[] content, string format)
    {
        try
        {
            return format == "xlsx" ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (ImportFileException) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvFormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportFileException(new($"无法读取 {format} 文件", $"the file cannot be read as {format}"));
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ImportRow>) ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<ImportRow>();
        List<string>? headers = null;
        var number = 1;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
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

    private static (IReadOnlyList<string>, IReadOnlyList<ImportRow>) ReadCsv(byte[] content)
    {
        using var text = new StreamReader(new MemoryStream(content), Utf8OrGb18030(content), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { TrimWhitespace = true }, false);
        var headers = csv.Headers.Select(h => h.Trim()).ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0)) throw NoHeader();
        var rows = new List<ImportRow>();
        while (csv.Read())
        {
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

    private static ImportFileException TooMany() => new(new($"一次最多导入 {MaxRows} 行", $"at most {MaxRows} rows per file"));

    /// <summary>The template of a type: the header row (Chinese headers) and one example row.</summary>
    public static byte[] Template(string type, string format)
    {
        var columns = ImportTypes.ColumnsOf(type);
        if (format == "xlsx") return Table.Xlsx([.. columns.Select(c => c.Zh)], [[.. columns.Select(c => c.Example)]], type);
        return Table.Csv([.. columns.Select(c => c.Zh)], [[.. columns.Select(c => c.Example)]]);
    }
}
