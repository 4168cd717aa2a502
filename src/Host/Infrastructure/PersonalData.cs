using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Infrastructure;

/// <summary>
/// Protects personal data at rest: resident ID numbers and phone numbers are encrypted with AES-256-GCM and looked up
/// through an HMAC-SHA256 keyed hash, so the database never holds them in clear and equal numbers can be found
/// without decrypting. Both keys are derived (HKDF-SHA256) from one master key: <c>Security:PersonalDataKey</c>
/// (base64, 32 bytes) when configured — do so in production and keep it out of the database backups — otherwise a
/// key created once in the database (development and demo).
/// <c>Security:PersonalDataCipher</c> = <c>sm4</c> encrypts new values with SM4-GCM (GB/T 32907-2016) instead of AES-256-GCM,
/// for a deployment assessed under GB/T 39786 (密评); the format byte says which cipher a value used, so values written
/// before a switch still decrypt. The lookup hash stays HMAC-SHA256 (switching it would orphan every stored hash).
/// </summary>
public sealed class PersonalData
{
    private const byte AesGcmFormat = 1;
    private const byte Sm4GcmFormat = 2;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _sm4Key;
    private readonly byte[] _hashKey;
    private readonly PersonalDataCipher _cipher;

    public PersonalData(byte[] masterKey, PersonalDataCipher cipher = PersonalDataCipher.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length < 32) throw new ArgumentException("the personal-data master key must be at least 32 bytes", nameof(masterKey));
        _cipher = cipher;
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "supervisioncore/personal-data/aes-gcm"u8.ToArray());
        _sm4Key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 16, info: "supervisioncore/personal-data/sm4-gcm"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "supervisioncore/personal-data/lookup"u8.ToArray());
    }

    /// <summary>The cipher of <c>Security:PersonalDataCipher</c> (<c>aes</c>, the default, or <c>sm4</c>).</summary>
    public static PersonalDataCipher CipherOf(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config["Security:PersonalDataCipher"] ?? "aes").Trim().ToLowerInvariant() switch
        {
            "aes" or "aes-256-gcm" or "" => PersonalDataCipher.Aes256Gcm,
            "sm4" or "sm4-gcm" => PersonalDataCipher.Sm4Gcm,
            var other => throw new StartupException($"Security:PersonalDataCipher must be 'aes' or 'sm4', not '{other}'"),
        };
    }

    /// <summary>format ‖ nonce(12) ‖ ciphertext ‖ tag(16); format 1 AES-256-GCM, 2 SM4-GCM.</summary>
    public byte[] Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + 12 + data.Length + 16];
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        if (_cipher == PersonalDataCipher.Sm4Gcm)
        {
            output[0] = Sm4GcmFormat;
            SmCrypto.Sm4GcmEncrypt(_sm4Key, nonce.ToArray(), data).CopyTo(output, 13);
            return output;
        }
        output[0] = AesGcmFormat;
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, data, output.AsSpan(13, data.Length), output.AsSpan(13 + data.Length, 16));
        return output;
    }

    public string Decrypt(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        if (protectedData.Length < 29 || protectedData[0] is not (AesGcmFormat or Sm4GcmFormat)) throw new CryptographicException("unknown personal-data format");
        var length = protectedData.Length - 29;
        if (protectedData[0] == Sm4GcmFormat)
        {
            try { return Encoding.UTF8.GetString(SmCrypto.Sm4GcmDecrypt(_sm4Key, protectedData[1..13], protectedData[13..])); }
            catch (Org.BouncyCastle.Crypto.InvalidCipherTextException ex) { throw new CryptographicException("the personal data was altered", ex); }
        }
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(protectedData.AsSpan(1, 12), protectedData.AsSpan(13, length), protectedData.AsSpan(13 + length, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash of a normalised value, for uniqueness and exact-match search.</summary>
    public byte[] LookupHash(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalised));
    }

    /// <summary>Phone number masked for output: first 3 and last 4 digits (<c>138****5678</c>).</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length <= 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    /// <summary>The master key from configuration, or the one kept in the database (created once, under a lock).</summary>
    public static byte[] LoadMasterKey(IConfiguration config, DbContextOptions<SupervisionDbContext> dbOptions)
    {
        ArgumentNullException.ThrowIfNull(config);
        var configured = config["Security:PersonalDataKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                var key = Convert.FromBase64String(configured);
                if (key.Length >= 32) return key;
            }
            catch (FormatException) { }
            throw new StartupException("Security:PersonalDataKey must be base64 of at least 32 random bytes");
        }
        using var db = new SupervisionDbContext(dbOptions);
        var row = db.KeyMaterials.AsNoTracking().SingleOrDefault(k => k.Id == "personal-data");
        if (row is null)
        {
            using var tx = db.Database.BeginTransaction();
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({0x5C_0001})");
            row = db.KeyMaterials.AsNoTracking().SingleOrDefault(k => k.Id == "personal-data");
            if (row is null)
            {
                row = new KeyMaterial { Id = "personal-data", KeyId = "personal-data-v1", Material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = DateTimeOffset.UtcNow };
                db.KeyMaterials.Add(row);
                db.SaveChanges();
            }
            tx.Commit();
        }
        return Convert.FromBase64String(row.Material);
    }
}

/// <summary>The cipher of new personal-data values.</summary>
public enum PersonalDataCipher
{
    /// <summary>AES-256-GCM (default).</summary>
    Aes256Gcm,
    /// <summary>SM4-GCM (GB/T 32907-2016), for a 密评 deployment.</summary>
    Sm4Gcm,
}
