using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using SupervisionCore.Host.Features.Imports;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Usability;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 7: a worksheet that declares a huge range (<c>&lt;dimension ref="A1:XFD40000"/&gt;</c>) with one far row must not
/// keep an import running: rows read (kept or not) and columns are bounded, and the job fails at once with a clear error.
/// </summary>
public sealed class ImportBoundsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    /// <summary>A minimal .xlsx whose sheet declares <paramref name="dimension"/> and holds the header plus the given cells.</summary>
    internal static byte[] Workbook(string dimension, params (string Ref, int Row, string Text)[] cells)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var rows = new StringBuilder();
            foreach (var group in cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{group.Key}\">");
                foreach (var c in group) rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c r=\"{c.Ref}\" t=\"inlineStr\"><is><t>{c.Text}</t></is></c>");
                rows.Append("</row>");
            }
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>""");
        }
        return buffer.ToArray();
    }

    private static readonly (string, int, string)[] Header = [("A1", 1, "姓名"), ("B1", 1, "公民身份号码"), ("C1", 1, "类别"), ("D1", 1, "辖区")];

    public static TheoryData<string, byte[]> Hostile() => new()
    {
        { "declared A1:XFD40000, one far row", Workbook("A1:XFD40000", [.. Header, ("XFD40000", 40000, "x")]) },
        { "declared A1:D40000, one far row", Workbook("A1:D40000", [.. Header, ("A40000", 40000, "x")]) },
        { "no dimension, one far column", Workbook("A1", [.. Header, ("XFD2", 2, "x")]) },
        { "declared range fine, one far row", Workbook("A1:D3", [.. Header, ("A2", 2, "x"), ("A1048576", 1048576, "x")]) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_sheet_with_a_huge_declared_range_is_refused_quickly(string name, byte[] file)
    {
        var watch = Stopwatch.StartNew();
        var read = Task.Run(() => ImportFile.Read(file, "xlsx"));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));
        finished.ShouldBe(read, $"{name}: still reading after {watch.Elapsed.TotalSeconds:0} s");
        var error = await Should.ThrowAsync<ImportFileException>(() => read);
        error.Reason.En.ShouldMatch("rows|columns", name);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), name);
    }

    [Fact]
    public async Task The_import_job_of_such_a_sheet_fails_with_a_clear_error()
    {
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var watch = Stopwatch.StartNew();
        var job = await UsabilitySupport.ImportAsync(admin, Workbook("A1:XFD40000", [.. Header, ("XFD40000", 40000, "x")]), "far.xlsx", "supervisors", "all-or-nothing", "en");
        job.GetProperty("status").GetString().ShouldBe("failed", job.ToString());
        job.ToString().ShouldMatch("rows|columns");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_normal_sheet_still_reads()
    {
        var (headers, rows) = ImportFile.Read(Workbook("A1:D3", [.. Header, ("A2", 2, "张三"), ("D2", 2, "44"), ("A3", 3, "李四")]), "xlsx");
        headers.ShouldBe(["姓名", "公民身份号码", "类别", "辖区"]);
        rows.Count.ShouldBe(2);
        rows[1].Number.ShouldBe(3);
    }

    [Fact]
    public void Reading_has_a_time_budget()
    {
        // Ten thousand real rows are allowed, but not without limit in time: a budget of zero stops the read with a clear error.
        var cells = Header.Concat(Enumerable.Range(2, 200).Select(r => ($"A{r}", r, "张三"))).ToArray();
        var error = Should.Throw<ImportFileException>(() => ImportFile.Read(Workbook($"A1:D201", cells), "xlsx", TimeSpan.Zero));
        error.Reason.En.ShouldContain("time");
    }
}
