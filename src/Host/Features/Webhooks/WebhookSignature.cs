using System.Security.Cryptography;
using System.Text;

namespace SupervisionCore.Host.Features.Webhooks;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c> where
/// the key is the base64 part of the subscription's <c>whsec_…</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    /// <summary>A new secret: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Marks a stored secret encrypted with the personal-data key (AES-256-GCM or SM4-GCM, <see cref="Infrastructure.PersonalData"/>).</summary>
    public const string Sealed = "enc:";

    /// <summary>The secret as stored: encrypted, so a copy of the database does not let anyone forge deliveries.</summary>
    public static string Seal(Infrastructure.PersonalData personal, string secret)
    {
        ArgumentNullException.ThrowIfNull(personal);
        return Sealed + Convert.ToBase64String(personal.Encrypt(secret));
    }

    /// <summary>The secret of a stored value (a value stored before sealing is returned as it is).</summary>
    public static string Unseal(Infrastructure.PersonalData personal, string stored)
    {
        ArgumentNullException.ThrowIfNull(personal);
        ArgumentNullException.ThrowIfNull(stored);
        return stored.StartsWith(Sealed, StringComparison.Ordinal) ? personal.Decrypt(Convert.FromBase64String(stored[Sealed.Length..])) : stored;
    }

    /// <summary>The <c>webhook-signature</c> header value.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
