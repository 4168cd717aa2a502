using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Auth;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>
/// The real Host in-process (WebApplicationFactory) on its own database of the test cluster, with the bundled packs
/// loaded from disk and real tokens from the embedded OpenIddict server.
/// </summary>
public class SupervisionApp : WebApplicationFactory<Program>
{
    public const string Issuer = "http://localhost/";
    public const string AdminClientId = "test-admin";
    public const string AdminSecret = "test-admin-secret-0123456789";
    private readonly Dictionary<string, string?> _settings;

    public SupervisionApp()
    {
        ConnectionString = TestCluster.NewDatabase(GetType().Name);
        _settings = [];
    }

    /// <summary>A Host with extra settings, on its own database or on <paramref name="connectionString"/>.</summary>
    public static SupervisionApp With(IDictionary<string, string?> settings, string? connectionString = null)
    {
        var app = new SupervisionApp();
        foreach (var (k, v) in settings) app._settings[k] = v;
        if (connectionString is not null) app.ConnectionString = connectionString;
        return app;
    }

    public string ConnectionString { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Supervision", ConnectionString);
        builder.UseSetting("Auth:Issuer", Issuer);
        builder.UseSetting("Bootstrap:AdminClientId", AdminClientId);
        builder.UseSetting("Bootstrap:AdminClientSecret", AdminSecret);
        builder.UseSetting("Plugins:Path", Path.Combine(AppContext.BaseDirectory, "plugins"));
        // The audit keys live outside the database: one folder for the whole test run (Hosts on one database share it).
        builder.UseSetting("Audit:KeyDirectory", TestKeys.Directory);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A real access token for the bootstrap national admin.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync(AdminClientId, AdminSecret);

    /// <summary>Creates a client with the role and jurisdiction (through the real registry) and returns a real token for it.</summary>
    public async Task<string> TokenForAsync(string role, string jurisdiction, string? clientId = null, Guid? institutionId = null, Guid? supervisorId = null)
    {
        clientId ??= $"{role}-{jurisdiction.Replace('.', '-').ToLowerInvariant()}-{Guid.NewGuid():N}"[..40].TrimEnd('-');
        await using (var scope = Services.CreateAsyncScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
            await clients.CreateAsync(new ClientSpec(clientId, clientId, [role], jurisdiction, InstitutionId: institutionId?.ToString(), SupervisorId: supervisorId?.ToString()),
                "secret-" + clientId, CancellationToken.None);
        }
        return await TokenAsync(clientId, "secret-" + clientId);
    }

    /// <summary>Client-credentials token from /connect/token.</summary>
    public async Task<string> TokenAsync(string clientId, string secret)
    {
        using var client = CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client carrying the bearer token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>JSON helpers for responses.</summary>
public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { throw new InvalidOperationException($"not JSON ({(int)response.StatusCode}): {text}"); }
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body);
}

/// <summary>The audit key folder of this test run (outside every test database), removed when the process exits.</summary>
public static class TestKeys
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "sc-keys-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { System.IO.Directory.Delete(dir, recursive: true); } catch (IOException) { } };
        return dir;
    });

    public static string Directory => Folder.Value;
}
