using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupervisionCore.Host.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without running Program (which would start PostgreSQL).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SupervisionDbContext>
{
    public SupervisionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SupervisionDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseSnakeCaseNamingConvention()
            .Options);
}
