using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupervisionCore.Host.Data.Registry;

/// <summary>
/// A supervisor's card photo (证卡照片, CN card annex: 彩色1寸照片). Personal data: stored sealed with the personal-data key
/// (<see cref="Infrastructure.PersonalData"/>, the same as ID numbers), served only to those who manage or print the
/// card and to the supervisor, never in public output (verification, draws, exports).
/// </summary>
public sealed class SupervisorPhoto
{
    public Guid SupervisorId { get; set; }
    /// <summary>image/jpeg or image/png, by magic bytes.</summary>
    public required string MediaType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public int Size { get; set; }
    /// <summary>Hex SHA-256 of the image (audited instead of the image).</summary>
    public required string Sha256 { get; set; }
    /// <summary>The image (base64) sealed with the personal-data key.</summary>
    public required byte[] Cipher { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class SupervisorPhotoConfiguration : IEntityTypeConfiguration<SupervisorPhoto>
{
    public void Configure(EntityTypeBuilder<SupervisorPhoto> b)
    {
        b.ToTable("supervisor_photos");
        b.HasKey(e => e.SupervisorId);
        b.Property(e => e.MediaType).HasMaxLength(20);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(200);
        b.HasOne<Supervisor>().WithOne().HasForeignKey<SupervisorPhoto>(e => e.SupervisorId).OnDelete(DeleteBehavior.Cascade);
    }
}
