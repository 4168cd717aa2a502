using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Cards;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Features.Institutions;
using SupervisionCore.Host.Features.Tasks;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Demo;

/// <summary>What the demo seeded: the ids demo clients are bound to, and the demo draws to try (one line each).</summary>
public sealed record DemoIds(Guid GuangdongInstitution, Guid GuangdongSupervisor, string Summary, IReadOnlyList<string> Draws);

/// <summary>
/// A realistic demo (<c>Demo:Enabled</c>): for Guangdong (44), Beijing (11), the Beijing ETDZ (11.ETDZ, when its pack is
/// enabled) and Yunnan (53) two evaluation institutions, eight external supervisors each (valid generated ID numbers,
/// qualification training, an appointment by the provincial centre or zone bureau and a card issued through the real
/// numbering), an upcoming activity and a daily task ready to be drawn. Seeded once per database (found again by the
/// 【演示】 institutions on later starts); every row is audited. <see cref="DemoDraws"/> then adds drawn tasks.
/// </summary>
internal static class DemoData
{
    private const string Marker = "【演示】";
    private static readonly string[] Names = ["陈志强", "李晓燕", "王建华", "张丽娟", "刘国庆", "黄淑芬", "周文斌", "吴海燕"];

    /// <summary>A demo jurisdiction: code, name, ID-number region, first four digits of its filing numbers, external card issuer.</summary>
    internal sealed record DemoJurisdiction(string Code, string Zh, string Region, string Filing, string CardIssuer);

    internal static readonly DemoJurisdiction[] Provinces =
    [
        new("44", "广东省", "440106", "4400", "44"),
        new("11", "北京市", "110105", "1100", "11"),
        // The zone's external cards are numbered and issued by the Beijing municipal centre (BJ 第十二条): authority 11.
        new("11.ETDZ", "北京经济技术开发区", "110115", "1101", "11"),
        new("53", "云南省", "530102", "5300", "53"),
    ];

    public static async Task<DemoIds> SeedAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var personal = services.GetRequiredService<PersonalData>();
        var issuance = services.GetRequiredService<CardIssuance>();
        var audit = services.GetRequiredService<AuditLog>();
        var staffing = services.GetServices<IStaffingRule>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cards = 0;
        var seeded = 0;

