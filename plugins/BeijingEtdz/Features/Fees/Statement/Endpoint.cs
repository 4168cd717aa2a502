using System.Globalization;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;
using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Access;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Statement;

/// <summary>A month's fee statement of the zone's external supervisors (bj.fee.schedule, BJ 27), as JSON, CSV or xlsx.</summary>
public sealed class Endpoint(FeeScheduleRule shipped, IParameterSource parameters, ISupervisionDirectory directory) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/bj-etdz/fee-statements");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("bj-etdz.fee-statements.get")
            .Produces<Response>(200, "application/json", StatementFormats.CsvMediaType, StatementFormats.XlsxMediaType)
            .ProducesProblem(400).ProducesProblem(403));
        Tags("bj-etdz");
        Summary(s =>
        {
            s.Summary = "A month's fee statement (劳务费) of the zone's external supervisors";
            s.Description = "BJ 27: per external supervisor, per activity (one task's recorded entry to exit; across midnight still one " +
                            "activity, billed once: ≤ 4 h half day, > 4 h day; over 24 h in 24-hour periods from entry): minutes, hours, " +
                            "half-day/day, amount and the rate version applied; totals per supervisor and for the month. A line belongs " +
                            "to the month its period starts in (China time). format=csv|xlsx (or Accept text/csv / the xlsx media type) " +
                            "returns a file. Only the zone bureau (centre operator of 11.ETDZ), a province administrator of 11 or a " +
                            "national administrator may read it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!User.MayReadFeeStatements()) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("只有经开区社会事业局、北京市或国家管理员可查看劳务费明细", "only the zone bureau, a Beijing province administrator or a national administrator may read fee statements"))); return; }
        var (year, month) = req.Parsed();
        var rule = shipped.With(await parameters.CurrentAsync(ct)); // the rates in force on each line's day (bj.fee.per-activity.*)
        var (from, to) = FeeStatementBuilder.AttendanceRange(year, month);
        var attendance = await directory.AttendanceAsync(BeijingEtdzRules.Jurisdiction, from, to, ct);
        var statement = FeeStatementBuilder.Build(rule, year, month, attendance);

        switch (StatementFormats.Choose(req.Format, HttpContext.Request.Headers.Accept.ToString()))
        {
            case StatementFormats.Csv:
                await Send.BytesAsync(StatementFormats.ToCsv(statement), StatementFormats.FileName(statement, "csv"), StatementFormats.CsvMediaType + "; charset=utf-8", cancellation: ct);
                return;
            case StatementFormats.Xlsx:
                await Send.BytesAsync(StatementFormats.ToXlsx(statement), StatementFormats.FileName(statement, "xlsx"), StatementFormats.XlsxMediaType, cancellation: ct);
                return;
            default:
                await Send.OkAsync(Map(statement, rule), ct);
                return;
        }
    }

    private static Response Map(FeeStatement statement, FeeScheduleRule rule)
    {
        var first = new DateOnly(statement.Year, statement.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var rates = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(i => rule.RateOn(first.AddDays(i))).Distinct().ToList();
        return new Response
        {
            Month = string.Create(CultureInfo.InvariantCulture, $"{statement.Year:0000}-{statement.Month:00}"),
            Jurisdiction = BeijingEtdzRules.Jurisdiction.Value,
            Supervisors = [.. statement.Supervisors.Select(s => new StatementSupervisor
            {
                SupervisorId = s.SupervisorId, Name = s.SupervisorName, HalfDays = s.HalfDays, Days = s.Days, Total = s.Total,
                Lines = [.. s.Lines.Select(l => new StatementLine
                {
                    Date = l.Date, TaskId = l.TaskId, TaskKind = StatementFormats.TaskKindText(l.TaskKind), InstitutionId = l.InstitutionId,
                    AssignmentId = l.AssignmentId, From = l.From, To = l.To, Minutes = l.Minutes, Hours = l.Hours,
                    Unit = StatementFormats.UnitText(l.Unit), Amount = l.Amount, RateFrom = l.RateFrom,
                })],
            })],
            Total = statement.Total,
            Rates = [.. rates.Select(r => new StatementRate { EffectiveFrom = r.EffectiveFrom, HalfDay = r.HalfDay, Day = r.Day, HalfDayMaxMinutes = r.HalfDayMaxMinutes, Parameters = Quote.AppliedParameterDto.From(r.Parameters) })],
            Rule = new Quote.AppliedRule { Id = statement.RuleId, Citation = statement.Citation },
        };
    }
}
