using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>Helpers of the usability tests: resident ID numbers, uploads, waiting for an import, reading CSV/xlsx.</summary>
internal static class UsabilitySupport
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static int _serial = Random.Shared.Next(0, 900);

    /// <summary>A valid GB 11643 number (region 440106, a 1970s birth date, a serial no other call of this run used).</summary>
    public static string IdNumber(string region = "440106")
    {
        var n = Interlocked.Increment(ref _serial);
        var body = $"{region}19{70 + n % 20:00}{1 + n % 12:00}{1 + n % 28:00}{n % 1000:000}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The number with a wrong check character.</summary>
    public static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    public static string Csv(params string[][] rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => c.Contains(',') ? $"\"{c}\"" : c)))) + "\r\n";

    public static byte[] Xlsx(string[] headers, params string[][] rows)
    {
        var data = rows.Select(r => headers.Select((h, i) => (h, v: (object)r[i])).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string type, string mode, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(type), "type");
        form.Add(new StringContent(mode), "mode");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    /// <summary>Submits and waits for the worker to finish the job (bounded wait, not a timing assertion).</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string fileName, string type, string mode, string? language = null)
    {
        var response = await UploadAsync(client, file, fileName, type, mode, language);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        return await WaitAsync(client, id!);
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        // Generous: on a loaded 2-core CI box a job can queue behind other tests' work. Not a timing assertion.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var job = await (await client.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();
            last = job.GetRawText();
            if (job.GetProperty("status").GetString() is "succeeded" or "failed") return job;
            await Task.Delay(200);
        }
        throw new TimeoutException($"import {id} did not finish: {last}");
    }

    public static List<JsonElement> Errors(this JsonElement job) => [.. job.GetProperty("errors").EnumerateArray()];

    public static List<string[]> ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { HasHeader = false }, false);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        return rows;
    }

    public static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
