using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Infrastructure;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Complaints;

/// <summary>Complaints are seen by the supervising staff and auditors of their jurisdiction; institutions and supervisors never see them.</summary>
public sealed class ComplaintAccess(SupervisionDbContext db) : IScopedService
{
    /// <summary>Who acts on complaints.</summary>
    public static readonly string[] Staff = [KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator];

    /// <summary>Who reads them.</summary>
    public static readonly string[] Readers = [.. Staff, KernelRoles.Auditor];

    /// <summary>The complaints the caller may see.</summary>
    public IQueryable<Complaint> Visible(ClaimsPrincipal user) => db.Complaints.WithinJurisdictionOf(user, c => c.Jurisdiction);

    /// <summary>
    /// One complaint in reach, tracked and locked (<c>FOR UPDATE</c>) until the caller's transaction ends, so two triages or
    /// conclusions of it never race; null when out of reach.
    /// </summary>
    public async Task<Complaint?> LockAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (await Visible(user).AsNoTracking().AnyAsync(c => c.Id == id, ct) is false) return null;
        return (await db.Complaints.FromSql($"SELECT * FROM supervision.complaints WHERE id = {id} FOR UPDATE").ToListAsync(ct)).Single();
    }

    /// <summary>One complaint in reach, untracked, or null.</summary>
    public Task<Complaint?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        Visible(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
}
