using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using InstitutionRequest = SupervisionCore.Host.Features.Institutions.Create.Request;
using SupervisorRequest = SupervisionCore.Host.Features.Supervisors.Register.Request;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>A per-row error: the spreadsheet row number, the column header as written in the file (or the column key) and the reason.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>Turns rows into the registration requests of the API, collecting cell errors by column.</summary>
internal sealed class ImportRows(IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> headers)
{
    private readonly Dictionary<string, string> _headerOf = columns
        .Select(c => (c.Key, Header: headers.FirstOrDefault(c.Matches)))
        .Where(x => x.Header is not null)
        .ToDictionary(x => x.Key, x => x.Header!);

    /// <summary>The required columns missing from the header row.</summary>
    public IEnumerable<ImportColumn> Missing => columns.Where(c => c.Required && !_headerOf.ContainsKey(c.Key));

    /// <summary>The header naming a column in this file, or the column's key when absent.</summary>
    public string ColumnName(string key) => _headerOf.GetValueOrDefault(key, key);

    public string? Cell(ImportRow row, string key) =>
        _headerOf.TryGetValue(key, out var header) && row.Cells.TryGetValue(header, out var v) && v.Length > 0 ? v : null;

    private bool Has(string key) => _headerOf.ContainsKey(key);

    /// <summary>True for an example row: its <see cref="ImportTypes.ExampleColumn"/> cell is not empty (the template's marker or anything else).</summary>
    public bool IsExample(ImportRow row) => Cell(row, ImportTypes.ExampleColumn.Key) is not null;

    /// <summary>Reads a typed cell, recording an error under its column when it cannot be read.</summary>
    private T? Read<T>(ImportRow row, string key, Func<string?, T?> read, List<ImportRowError> errors)
    {
        try { return read(Cell(row, key)); }
        catch (CellException ex)
        {
            errors.Add(new ImportRowError(row.Number, ColumnName(key), ex.Reason.Get(CultureInfo.CurrentUICulture)));
            return default;
        }
    }

    public async Task<SupervisorRequest> SupervisorAsync(ImportRow row, SupervisionDbContext db, List<ImportRowError> errors, CancellationToken ct)
    {
        var req = new SupervisorRequest
        {
            Name = Cell(row, "name") ?? string.Empty,
            IdNumber = Cell(row, "idNumber") ?? string.Empty,
            Kind = ImportTypes.Code(Cell(row, "kind") ?? string.Empty),
            Jurisdiction = (Cell(row, "jurisdiction") ?? string.Empty).ToUpperInvariant(),
            Phone = Cell(row, "phone"),
        };
        var years = Read(row, "yearsInEvaluation", ImportTypes.Number, errors);
        var examiner = Read(row, "yearsAsExaminer", ImportTypes.Number, errors);
        var role = Read(row, "managementOrTechnicalRole", ImportTypes.Flag, errors);
        if (years is not null || examiner is not null || role is not null) req.Experience = new ExperienceDto(years ?? 0, examiner ?? 0, role ?? false);
        string[] conditions = ["politicalCommitment", "policyKnowledge", "integrity", "organisingAndExpression", "health"];
        if (conditions.Any(Has))
        {
            var v = conditions.Select(c => Read(row, c, ImportTypes.Flag, errors) ?? false).ToArray();
            req.Conditions = new ConditionsDto(v[0], v[1], v[2], v[3], v[4]);
        }
        if (Cell(row, "institutionFilingNumber") is { } filing && JurisdictionCode.TryParse(req.Jurisdiction, out var jurisdiction))
        {
            // The institution by its filing number inside the row's jurisdiction (provinces know institutions by number, not by id).
            var candidates = await db.Institutions.AsNoTracking().Where(i => i.FilingNumber == filing).Select(i => new { i.Id, i.Jurisdiction }).ToListAsync(ct);
            var inside = candidates.Where(c => jurisdiction.Contains(JurisdictionCode.Parse(c.Jurisdiction))).ToList();
            if (inside.Count == 1) req.InstitutionId = inside[0].Id;
            else errors.Add(new ImportRowError(row.Number, ColumnName("institutionFilingNumber"), (inside.Count == 0
                ? new LocalizedText("辖区内没有该备案编号的评价机构", "no institution with this filing number inside the jurisdiction")
                : new LocalizedText("辖区内有多个该备案编号的评价机构", "several institutions inside the jurisdiction have this filing number")).Get(CultureInfo.CurrentUICulture)));
        }
        return req;
    }

    public InstitutionRequest Institution(ImportRow row) => new()
    {
        Name = Cell(row, "name") ?? string.Empty,
        Kind = ImportTypes.Code(Cell(row, "kind") ?? string.Empty),
        FilingNumber = Cell(row, "filingNumber") ?? string.Empty,
        FilingLevel = ImportTypes.Code(Cell(row, "filingLevel") ?? string.Empty),
        Jurisdiction = (Cell(row, "jurisdiction") ?? string.Empty).ToUpperInvariant(),
    };

    /// <summary>The column of a request property named by a validator or a registration refusal ("Experience.YearsInEvaluation" → yearsInEvaluation).</summary>
    public string ColumnOfProperty(string? property)
    {
        if (string.IsNullOrEmpty(property)) return "";
        var last = property.Split('.')[^1];
        var key = char.ToLowerInvariant(last[0]) + last[1..];
        if (key == "institutionId") key = "institutionFilingNumber";
        return ColumnName(key);
    }
}
