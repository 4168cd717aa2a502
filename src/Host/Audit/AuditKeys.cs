using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Audit;

/// <summary>Audit settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Folder of the audit keys (never the database): <c>audit-mac.key</c> (the chain's HMAC key) and
    /// <c>audit-checkpoint.pem</c> or, with <c>Crypto=sm</c>, <c>audit-checkpoint-sm2.pem</c> (the checkpoint signing key). Created with mode 0600 when absent. Every Host of a
    /// deployment needs the same files. Default: <c>&lt;local app data&gt;/SupervisionCore/keys</c>.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary><c>default</c> (HMAC-SHA256, ECDSA P-256) or <c>sm</c> (HMAC-SM3, SM2: GB/T 32905, 32918) for a 密评 deployment.</summary>
    public string Crypto { get; set; } = "default";

    /// <summary>Minutes between automatic signed checkpoints (default 1440: daily).</summary>
    public int CheckpointIntervalMinutes { get; set; } = 1440;

    /// <summary>The effective key folder.</summary>
    public string ResolvedKeyDirectory => Path.GetFullPath(KeyDirectory ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SupervisionCore", "keys"));
}

/// <summary>How an audit entry's hash was made (the <c>chain</c> column).</summary>
public enum AuditChain : short
{
    /// <summary>Plain SHA-256 (entries written before the chain was keyed): proves order, not origin.</summary>
    LegacySha256 = 0,
    /// <summary>HMAC-SHA256 with the audit key.</summary>
    HmacSha256 = 1,
    /// <summary>HMAC-SM3 with the audit key.</summary>
    HmacSm3 = 2,
}

/// <summary>
/// The audit chain's keys, kept outside the database so that whoever can write the database cannot recompute the chain:
/// a 256-bit HMAC key that links entries, and an asymmetric key that signs checkpoints (ECDSA P-256 with SHA-256, or SM2
/// with SM3), whose public half lets a verifier outside the Host check exported checkpoints.
/// </summary>
public sealed class AuditKeys
{
    public const string MacFile = "audit-mac.key";
    public const string CheckpointFile = "audit-checkpoint.pem";
    public const string Sm2CheckpointFile = "audit-checkpoint-sm2.pem";
    private readonly byte[] _macKey;
    private readonly ECDsa? _ecdsa;
    private readonly ECPrivateKeyParameters? _sm2;
    private readonly ECPublicKeyParameters? _sm2Public;

    private AuditKeys(byte[] macKey, bool sm, string? ecdsaPem, string? sm2Pem)
    {
        _macKey = macKey;
        Chain = sm ? AuditChain.HmacSm3 : AuditChain.HmacSha256;
        // The key id names the key, never reveals it: first 8 bytes of HMAC(key, "key-id").
        KeyId = Convert.ToHexStringLower(HMACSHA256.HashData(macKey, "supervisioncore/audit/key-id"u8)[..8]);
        // Both checkpoint keys are loaded when present, so checkpoints signed before a switch of Audit:Crypto still verify.
        if (sm2Pem is not null)
        {
            _sm2 = SmCrypto.Sm2PrivateKey(sm2Pem);
            _sm2Public = SmCrypto.Sm2PublicKey(_sm2);
        }
        if (ecdsaPem is not null)
        {
            _ecdsa = ECDsa.Create();
            _ecdsa.ImportFromPem(ecdsaPem);
        }
        if (sm)
        {
            PublicKeyDer = SmCrypto.Sm2PublicKeyDer(_sm2Public!);
            CheckpointAlgorithm = "sm2-sm3";
        }
        else
        {
            PublicKeyDer = _ecdsa!.ExportSubjectPublicKeyInfo();
            CheckpointAlgorithm = "ecdsa-p256-sha256";
        }
        CheckpointKeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKeyDer)[..8]);
    }

    /// <summary>The chain this Host writes.</summary>
    public AuditChain Chain { get; }

    /// <summary>Names the HMAC key (stored with each keyed entry).</summary>
    public string KeyId { get; }

    /// <summary><c>ecdsa-p256-sha256</c> or <c>sm2-sm3</c>.</summary>
    public string CheckpointAlgorithm { get; }

    /// <summary>SubjectPublicKeyInfo (DER) of the checkpoint key.</summary>
    public byte[] PublicKeyDer { get; }

    /// <summary>First 8 bytes (hex) of SHA-256 of <see cref="PublicKeyDer"/>.</summary>
    public string CheckpointKeyId { get; }

    /// <summary>The checkpoint public key as PEM.</summary>
    public string PublicKeyPem => SmCrypto.PublicKeyPem(PublicKeyDer);

    /// <summary>Loads the keys from the key folder, creating them (mode 0600) on first use.</summary>
    public static AuditKeys Load(AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sm = options.Crypto.Trim().ToLowerInvariant() switch
        {
            "default" or "" => false,
            "sm" => true,
            _ => throw new StartupException($"Audit:Crypto must be 'default' or 'sm', not '{options.Crypto}'"),
        };
        var dir = options.ResolvedKeyDirectory;
        try
        {
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var mac = Convert.FromBase64String(ReadOrCreate(Path.Combine(dir, MacFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Trim());
            if (mac.Length < 32) throw new StartupException($"the audit key '{Path.Combine(dir, MacFile)}' must hold base64 of at least 32 bytes");
            var ecdsaPath = Path.Combine(dir, CheckpointFile);
            var sm2Path = Path.Combine(dir, Sm2CheckpointFile);
            var ecdsa = !sm ? ReadOrCreate(ecdsaPath, () =>
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return key.ExportPkcs8PrivateKeyPem();
            }) : File.Exists(ecdsaPath) ? File.ReadAllText(ecdsaPath) : null;
            var sm2 = sm ? ReadOrCreate(sm2Path, SmCrypto.NewSm2PrivateKeyPem) : File.Exists(sm2Path) ? File.ReadAllText(sm2Path) : null;
            return new AuditKeys(mac, sm, ecdsa, sm2);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or CryptographicException or ArgumentException)
        {
            throw new StartupException($"audit keys in '{dir}' cannot be read or created: {ex.Message}");
        }
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path)) return File.ReadAllText(path);
        var text = create();
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(new FileStream(path, options));
            writer.Write(text);
            return text;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path); // another Host created it first
        }
    }

    /// <summary>The link of an entry: keyed MAC (or, for legacy entries, plain SHA-256) of previous hash ‖ UTF-8 canonical text.</summary>
    public byte[] Link(AuditChain chain, byte[] previous, string canonical)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(canonical);
        var bytes = new byte[previous.Length + Encoding.UTF8.GetByteCount(canonical)];
        previous.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(canonical, bytes.AsSpan(previous.Length));
        return chain switch
        {
            AuditChain.LegacySha256 => SHA256.HashData(bytes),
            AuditChain.HmacSha256 => HMACSHA256.HashData(_macKey, bytes),
            AuditChain.HmacSm3 => SmCrypto.HmacSm3(_macKey, bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(chain)),
        };
    }

    /// <summary>Signs a checkpoint message (DER signature).</summary>
    public byte[] Sign(byte[] message) =>
        _sm2 is not null ? SmCrypto.Sm2Sign(_sm2, message) : _ecdsa!.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>Checks a checkpoint signature made with <paramref name="algorithm"/> against this deployment's public key.</summary>
    public bool Verify(string algorithm, byte[] message, byte[] signature) => algorithm switch
    {
        "sm2-sm3" when _sm2Public is not null => SmCrypto.Sm2Verify(_sm2Public, message, signature),
        "ecdsa-p256-sha256" when _ecdsa is not null => _ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        _ => false,
    };
}
