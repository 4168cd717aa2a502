using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SupervisionCore.Host.Data;

/// <summary>The kernel's database: audit log, people who log in, key material, data-protection keys and OpenIddict's tables.</summary>
public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys (login cookie, antiforgery), shared by every Host on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<KeyMaterial> KeyMaterials => Set<KeyMaterial>();
    public DbSet<Registry.Authority> Authorities => Set<Registry.Authority>();
    public DbSet<Registry.Institution> Institutions => Set<Registry.Institution>();
    public DbSet<Registry.Supervisor> Supervisors => Set<Registry.Supervisor>();
    public DbSet<Registry.SupervisorConflict> SupervisorConflicts => Set<Registry.SupervisorConflict>();
    public DbSet<Registry.TrainingRecord> TrainingRecords => Set<Registry.TrainingRecord>();
    public DbSet<Registry.Card> Cards => Set<Registry.Card>();
    public DbSet<Registry.SupervisorPhoto> SupervisorPhotos => Set<Registry.SupervisorPhoto>();
    public DbSet<Registry.CardCounter> CardCounters => Set<Registry.CardCounter>();
    public DbSet<Registry.IdempotencyRecord> IdempotencyRecords => Set<Registry.IdempotencyRecord>();
    public DbSet<Registry.Appointment> Appointments => Set<Registry.Appointment>();
    public DbSet<Registry.SupervisorSanction> SupervisorSanctions => Set<Registry.SupervisorSanction>();
    public DbSet<Registry.InstitutionSanctionRecord> InstitutionSanctions => Set<Registry.InstitutionSanctionRecord>();
    public DbSet<Registry.RegistryBarRecord> RegistryBars => Set<Registry.RegistryBarRecord>();
    public DbSet<Registry.SupervisorAssessment> SupervisorAssessments => Set<Registry.SupervisorAssessment>();
    public DbSet<Registry.SupervisorCommendation> SupervisorCommendations => Set<Registry.SupervisorCommendation>();
    public DbSet<Supervision.CalendarYear> CalendarYears => Set<Supervision.CalendarYear>();
    public DbSet<Supervision.Activity> Activities => Set<Supervision.Activity>();
    public DbSet<Supervision.ActivityVenue> ActivityVenues => Set<Supervision.ActivityVenue>();
    public DbSet<Supervision.ActivityExaminer> ActivityExaminers => Set<Supervision.ActivityExaminer>();
    public DbSet<Supervision.SupervisionTask> SupervisionTasks => Set<Supervision.SupervisionTask>();
    public DbSet<Supervision.Draw> Draws => Set<Supervision.Draw>();
    public DbSet<Supervision.Assignment> Assignments => Set<Supervision.Assignment>();
    public DbSet<Supervision.SupervisionRecord> SupervisionRecords => Set<Supervision.SupervisionRecord>();
    public DbSet<Supervision.SupervisorFeedback> SupervisorFeedback => Set<Supervision.SupervisorFeedback>();
    public DbSet<Supervision.SpecialProcedureStep> SpecialProcedureSteps => Set<Supervision.SpecialProcedureStep>();
    public DbSet<Supervision.Complaint> Complaints => Set<Supervision.Complaint>();
    public DbSet<Parameters.ParameterValueRecord> ParameterValues => Set<Parameters.ParameterValueRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema("supervision");
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SupervisionDbContext).Assembly);
    }
}
