using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// Issue #17 item 2: the commercial-cryptography configuration (密评, GB/T 39786): SM3 (GB/T 32905), SM2 signatures (GB/T 32918)
/// for checkpoints, HMAC-SM3 for the chain, SM4-GCM for personal data; SHA-256/ECDSA/AES stay the default.
/// </summary>
public sealed class SmCryptoTests
{
    [Fact]
    public void Sm3_gives_the_standards_test_vector() =>
        Convert.ToHexStringLower(SmCrypto.Sm3("abc"u8.ToArray())).ShouldBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    [Fact]
    public void Sm2_signs_and_verifies_and_refuses_an_altered_message_or_another_key()
    {
        var key = SmCrypto.Sm2PrivateKey(SmCrypto.NewSm2PrivateKeyPem());
        var other = SmCrypto.Sm2PrivateKey(SmCrypto.NewSm2PrivateKeyPem());
        var message = "supervisioncore-audit-checkpoint/v1\nseq=1\n"u8.ToArray();
        var signature = SmCrypto.Sm2Sign(key, message);
        var publicKey = SmCrypto.Sm2PublicKeyFromDer(SmCrypto.Sm2PublicKeyDer(SmCrypto.Sm2PublicKey(key)));
        SmCrypto.Sm2Verify(publicKey, message, signature).ShouldBeTrue();
        SmCrypto.Sm2Verify(publicKey, [.. message, 0x20], signature).ShouldBeFalse();
        SmCrypto.Sm2Verify(SmCrypto.Sm2PublicKey(other), message, signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData(PersonalDataCipher.Aes256Gcm, 1)]
    [InlineData(PersonalDataCipher.Sm4Gcm, 2)]
    public void Personal_data_encrypts_and_decrypts_with_the_configured_cipher_and_detects_tampering(PersonalDataCipher cipher, byte format)
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var data = new PersonalData(master, cipher);
        var sealed1 = data.Encrypt("440106197903228063");
        sealed1[0].ShouldBe(format);
        data.Decrypt(sealed1).ShouldBe("440106197903228063");
        Encoding.UTF8.GetString(sealed1).ShouldNotContain("440106");
        // A value written under the other cipher still decrypts (the format byte says which).
        var otherCipher = cipher == PersonalDataCipher.Sm4Gcm ? PersonalDataCipher.Aes256Gcm : PersonalDataCipher.Sm4Gcm;
        data.Decrypt(new PersonalData(master, otherCipher).Encrypt("13812345678")).ShouldBe("13812345678");
        sealed1[^1] ^= 1;
        Should.Throw<CryptographicException>(() => data.Decrypt(sealed1));
    }

    [Fact]
    public async Task A_host_configured_for_sm_keys_the_chain_with_hmac_sm3_signs_checkpoints_with_sm2_and_encrypts_with_sm4()
    {
        var keys = Directory.CreateTempSubdirectory("sc-smkeys-").FullName;
        await using var app = SupervisionApp.With(new Dictionary<string, string?>
        {
            ["Audit:KeyDirectory"] = keys, ["Audit:Crypto"] = "sm", ["Security:PersonalDataCipher"] = "sm4",
        });
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        (await admin.PostJsonAsync("/api/v1/admin/clients", new { clientId = "sm-" + Guid.NewGuid().ToString("N")[..10], displayName = "国密", roles = new[] { Roles.Auditor }, jurisdiction = "CN" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var registered = await admin.PostJsonAsync("/api/v1/supervisors", new { name = "国密测试", idNumber = Seed.IdNumber("440106"), kind = "external", jurisdiction = "44", phone = "13812345678" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        (await admin.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var verdict = await (await admin.GetAsync("/api/v1/audit/verify")).ReadJsonAsync();
        verdict.GetProperty("intact").GetBoolean().ShouldBeTrue(verdict.ToString());
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var chains = new NpgsqlCommand("SELECT count(*) FILTER (WHERE chain <> 2) || '/' || count(*) FROM supervision.audit_entries", connection);
            ((string)(await chains.ExecuteScalarAsync())!).ShouldStartWith("0/");
            await using var cipher = new NpgsqlCommand("SELECT get_byte(id_number_cipher, 0) FROM supervision.supervisors WHERE name = '国密测试'", connection);
            ((int)(await cipher.ExecuteScalarAsync())!).ShouldBe(2);
        }

        var export = await (await admin.GetAsync("/api/v1/audit/checkpoints")).ReadJsonAsync();
        export.GetProperty("algorithm").GetString().ShouldBe("sm2-sm3");
        var der = Convert.FromBase64String(string.Concat(export.GetProperty("publicKey").GetString()!.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        var publicKey = SmCrypto.Sm2PublicKeyFromDer(der);
        foreach (var c in export.GetProperty("checkpoints").EnumerateArray())
            SmCrypto.Sm2Verify(publicKey, Encoding.UTF8.GetBytes(c.GetProperty("message").GetString()!), Convert.FromBase64String(c.GetProperty("signature").GetString()!))
                .ShouldBeTrue(c.ToString());
        File.Exists(Path.Combine(keys, "audit-checkpoint-sm2.pem")).ShouldBeTrue();
        Directory.Delete(keys, recursive: true);
    }
}
