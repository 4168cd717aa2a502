using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace SupervisionCore.Host.Infrastructure;

/// <summary>
/// The Chinese commercial cryptography algorithms (商用密码) through BouncyCastle, for deployments that must pass a
/// commercial-cryptography assessment (密评, GB/T 39786-2021): SM3 hash (GB/T 32905-2016) and HMAC-SM3, SM2 signatures
/// with SM3 and the default distinguishing identifier <c>1234567812345678</c> (GB/T 32918-2016, GB/T 35276-2017), SM4
/// (GB/T 32907-2016) in GCM mode.
/// </summary>
public static class SmCrypto
{
    /// <summary>The SM2 default user identity (GB/T 35276-2017 §10.2).</summary>
    public static readonly byte[] DefaultSm2Id = "1234567812345678"u8.ToArray();

    public static byte[] Sm3(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] HmacSm3(byte[] key, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output;
    }

    /// <summary>A new SM2 key pair (curve sm2p256v1) as PKCS#8 PEM.</summary>
    public static string NewSm2PrivateKeyPem()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var text = new StringWriter();
        new PemWriter(text).WriteObject(new Pkcs8Generator(pair.Private));
        return text.ToString();
    }

    /// <summary>The private key of a PKCS#8 PEM.</summary>
    public static ECPrivateKeyParameters Sm2PrivateKey(string pem)
    {
        using var reader = new StringReader(pem);
        return new PemReader(reader).ReadObject() switch
        {
            ECPrivateKeyParameters key => key,
            AsymmetricCipherKeyPair pair => (ECPrivateKeyParameters)pair.Private,
            _ => throw new InvalidOperationException("not an SM2 private key"),
        };
    }

    /// <summary>The public key (Q = dG) of a private key.</summary>
    public static ECPublicKeyParameters Sm2PublicKey(ECPrivateKeyParameters key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ECPublicKeyParameters("EC", key.Parameters.G.Multiply(key.D).Normalize(), GMObjectIdentifiers.sm2p256v1);
    }

    /// <summary>SubjectPublicKeyInfo DER of an SM2 public key (named curve sm2p256v1).</summary>
    public static byte[] Sm2PublicKeyDer(ECPublicKeyParameters key) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded();

    public static ECPublicKeyParameters Sm2PublicKeyFromDer(byte[] der) => (ECPublicKeyParameters)PublicKeyFactory.CreateKey(der);

    /// <summary>SM2 signature (SM3 digest, default identity), DER-encoded (r, s).</summary>
    public static byte[] Sm2Sign(ECPrivateKeyParameters key, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, new SecureRandom()), DefaultSm2Id));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    public static bool Sm2Verify(ECPublicKeyParameters key, byte[] message, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(key, DefaultSm2Id));
        signer.BlockUpdate(message, 0, message.Length);
        try { return signer.VerifySignature(signature); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or FormatException) { return false; }
    }

    /// <summary>SM4-GCM: nonce (12) ‖ ciphertext ‖ tag (16), authenticated.</summary>
    public static byte[] Sm4GcmEncrypt(byte[] key, byte[] nonce, byte[] plaintext)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce));
        var output = new byte[cipher.GetOutputSize(plaintext.Length)];
        var n = cipher.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        cipher.DoFinal(output, n);
        return output;
    }

    /// <summary>Decrypts and authenticates SM4-GCM output (ciphertext ‖ tag); throws <see cref="InvalidCipherTextException"/> when tampered.</summary>
    public static byte[] Sm4GcmDecrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(false, new AeadParameters(new KeyParameter(key), 128, nonce));
        var output = new byte[cipher.GetOutputSize(ciphertextAndTag.Length)];
        var n = cipher.ProcessBytes(ciphertextAndTag, 0, ciphertextAndTag.Length, output, 0);
        cipher.DoFinal(output, n);
        return output;
    }

    /// <summary>PEM text of a DER public key (SubjectPublicKeyInfo).</summary>
    public static string PublicKeyPem(byte[] spki) =>
        "-----BEGIN PUBLIC KEY-----\n" + string.Join('\n', Convert.ToBase64String(spki).Chunk(64).Select(c => new string(c))) + "\n-----END PUBLIC KEY-----\n";

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
