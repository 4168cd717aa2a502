using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Supervisors;

/// <summary>
/// A supervisor's standing from the stored facts — appointments, cards, sanctions — as the kernel's
/// <see cref="DispatchabilityRule"/> judges it (可委派: a valid card, not suspended, revoked, dismissed or banned; terms are read for packs that require an appointment).
/// The dispatch area calls <see cref="IsDispatchableAsync"/> before putting a supervisor in a draw pool.
/// </summary>
public sealed class SupervisorStanding(SupervisionDbContext db, TimeProvider clock) : IScopedService
{
    private static readonly DispatchabilityRule Dispatchability = new();

    /// <summary>The facts that decide whether the supervisor can be dispatched (all terms, latest card, sanctions).</summary>
    public async Task<DispatchStanding> LoadAsync(Guid supervisorId, CancellationToken ct)
    {
        var facts = await FactsAsync([supervisorId], ct);
        return facts.TryGetValue(supervisorId, out var f) ? f.ToStanding() : new DispatchStanding();
    }

    /// <summary>Judges whether the supervisor can be dispatched to an activity on <paramref name="on"/> (China day); every reason on refusal.</summary>
    public async Task<RuleOutcome> IsDispatchableAsync(Guid supervisorId, DateOnly on, CancellationToken ct) =>
        Dispatchability.Check(await LoadAsync(supervisorId, ct), on);

    /// <summary>Today's standing of each supervisor, for responses.</summary>
    internal async Task<IReadOnlyDictionary<Guid, StandingDto>> SummariesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var facts = await FactsAsync(ids, ct);
        return ids.Distinct().ToDictionary(id => id, id => (facts.TryGetValue(id, out var f) ? f : new Facts([], [], [])).Summary(today));
    }

    /// <summary>Today's standing from facts already loaded (<see cref="Get.SupervisorRead"/>).</summary>
    internal StandingDto SummaryOf(Get.SupervisorFacts facts) =>
        new Facts(facts.Appointments, facts.Cards, facts.Sanctions).Summary(ChinaTime.DateOf(clock.GetUtcNow()));

    private async Task<Dictionary<Guid, Facts>> FactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var appointments = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.SupervisorId)).ToListAsync(ct);
        var cards = await db.Cards.AsNoTracking().Where(c => ids.Contains(c.SupervisorId)).ToListAsync(ct);
        var sanctions = await db.SupervisorSanctions.AsNoTracking().Where(s => ids.Contains(s.SupervisorId)).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => new Facts(
            [.. appointments.Where(a => a.SupervisorId == id)],
            [.. cards.Where(c => c.SupervisorId == id)],
            [.. sanctions.Where(s => s.SupervisorId == id)]));
    }

    private sealed record Facts(List<Appointment> Appointments, List<Card> Cards, List<SupervisorSanction> Sanctions)
    {
        private Card? LatestCard => Cards.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.CreatedAt).FirstOrDefault();

        public DispatchStanding ToStanding() => new()
        {
            Terms = [.. Appointments.Select(a => new AppointmentTerm(a.Start, a.TerminatedOn))],
            Card = LatestCard is { } card ? new CardStanding(card.Number, card.IssuedOn, CardEnd(card)) : null,
            Suspensions = [.. Sanctions.Where(s => s is { Measure: "suspension", SuspendedFrom: not null, SuspendedUntil: not null })
                .Select(s => new DateRange(s.SuspendedFrom!.Value, s.SuspendedUntil!.Value))],
            QualificationRevokedOn = Sanctions.Where(s => s.Measure == "revocation").Select(s => (DateOnly?)s.DecidedOn).Min(),
            BannedOn = Sanctions.Where(s => s.Measure == "ban").Select(s => (DateOnly?)s.DecidedOn).Min(),
            DismissedOn = Sanctions.Where(s => s.Measure == "dismissal").Select(s => (DateOnly?)s.DecidedOn).Min(),
        };

        public StandingDto Summary(DateOnly today)
        {
            var standing = ToStanding();
            var suspended = standing.Suspensions.Any(s => s.Contains(today));
            var current = Appointments
                .OrderByDescending(a => new AppointmentTerm(a.Start, a.TerminatedOn).IsActiveOn(today))
                .ThenByDescending(a => a.Start <= today)
                .ThenByDescending(a => a.Start)
                .FirstOrDefault();
            var card = LatestCard;
            return new StandingDto(
                current is null ? null : AppointmentSummaryDto.From(current, today),
                card is null ? null : new CardSummaryDto(card.Number, CardStatus(card, today, suspended)),
                suspended,
                standing.QualificationRevokedOn <= today,
                standing.BannedOn <= today,
                Dispatchability.Check(standing, today).Passed);
        }
    }

    /// <summary>First day a card no longer holds: its withdrawal, or the day after its last valid day.</summary>
    private static DateOnly CardEnd(Card card)
    {
        // A card with no expiry of its own (the national reading, 9999-12-31) ends only when withdrawn.
        var expiry = Kernel.Cards.CardValidity.HasNoExpiry(card.ValidUntil) ? DateOnly.MaxValue : card.ValidUntil.AddDays(1);
        return card.WithdrawnOn is { } w && w < expiry ? w : expiry;
    }

    /// <summary>valid | not-yet-valid | expired | withdrawn | suspended, derived for <paramref name="today"/>.</summary>
    internal static string CardStatus(Card card, DateOnly today, bool suspended) =>
        card.WithdrawnOn <= today ? "withdrawn"
        : card.ValidUntil < today ? "expired"
        : card.IssuedOn > today ? "not-yet-valid"
        : suspended ? "suspended"
        : "valid";
}
