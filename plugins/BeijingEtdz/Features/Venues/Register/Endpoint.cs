using SupervisionCore.Kernel;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Access;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using SupervisionCore.Plugins.BeijingEtdz.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues.Register;

public sealed class OccupationInput
{
    /// <example>电工</example>
    public string? Occupation { get; set; }
    /// <summary>职业技能等级: 五级, 四级, 三级, 二级 or 一级.</summary>
    /// <example>四级</example>
    public string? Level { get; set; }
}

public sealed class EquipmentInput
{
    /// <summary>设备名称.</summary>
    /// <example>电工实训考核装置</example>
    public string? Name { get; set; }
    /// <summary>型号.</summary>
    /// <example>THWD-1</example>
    public string? Model { get; set; }
    /// <summary>规格.</summary>
    /// <example>380V/5kW</example>
    public string? Spec { get; set; }
    /// <summary>数量.</summary>
    /// <example>20</example>
    public int? Quantity { get; set; }
}

public sealed class Request
{
    /// <summary>The institution; an institution operator may leave it out (their own), an administrator must give it.</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <example>亦庄职业技能评价中心第一考场</example>
    public string? Name { get; set; }
    /// <example>北京经济技术开发区荣华中路10号</example>
    public string? Address { get; set; }
    public List<OccupationInput>? Occupations { get; set; }
    public List<EquipmentInput>? Equipment { get; set; }
}

public sealed class Validator : Validator<Request>
{
    /// <summary>The five levels of 职业技能等级.</summary>
    public static readonly string[] Levels = ["五级", "四级", "三级", "二级", "一级"];

    public Validator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("name（名称）为必填项", "name is required").MaximumLength(200);
        RuleFor(r => r.Address).NotEmpty().WithMessage("address（地址）为必填项", "address is required").MaximumLength(500);
        RuleFor(r => r.Occupations).NotEmpty().WithMessage("occupations：至少填写一个职业（工种）及等级", "occupations: at least one occupation and level is required")
            .Must(o => o is null || o.Count <= 100).WithMessage("occupations 最多 100 项", "occupations: at most 100");
        RuleForEach(r => r.Occupations).NotNull().WithMessage("每个职业应为含 'occupation' 和 'level' 的对象", "each occupation is an object with 'occupation' and 'level'").ChildRules(o =>
        {
            o.RuleFor(x => x.Occupation).NotEmpty().WithMessage("occupation（职业/工种）为必填项", "occupation is required").MaximumLength(200);
            o.RuleFor(x => x.Level).Must(l => Levels.Contains(l)).WithMessage("level 应为以下之一：" + string.Join("、", Levels), "level must be one of " + string.Join(", ", Levels));
        });
        RuleFor(r => r.Equipment).NotEmpty().WithMessage("equipment：至少填写一行设备（名称、型号、规格、数量）", "equipment: at least one line (name, model, spec, quantity) is required")
            .Must(e => e is null || e.Count <= 500).WithMessage("equipment 最多 500 行", "equipment: at most 500 lines");
        RuleForEach(r => r.Equipment).NotNull().WithMessage("每行设备应为含 'name'、'model'、'spec' 和 'quantity' 的对象", "each equipment line is an object with 'name', 'model', 'spec' and 'quantity'").ChildRules(e =>
        {
            e.RuleFor(x => x.Name).NotEmpty().WithMessage("name（名称）为必填项", "name is required").MaximumLength(200);
            e.RuleFor(x => x.Model).MaximumLength(200);
            e.RuleFor(x => x.Spec).MaximumLength(200);
            e.RuleFor(x => x.Quantity).NotNull().WithMessage("quantity（数量）为必填项", "quantity is required").InclusiveBetween(1, 1_000_000);
        });
    }
}

/// <summary>An institution registers (备案) a recognition venue (bj.venue.inspection, BJ 23).</summary>
public sealed class Endpoint(BeijingEtdzDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, VenueDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/bj-etdz/venues");
        Roles(AccessRoles.InstitutionOperator, AccessRoles.CenterOperator, AccessRoles.ProvinceAdmin, AccessRoles.NationalAdmin);
        Description(b => b.WithName("bj-etdz.venues.register").Produces<VenueDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404));
        Tags("bj-etdz");
        Summary(s =>
        {
            s.Summary = "Register a recognition venue (场地备案)";
            s.Description = "BJ 23: an institution of the zone registers a venue: name, address, occupations and levels, equipment " +
                            "(name, model, spec, quantity). An institution operator registers for their own institution; the zone's " +
                            "administrators for any institution of the zone.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        Guid institutionId;
        if (User.IsZoneAdmin())
        {
            if (req.InstitutionId is not { } given) { ThrowError(PackValidation.Failure("institutionId", "管理员备案场地须填写 institutionId（评价机构）", "institutionId is required for an administrator")); return; }
            institutionId = given;
        }
        else if (User.HasRole(AccessRoles.InstitutionOperator) && Guid.TryParse(User.InstitutionId(), out var own) && (req.InstitutionId is null || req.InstitutionId == own))
            institutionId = own;
        else { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("只能为本机构备案场地", "an institution operator registers venues for their own institution only"))); return; }

        var institution = await directory.FindInstitutionAsync(institutionId.ToString(), ct);
        if (institution is null || !BeijingEtdzRules.Jurisdiction.Contains(institution.Jurisdiction) || !User.Reaches(institution.Jurisdiction))
        { await Send.ResultAsync(PackProblems.NotFound($"institution {institutionId} in {BeijingEtdzRules.Jurisdiction.Value}")); return; }

        var venue = new Venue
        {
            Id = Guid.CreateVersion7(), InstitutionId = institutionId, Jurisdiction = institution.Jurisdiction.Value,
            Name = req.Name!.Trim(), Address = req.Address!.Trim(),
            Occupations = [.. req.Occupations!.Select((o, i) => new VenueOccupation { Position = i + 1, Occupation = o.Occupation!.Trim(), Level = o.Level! })],
            Equipment = [.. req.Equipment!.Select((e, i) => new VenueEquipment { Position = i + 1, Name = e.Name!.Trim(), Model = e.Model?.Trim(), Spec = e.Spec?.Trim(), Quantity = e.Quantity!.Value })],
            RegisteredBy = User.ActorId(),
            RegisteredAt = clock.GetUtcNow(),
        };
        db.Venues.Add(venue);
        var dto = VenueDto.From(venue);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("bj-etdz.venue.register", "bj-etdz.venue", venue.Id.ToString(), institution.Jurisdiction,
            [BeijingEtdzRules.VenueInspection.Id], After: dto, Detail: $"institution={institutionId}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