        foreach (var (code, zh, region, filing, cardIssuer) in Provinces)
        {
            // A jurisdiction whose authority is missing (its pack is disabled) is left out.
            if (!await db.Authorities.AnyAsync(a => a.Id == code, ct)) continue;
            // One transaction per province, under a lock, so Hosts starting together seed each province once.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({0x5C_0004})", ct);
            if (await db.Institutions.AnyAsync(i => i.Name.StartsWith(Marker) && i.Jurisdiction == code, ct)) { await tx.RollbackAsync(ct); continue; }
            seeded++;
            var institutions = new[] { ("employer", $"{zh}技师学院", "0001"), ("social-org", $"{zh}职业技能评价中心", "0002") }.Select(x =>
            {
                var number = filing + x.Item3[2..];
                return new Institution
                {
                    Id = Guid.CreateVersion7(), Name = Marker + x.Item2, Kind = x.Item1, FilingNumber = number, FilingLevel = "province", Jurisdiction = code,
                    Status = "active", InternalIssuerCode = InstitutionCodes.IssuerCode(x.Item1, "province", number).Value!, CreatedAt = now, UpdatedAt = now,
                };
            }).ToList();
            db.Institutions.AddRange(institutions);

            var supervisors = Names.Select((name, i) =>
            {
                var first17 = $"{region}{1966 + i * 2}0{(i % 9) + 1}1{i % 10}{100 + i * 7:000}";
                var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.CheckCharacterOf(first17), today);
                return new Supervisor
                {
                    Id = Guid.CreateVersion7(), Name = name, IdNumberCipher = personal.Encrypt(id.Value), IdNumberHash = personal.LookupHash(id.Value), IdNumberMasked = id.Masked,
                    Sex = id.Sex == Sex.Male ? "male" : "female", BirthDate = id.BirthDate, Kind = "external", Jurisdiction = code,
                    PhoneCipher = personal.Encrypt($"1380{filing}{i:000}"), PhoneMasked = PersonalData.MaskPhone($"1380{filing}{i:000}"),
                    YearsInEvaluation = 4 + i, YearsAsExaminer = 3 + i, ManagementOrTechnicalRole = i % 2 == 0,
                    PoliticalCommitment = true, PolicyKnowledge = true, Integrity = true, OrganisingAndExpression = true, Health = true, CreatedAt = now, UpdatedAt = now,
                };
            }).ToList();
            db.Supervisors.AddRange(supervisors);
            foreach (var s in supervisors)
            {
                db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), SupervisorId = s.Id, Kind = "qualification", On = new DateOnly(2024, 12, 1), Passed = true, Note = "demo", CreatedAt = now });
                var start = new DateOnly(2025, 1, 1);
                db.Appointments.Add(new Appointment { Id = Guid.CreateVersion7(), SupervisorId = s.Id, AppointedBy = code, TermNumber = 1, Start = start, End = TermRule.EndOf(start), CreatedAt = now });
            }

            var startsAt = new DateTimeOffset(today.AddDays(21).ToDateTime(new TimeOnly(8, 30)), TimeSpan.FromHours(8));
            var activity = new Activity
            {
                Id = Guid.CreateVersion7(), InstitutionId = institutions[0].Id, Jurisdiction = code, Kind = "skill-level-recognition", Occupation = "电工",
                Level = "三级/高级工", PlanNumber = $"{code}-DEMO-001", RecognitionForm = "理论知识考试+操作技能考核",
                StartsAt = startsAt.ToUniversalTime(), EndsAt = startsAt.AddHours(8.5).ToUniversalTime(), CandidateCount = 60, CreatedAt = now,
                Venues = [new ActivityVenue { Name = "实训楼A区", Address = "演示地址", Contestants = 60 }],
            };
            db.Activities.Add(activity);
            var task = new SupervisionTask
            {
                Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = code, Jurisdiction = code, InstitutionId = institutions[0].Id, ActivityId = activity.Id,
                Matters = ["考场秩序", "考评人员、管理人员工作情况"], Status = "planned", WindowStart = activity.StartsAt, WindowEnd = activity.EndsAt, CreatedBy = "system", CreatedAt = now,
            };
            var planned = TaskCreationDecision.Decide(new TaskCreationFacts { Task = TaskKinds.Info(task, activity.CandidateCount) }, services.GetServices<ITaskKindProvider>(), staffing);
            if (!planned.Allowed) throw new InvalidOperationException("demo task refused: " + string.Join(", ", planned.Violations.Select(v => v.Rule)));
            TaskKinds.Apply(task, planned.Transition);
            db.SupervisionTasks.Add(task);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, AuditActor.System, new AuditEvent("demo.seed", "jurisdiction", code, code, Detail: "2 institutions, 8 supervisors, 1 activity, 1 task"), ct);

            // Cards through the real numbering (counter, scheme, audit); IssueAsync commits the province's transaction.
            // The demo's cards go through the same decision as every issuance.
            var rows = await issuance.LoadAsync([.. supervisors.Select(s => s.Id)], cardIssuer, null, ct);
            var decision = CardIssuanceRules.Decide(issuance.Facts(rows, supervisors, SupervisorKind.External, new DateOnly(2025, 1, 2), cardIssuer, null));
            if (!decision.Allowed) throw new InvalidOperationException($"demo cards of {code} refused: {string.Join("; ", decision.Act.Violations.Select(v => v.Rule))}");
            var plan = decision.Act.Transition!;
            var result = await issuance.IssueAsync(tx, plan, supervisors, Guid.CreateVersion7(), AuditActor.System,
                issued => new AuditEvent("card.issue-batch", "card-batch", "demo-" + code, code, Rules: plan.RulesApplied, Detail: $"{issued.Count} demo cards"), null, ct);
            cards += result.Cards.Count;
            db.ChangeTracker.Clear();
        }
        var gdInstitution = await db.Institutions.AsNoTracking().Where(i => i.Name.StartsWith(Marker) && i.Jurisdiction == "44").OrderBy(i => i.FilingNumber).Select(i => i.Id).FirstAsync(ct);
        var gdSupervisor = await db.Supervisors.AsNoTracking().Where(s => s.Jurisdiction == "44" && s.Name == Names[0]).OrderBy(s => s.CreatedAt).Select(s => s.Id).FirstAsync(ct);
        var draws = await DemoDraws.SeedAsync(services, db, ct);
        return new DemoIds(gdInstitution, gdSupervisor, seeded == 0
            ? "demo data already present (jurisdictions 44, 11, 11.ETDZ, 53)"
            : $"demo data seeded: {seeded} jurisdictions, {seeded * 2} institutions, {seeded * 8} supervisors, {cards} cards, {seeded} tasks ready to draw", draws);
    }
}
