using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>
/// Test data written straight through the Host's own DbContext and personal-data protector (for tests of one area
/// that need rows of another). Valid resident ID numbers are generated with the kernel's check-character rule.
/// </summary>
public static class Seed
{
    private static int _sequence;

    /// <summary>A valid 18-character resident ID number: region, birth date, a unique sequence, the right check char.</summary>
    public static string IdNumber(string region = "440106", DateOnly? born = null, bool male = true)
    {
        var birth = born ?? new DateOnly(1975, 6, 15);
        var seq = Interlocked.Increment(ref _sequence) % 500;
        var order = seq * 2 + (male ? 1 : 0); // 17th digit odd = male
        var first17 = $"{region}{birth:yyyyMMdd}{order:000}";
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    public static async Task<Institution> InstitutionAsync(SupervisionApp app, string jurisdiction = "44", string kind = "employer",
        string? filingNumber = null, string filingLevel = "province", string status = "active")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var number = filingNumber ?? $"{Random.Shared.Next(100000, 999999)}";
        var institution = new Institution
        {
            Id = Guid.CreateVersion7(),
            Name = "测试评价机构 " + number,
            Kind = kind,
            FilingNumber = number,
            FilingLevel = filingLevel,
            Jurisdiction = jurisdiction,
            Status = status,
            InternalIssuerCode = filingLevel == "mohrss" ? "00" + number[^4..] : number[^6..],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        return institution;
    }

    public static async Task<Supervisor> SupervisorAsync(SupervisionApp app, string jurisdiction = "44", string kind = "external",
        Guid? institutionId = null, string? idNumber = null, string name = "张三", bool qualified = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var parsed = ResidentIdNumber.Parse(idNumber ?? IdNumber(), DateOnly.FromDateTime(DateTime.UtcNow));
        var supervisor = new Supervisor
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            IdNumberCipher = protector.Encrypt(parsed.Value),
            IdNumberHash = protector.LookupHash(parsed.Value),
            IdNumberMasked = parsed.Masked,
            Sex = parsed.Sex == Kernel.Registry.Sex.Male ? "male" : "female",
            BirthDate = parsed.BirthDate,
            Kind = kind,
            Jurisdiction = jurisdiction,
            InstitutionId = institutionId,
            YearsInEvaluation = 5,
            YearsAsExaminer = 5,
            ManagementOrTechnicalRole = true,
            PoliticalCommitment = true, PolicyKnowledge = true, Integrity = true, OrganisingAndExpression = true, Health = true,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Supervisors.Add(supervisor);
        if (qualified)
            db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Kind = "qualification", On = new DateOnly(2024, 3, 1), Passed = true, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return supervisor;
    }

    /// <summary>A supervisor who can be drawn: an active appointment and a valid external card from <paramref name="since"/> (default 2024-01-01).</summary>
    public static async Task<Supervisor> DispatchableAsync(SupervisionApp app, string jurisdiction = "44", string authorityId = "44", DateOnly? since = null, string name = "王五")
    {
        var supervisor = await SupervisorAsync(app, jurisdiction, name: name);
        await AppointAndCardAsync(app, supervisor.Id, authorityId, since ?? new DateOnly(2024, 1, 1));
        return supervisor;
    }

    public static async Task AppointAndCardAsync(SupervisionApp app, Guid supervisorId, string authorityId, DateOnly start, bool card = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var end = Kernel.Appointments.Rules.TermRule.EndOf(start);
        db.Appointments.Add(new Appointment { Id = Guid.CreateVersion7(), SupervisorId = supervisorId, AppointedBy = authorityId, TermNumber = 1, Start = start, End = end, CreatedAt = DateTimeOffset.UtcNow });
        if (card)
        {
            var serial = Interlocked.Increment(ref _cardSerial);
            db.Cards.Add(new Card
            {
                Id = Guid.CreateVersion7(), SupervisorId = supervisorId, Number = $"R{authorityId[..2]}{start.Year % 100:00}{serial % 10000:0000}", Kind = "external", Scheme = "cn.external",
                AllocationKey = $"seed/{authorityId}/{start.Year}", Year = start.Year, Serial = serial, IssuerId = authorityId, Jurisdiction = authorityId[..2],
                IssuedOn = start, ValidUntil = end, CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// An internal card (内督证卡) issued by the institution, valid 2024-01-01 … 2026-12-31: an internal supervisor assigned by
    /// hand gets every check an external one gets, a valid card first (CN 8).
    /// </summary>
    public static async Task InternalCardAsync(SupervisionApp app, Guid supervisorId, Guid institutionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var serial = Interlocked.Increment(ref _cardSerial);
        db.Cards.Add(new Card
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisorId, Number = $"Y00{serial % 10000:0000}24{serial % 10000:0000}", Kind = "internal", Scheme = "cn.internal",
            AllocationKey = $"seed/internal/{institutionId}/2024", Year = 2024, Serial = serial, IssuerId = institutionId.ToString(), Jurisdiction = "CN",
            IssuedOn = new DateOnly(2024, 1, 1), ValidUntil = new DateOnly(2026, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static int _cardSerial;
}
