using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>Writes a table (headers + rows of text) as CSV (CsvHelper: UTF-8 with BOM for Excel, formula injection escaped) or .xlsx (MiniExcel).</summary>
public static class Table
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([.. headers]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(v => v ?? string.Empty)]);
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string sheet)
    {
        // Excel limits sheet names to 31 characters.
        if (sheet.Length > 30) sheet = sheet[..30];
        // Text cells throughout: an ID number or a filing number must not become a number.
        var data = rows.Select(r => (IDictionary<string, object?>)headers.Select((h, i) => (h, v: (object?)(i < r.Count ? r[i] ?? "" : "")))
            .ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        if (data.Count == 0)
        {
            var table = new System.Data.DataTable(sheet);
            foreach (var h in headers) table.Columns.Add(h, typeof(string));
            stream.SaveAs(table, sheetName: sheet);
        }
        else stream.SaveAs(data, sheetName: sheet);
        return stream.ToArray();
    }

    public static Encoding Utf8 => new UTF8Encoding(false);
}
