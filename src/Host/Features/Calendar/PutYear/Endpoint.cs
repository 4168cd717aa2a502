using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Calendar.PutYear;

public sealed class Request
{
    /// <summary>Calendar year (2000–2099).</summary>
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>The notice (e.g. 国办发明电〔2026〕x号).</summary>
    /// <example>国办发明电〔2024〕12号</example>
    public string Source { get; set; } = string.Empty;
    public List<DateRangeDto> DaysOff { get; set; } = [];
    /// <example>["2025-01-26", "2025-02-08"]</example>
    public List<DateOnly> AdjustedWorkingDays { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2099);
        RuleFor(r => r.Source).NotEmpty().MaximumLength(200);
        RuleFor(r => r.DaysOff).NotEmpty().Must(d => d is null || d.Count <= 40).WithMessage("'daysOff': at most 40 periods");
        RuleForEach(r => r.DaysOff).NotNull().WithMessage("each period of 'daysOff' is an object with 'first' and 'last'");
        RuleFor(r => r.AdjustedWorkingDays).NotNull().WithMessage("'adjustedWorkingDays' must be a list ([] for none)").Must(d => d is null || d.Count <= 40).WithMessage("'adjustedWorkingDays': at most 40 days");
        // The kernel checks the arrangement as a whole (ranges inside the year, adjusted days on weekends, …).
        RuleFor(r => r).Custom((r, ctx) =>
        {
            if (r.DaysOff is null || r.DaysOff.Any(d => d is null) || r.AdjustedWorkingDays is null) return; // named above
            foreach (var problem in new ArrangementDto(r.Source, r.DaysOff, r.AdjustedWorkingDays).ToKernel(r.Year).Problems())
                ctx.AddFailure("daysOff", ValidationLanguage.IsChinese(System.Globalization.CultureInfo.CurrentUICulture) ? Chinese(problem) : problem);
        });
    }

    /// <summary>The kernel's arrangement problems (English text) in Chinese.</summary>
    private static string Chinese(string problem)
    {
        foreach (var (pattern, zh) in ChineseProblems)
            if (System.Text.RegularExpressions.Regex.Match(problem, pattern) is { Success: true } m)
                return m.Result(zh);
        return problem;
    }

    private static readonly (string Pattern, string Zh)[] ChineseProblems =
    [
        (@"^year (\S+) is outside 2000–2099$", "年份 $1 不在 2000–2099 之间"),
        (@"^source is missing$", "缺少来源（source）"),
        (@"^days off and adjusted working days are required \(may be empty lists\)$", "放假日期和调休上班日期为必填项（可以是空列表）"),
        (@"^days off (\S+)\.\.(\S+) end before they start$", "放假日期 $1..$2 的结束早于开始"),
        (@"^days off (.+) are not in (\d+)$", "放假日期 $1 不在 $2 年内"),
        (@"^adjusted working day (\S+) is not in (\d+)$", "调休上班日 $1 不在 $2 年内"),
        (@"^adjusted working day (\S+) is not a weekend day$", "调休上班日 $1 不是周末"),
        (@"^(\S+) is both a day off and an adjusted working day$", "$1 既是放假日又是调休上班日"),
        (@"^an adjusted working day is listed twice$", "有调休上班日重复列出"),
    ];
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, GetYear.Response>
{
    public override void Configure()
    {
        Put("/api/v1/calendar/years/{year}");
        Roles(KernelRoles.NationalAdmin);
        Description(b => b.WithName("calendar.years.put"));
        Tags("calendar");
        Summary(s => { s.Summary = "Load a year's arrangement (national admin)"; s.Description = "每年11月国务院办公厅发布次年节假日安排后，由全国管理员导入，无需发版。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var arrangement = new ArrangementDto(req.Source, req.DaysOff, req.AdjustedWorkingDays);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.CalendarYears.FindAsync([req.Year], ct);
        var before = row?.Arrangement;
        if (row is null) db.CalendarYears.Add(row = new CalendarYear { Year = req.Year, Arrangement = "", Source = "", LoadedBy = "" });
        row.Arrangement = JsonSerializer.Serialize(arrangement, CalendarService.Json);
        row.Source = req.Source;
        row.LoadedBy = User.ActorId();
        row.LoadedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("calendar.year.load", "calendar-year", req.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "CN",
            Before: before, After: row.Arrangement, Detail: req.Source), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(new GetYear.Response(req.Year, "loaded", false, arrangement), ct);
    }
}
