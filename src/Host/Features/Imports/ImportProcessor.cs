using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Institutions.Create;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Host.Features.Supervisors.Register;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using InstitutionRequest = SupervisionCore.Host.Features.Institutions.Create.Request;
using SupervisorRequest = SupervisionCore.Host.Features.Supervisors.Register.Request;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>
/// Processes one claimed import job with the uploader's own scope: every row goes through the same validator and the
/// same registration code as <c>POST /api/v1/supervisors</c> / <c>POST /api/v1/institutions</c> (ID number checks,
/// one registration per jurisdiction, the uploader's jurisdiction). all-or-nothing: one transaction, rolled back if
/// any row fails; valid-rows-only: one transaction per row. Errors name the row and the column; never an ID number.
/// </summary>
public sealed class ImportProcessor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportProcessor> logger, IConfiguration config) : ISingletonService
{
    /// <summary>Time budget of one job, reading included (<c>Imports:MaxSecondsPerJob</c>, default 600): past it the job fails with a clear error.</summary>
    private readonly TimeSpan _budget = TimeSpan.FromSeconds(Math.Max(1, config.GetValue<int?>("Imports:MaxSecondsPerJob") ?? 600));

    private const int ProgressEvery = 25;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ProcessAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var culture = CultureInfo.GetCultureInfo(job.Culture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var user = ActorPrincipal(job.Actor);

        IReadOnlyList<string> headers;
        IReadOnlyList<ImportRow> rows;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var readBudget = _budget < ImportFile.DefaultReadBudget ? _budget : ImportFile.DefaultReadBudget;
        try { (headers, rows) = ImportFile.Read(job.Content ?? [], job.Format, readBudget); }
        catch (ImportFileException ex) { await FinishAsync(jobId, ImportStatus.Failed, 0, 0, [], ex.Reason.Get(culture), ct); return; }

        var mapper = new ImportRows(ImportTypes.ColumnsOf(job.Type), headers);
        if (mapper.Missing.Select(c => $"{c.Zh} ({c.Key})").ToList() is { Count: > 0 } missing)
        {
            var text = new LocalizedText($"缺少必填列：{string.Join("、", missing)}", $"required columns missing: {string.Join(", ", missing)}");
            await FinishAsync(jobId, ImportStatus.Failed, rows.Count, 0, [], text.Get(culture), ct);
            return;
        }
        // The template's example row (and any row marked in its 示例 column) is never imported: an untouched template imports nothing.
        var examples = rows.Where(mapper.IsExample).Select(r => r.Number).ToList();
        if (examples.Count > 0) rows = [.. rows.Where(r => !mapper.IsExample(r))];
        var skipped = examples.Count == 0 ? null : new LocalizedText(
            $"跳过 {examples.Count} 行示例（“示例”列不为空的行不导入：第 {string.Join("、", examples)} 行）",
            $"{examples.Count} example rows skipped (rows with anything in the 示例/Example column are not imported: row {string.Join(", ", examples)})").Get(culture);
        await db.Set<ImportJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsTotal, rows.Count), ct);

        var allOrNothing = job.Mode == "all-or-nothing";
        var errors = new List<ImportRowError>();
        var imported = 0;
        var detail = $"import {job.Id}";
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? shared = allOrNothing ? await db.Database.BeginTransactionAsync(ct) : null;
        var aborted = false;
        var processed = 0;
        var timedOut = false;
        for (var i = 0; i < rows.Count; i++)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > _budget) { timedOut = true; break; }
            processed = i + 1;
            var row = rows[i];
            var rowErrors = new List<ImportRowError>();
            if (!aborted)
            {
                var tx = shared ?? await db.Database.BeginTransactionAsync(ct);
                try
                {
                    var added = job.Type == ImportTypes.Supervisors
                        ? await SupervisorAsync(scope.ServiceProvider, db, mapper, row, user, rowErrors, detail, ct)
                        : await InstitutionAsync(scope.ServiceProvider, mapper, row, user, rowErrors, detail, ct);
                    if (added) imported++;
                    if (shared is null)
                    {
                        if (added) await tx.CommitAsync(ct); else await tx.RollbackAsync(ct);
                    }
                }
                catch (DbUpdateException ex)
                {
                    // A concurrent duplicate hit the unique index: the row fails; in one shared transaction nothing more can be written.
                    logger.LogInformation("import {JobId}: row {Row} refused by the database ({Reason})", jobId, row.Number, ex.InnerException?.GetType().Name);
                    rowErrors.Add(new ImportRowError(row.Number, "", new LocalizedText("与并发登记的数据重复", "duplicates a concurrent registration").Get(culture)));
                    if (shared is null) await tx.RollbackAsync(ct); else aborted = true;
                    if (allOrNothing) imported = 0;
                }
                finally
                {
                    if (shared is null) await tx.DisposeAsync();
                    db.ChangeTracker.Clear();
                }
            }
            errors.AddRange(rowErrors);
            if ((i + 1) % ProgressEvery == 0)
                await ProgressAsync(jobId, i + 1, allOrNothing ? 0 : imported, errors, ct);
        }

        var status = ImportStatus.Succeeded;
        if (shared is not null)
        {
            if (errors.Count == 0 && !timedOut) await shared.CommitAsync(ct);
            else { await shared.RollbackAsync(ct); imported = 0; status = ImportStatus.Failed; }
            await shared.DisposeAsync();
        }
        if (timedOut) status = ImportStatus.Failed;
        var message = timedOut
            ? new LocalizedText(
                $"导入超过时限（{_budget.TotalSeconds:0} 秒），在第 {processed} 行后停止；{(allOrNothing ? "未导入任何行" : $"已导入 {imported} 行")}",
                $"the import took longer than the time limit ({_budget.TotalSeconds:0} s) and stopped after {processed} rows; {(allOrNothing ? "nothing imported" : $"{imported} rows imported")}").Get(culture)
            : status == ImportStatus.Failed
            ? new LocalizedText($"{errors.Select(e => e.Row).Distinct().Count()} 行有错误，未导入任何行（全部或全不）", $"{errors.Select(e => e.Row).Distinct().Count()} rows have errors; nothing imported (all-or-nothing)").Get(culture)
            : null;
        if (skipped is not null) message = message is null ? skipped : $"{message}; {skipped}";
        await FinishAsync(jobId, status, rows.Count, imported, errors, message, ct);
        logger.LogInformation("import {JobId} ({Type}, {Mode}): {Status}, {Imported}/{Total} rows imported, {Errors} errors",
            jobId, job.Type, job.Mode, status, imported, rows.Count, errors.Count);
    }

    private static async Task<bool> SupervisorAsync(IServiceProvider services, SupervisionDbContext db, ImportRows mapper, ImportRow row, ClaimsPrincipal user,
        List<ImportRowError> errors, string detail, CancellationToken ct)
    {
        var req = await mapper.SupervisorAsync(row, db, errors, ct);
        if (!Validate(new Supervisors.Register.Validator(services.GetRequiredService<TimeProvider>()), req, mapper, row, errors)) return false;
        var registration = services.GetRequiredService<SupervisorRegistration>();
        if (await registration.CheckAsync(user, req, ct) is { } refusal) { errors.Add(Refused(refusal, mapper, row)); return false; }
        await registration.AddAsync(user, req, ct, detail);
        return true;
    }

    private static async Task<bool> InstitutionAsync(IServiceProvider services, ImportRows mapper, ImportRow row, ClaimsPrincipal user,
        List<ImportRowError> errors, string detail, CancellationToken ct)
    {
        var req = mapper.Institution(row);
        if (!Validate(new Institutions.Create.Validator(), req, mapper, row, errors)) return false;
        var registration = services.GetRequiredService<InstitutionRegistration>();
        if (await registration.CheckAsync(user, req, ct) is { } refusal) { errors.Add(Refused(refusal, mapper, row)); return false; }
        if (await registration.AddAsync(user, req, ct, detail) is null)
        {
            errors.Add(new ImportRowError(row.Number, mapper.ColumnName("filingNumber"),
                InstitutionRegistration.DuplicateText(req.FilingLevel, req.FilingNumber).Get(CultureInfo.CurrentUICulture)));
            return false;
        }
        return true;
    }

    /// <summary>Runs the endpoint's validator; false (with errors by column) when the row fails it or already had cell errors.</summary>
    private static bool Validate<T>(IValidator<T> validator, T req, ImportRows mapper, ImportRow row, List<ImportRowError> errors)
    {
        ValidationResult result = validator.Validate(req);
        foreach (var failure in result.Errors)
        {
            // One reason per cell: a cell that could not be read is not reported again by the validator.
            var column = mapper.ColumnOfProperty(failure.PropertyName);
            if (!errors.Any(e => e.Column == column)) errors.Add(new ImportRowError(row.Number, column, failure.ErrorMessage));
        }
        return errors.Count == 0;
    }

    private static ImportRowError Refused(RegistrationRefusal refusal, ImportRows mapper, ImportRow row) =>
        new(row.Number, mapper.ColumnOfProperty(refusal.Property ?? (refusal.Kind == RefusalKind.Forbidden ? "Jurisdiction" : null)),
            refusal.Reason.Get(CultureInfo.CurrentUICulture));

    internal static ClaimsPrincipal ActorPrincipal(string actorJson)
    {
        var claims = JsonSerializer.Deserialize<List<ActorClaim>>(actorJson, Json) ?? [];
        return new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "import", "sub", Kernel.Access.SupervisionClaims.Role));
    }

    private async Task ProgressAsync(Guid jobId, int done, int imported, List<ImportRowError> errors, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var json = JsonSerializer.Serialize(errors, Json);
        var now = clock.GetUtcNow();
        await db.Set<ImportJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.RowsDone, done).SetProperty(j => j.RowsImported, imported)
            .SetProperty(j => j.Errors, json).SetProperty(j => j.HeartbeatAt, now), ct);
    }

    private async Task FinishAsync(Guid jobId, string status, int total, int imported, List<ImportRowError> errors, string? message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var json = JsonSerializer.Serialize(errors, Json);
        var now = clock.GetUtcNow();
        await db.Set<ImportJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status).SetProperty(j => j.RowsTotal, total).SetProperty(j => j.RowsDone, total)
            .SetProperty(j => j.RowsImported, imported).SetProperty(j => j.Errors, json).SetProperty(j => j.Message, message)
            .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Content, (byte[]?)null), ct);
    }
}

/// <summary>One claim of the uploader kept with the job.</summary>
internal sealed record ActorClaim(string Type, string Value);
