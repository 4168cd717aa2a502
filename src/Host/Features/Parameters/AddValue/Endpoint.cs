using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Parameters;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Parameters.AddValue;

public sealed class Request
{
    /// <summary>Pack id (gd, bj-etdz, yn), or cn (national).</summary>
    /// <example>bj-etdz</example>
    public string Pack { get; set; } = string.Empty;

    /// <summary>Parameter id (bj.fee.per-activity.day).</summary>
    /// <example>bj.fee.per-activity.day</example>
    public string Id { get; set; } = string.Empty;

    /// <summary>First China day the value applies to; after today (cn.parameters.not-retroactive).</summary>
    /// <example>2027-01-01</example>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>The value (a JSON string, or a number for numeric parameters): a whole number, yuan with up to two decimals, or one of the parameter's choices.</summary>
    /// <example>900</example>
    [System.Text.Json.Serialization.JsonConverter(typeof(TextOrNumberConverter))]
    public string? Value { get; set; }

    /// <summary>Why: the notice or revision that changes it.</summary>
    /// <example>经开区社会事业局关于调整质量督导劳务费标准的通知</example>
    public string? Reason { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.EffectiveFrom).NotNull().WithMessage("'effectiveFrom' is required (YYYY-MM-DD)");
        RuleFor(r => r.Value).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class Endpoint(ParameterRegistry registry, IParameterSource source, SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, ParameterDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/{pack}/parameters/{id}/values");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("regions.parameters.values.add").Produces<ParameterDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422));
        Tags("parameters");
        Summary(s =>
        {
            s.Summary = "Add a value to a policy parameter from a future date (province administrator of the pack's jurisdiction)";
            s.Description = "新增参数取值及其生效日期（须晚于当日，不溯及既往：cn.parameters.not-retroactive，否则422）；类型或范围不符为400并指明字段。" +
                            "仅限该政策包所辖省份的管理员（全国参数：全国管理员）。写入审计日志；各Host下一次请求即按新值（于其生效日起）判断，无需重启。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (registry.Pack(req.Pack) is not { } pack || pack.Find(req.Id) is not { } definition)
        {
            await Send.ResultAsync(Problems.NotFound($"no parameter '{req.Id}' in pack '{req.Pack}'"));
            return;
        }
        if (!pack.Jurisdictions.All(User.CanAccess))
        {
            await Send.ResultAsync(Problems.Forbidden(new LocalizedText(
                $"只有{string.Join("、", pack.Jurisdictions)}所属省份的管理员可调整该政策包的参数", $"only an administrator of {string.Join(", ", pack.Jurisdictions)} may change this pack's parameters")));
            return;
        }
        if (ParameterValueDecision.ValueProblem(definition, req.Value) is { } problem) ThrowError(r => r.Value!, problem.Get(System.Globalization.CultureInfo.CurrentUICulture));

        var timeline = (await source.CurrentAsync(ct)).Find(definition.Id)!;
        var decision = ParameterValueDecision.Decide(new ParameterValueFacts(timeline, req.EffectiveFrom!.Value, req.Value!, req.Reason!.Trim(), ChinaTime.DateOf(clock.GetUtcNow())));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        var added = decision.Transition;
        var row = new ParameterValueRecord
        {
            Id = Guid.CreateVersion7(), Pack = pack.Key, ParameterId = added.ParameterId, EffectiveFrom = added.Value.EffectiveFrom, Value = added.Value.Value,
            Reason = added.Value.Reason, Actor = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.ParameterValues.Add(row);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, User.AsActor(), new AuditEvent("parameter.value.add", "parameter", added.ParameterId, pack.Jurisdictions[0].Value,
                Rules: [ParameterRules.NotRetroactive.Id, .. definition.RuleIds],
                Before: added.Before, After: new { added.ParameterId, added.Value.EffectiveFrom, added.Value.Value }, Detail: added.Value.Reason), ct);
            await tx.CommitAsync(ct);
        }

        var stored = await db.ParameterValues.AsNoTracking().Where(v => v.ParameterId == definition.Id).ToListAsync(ct);
        var updated = new ParameterTimeline(definition, stored.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).Select(v => new ParameterValue(v.EffectiveFrom, v.Value, v.Reason, Added: true)));
        HttpContext.Response.Headers.Location = $"/api/v1/regions/{pack.Key}/parameters/{definition.Id}";
        await Send.ResponseAsync(ParameterDto.From(updated, added.Value.EffectiveFrom, stored), 201, ct);
    }
}
