using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Auth;

/// <summary>
/// The token signing and encryption keys. Never per-process: they come from configured PEM files, or are created
/// once by the first Host on a database and read by every other (so all Hosts accept each other's tokens).
/// </summary>
public sealed record KeyRing(RsaSecurityKey SigningKey, RsaSecurityKey EncryptionKey)
{
    private const long CreateLock = 0x5C_0001;

    /// <summary>Loads the keys from files or the database, creating the database keys on first use.</summary>
    public static KeyRing Load(AuthOptions options, DbContextOptions<SupervisionDbContext> dbOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var db = new SupervisionDbContext(dbOptions);
        return new KeyRing(
            FromFile(options.SigningKeyPath, "signing") ?? FromDatabase(db, "oidc-signing"),
            FromFile(options.EncryptionKeyPath, "encryption") ?? FromDatabase(db, "oidc-encryption"));
    }

    private static RsaSecurityKey? FromFile(string? path, string purpose)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"Auth: the {purpose} key file '{path}' does not exist");
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
    }

    private static RsaSecurityKey FromDatabase(SupervisionDbContext db, string id)
    {
        var row = db.KeyMaterials.AsNoTracking().SingleOrDefault(k => k.Id == id);
        if (row is null)
        {
            using var tx = db.Database.BeginTransaction();
            // Two Hosts starting at once: the advisory lock makes one create the key and the other read it.
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({CreateLock})");
            row = db.KeyMaterials.AsNoTracking().SingleOrDefault(k => k.Id == id);
            if (row is null)
            {
                using var fresh = RSA.Create(2048);
                row = new KeyMaterial { Id = id, KeyId = KeyIdOf(fresh), Material = fresh.ExportPkcs8PrivateKeyPem(), CreatedAt = DateTimeOffset.UtcNow };
                db.KeyMaterials.Add(row);
                db.SaveChanges();
            }
            tx.Commit();
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(row.Material);
        return new RsaSecurityKey(rsa) { KeyId = row.KeyId };
    }

    /// <summary>A stable key id: base64url SHA-256 of the public modulus, first 16 bytes.</summary>
    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportParameters(false).Modulus!)[..16]);
}
