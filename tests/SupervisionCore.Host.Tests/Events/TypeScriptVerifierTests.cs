using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>
/// The TypeScript client's verifier (clients/typescript/src/webhooks.ts) accepts the Host's real deliveries and refuses
/// tampered, foreign and stale ones; the README's receiver (src/receiver.ts) runs as written and logs each event once.
/// </summary>
public sealed class TypeScriptVerifierTests(EventsApp app) : IClassFixture<EventsApp>
{
    private const string Check = """
        import { readFileSync } from "node:fs";
        import { verifyWebhook } from "./webhooks.js";
        const c = JSON.parse(readFileSync(process.argv[2], "utf8"));
        try {
          const e = verifyWebhook(c.secret, c.headers, c.body, c.now ? { now: new Date(c.now) } : {});
          console.log("ok " + e.type + " " + e.data.targetId);
        } catch (err) {
          console.log("refused " + (err as Error).name + ": " + (err as Error).message);
          process.exit(3);
        }
        """;

    [Fact]
    public async Task Real_deliveries_verify_in_typescript_and_the_readme_receiver_logs_each_event_once()
    {
        await Tooling.EnsureNodeModulesAsync();
        var work = Directory.CreateTempSubdirectory("sc-webhooks-");
        Process? node = null;
        try
        {
            var src = Directory.CreateDirectory(Path.Combine(work.FullName, "src"));
            foreach (var file in new[] { "webhooks.ts", "receiver.ts" }) File.Copy(Path.Combine(Tooling.ClientDir, "src", file), Path.Combine(src.FullName, file));
            File.WriteAllText(Path.Combine(src.FullName, "check.ts"), Check);
            File.Copy(Path.Combine(Tooling.ClientDir, "tsconfig.json"), Path.Combine(work.FullName, "tsconfig.json"));
            File.WriteAllText(Path.Combine(work.FullName, "package.json"), "{\"type\":\"module\"}");
            Directory.CreateSymbolicLink(Path.Combine(work.FullName, "node_modules"), Path.Combine(Tooling.ClientDir, "node_modules"));
            var (tscCode, tsc) = await Tooling.RunAsync(Tooling.Bin("tsc"), "-p tsconfig.json", work.FullName, TimeSpan.FromMinutes(3));
            tscCode.ShouldBe(0, tsc);

            // A real delivery, captured by the test receiver.
            await using var receiver = new Receiver();
            using var province = app.CreateClient(await app.TokenForAsync(Roles.ProvinceAdmin, "44"));
            var created = await province.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url("ts"), jurisdiction = "44" });
            var secret = (await created.ReadJsonAsync()).GetProperty("secret").GetString()!;
            // The README receiver, on a port of its own, subscribed as well.
            var port = FreePort();
            var lines = new ConcurrentQueue<string>();
            var readmeSubscription = await province.PostJsonAsync("/api/v1/webhooks", new { url = $"http://127.0.0.1:{port}/events", jurisdiction = "44" });
            var readmeSecret = (await readmeSubscription.ReadJsonAsync()).GetProperty("secret").GetString()!;
            node = Process.Start(new ProcessStartInfo("node", "dist/receiver.js")
            {
                WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["WEBHOOK_SECRET"] = readmeSecret },
            })!;
            node.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
            node.BeginOutputReadLine();
            await Task.Delay(500);

            using var national = app.CreateClient(await app.AdminTokenAsync());
            var institution = await national.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution("44"));
            var institutionId = (await institution.ReadJsonAsync()).GetProperty("id").GetGuid();
            await receiver.WaitAsync(r => r.Acknowledged("ts").Count == 1, TimeSpan.FromSeconds(30), "one delivery");
            var delivery = receiver.Acknowledged("ts")[0];

            async Task<(int Code, string Output)> VerifyAsync(string key, string body, long? timestamp = null, DateTimeOffset? now = null)
            {
                var headers = new Dictionary<string, string>
                {
                    ["webhook-id"] = delivery.Id, ["webhook-timestamp"] = (timestamp ?? delivery.Timestamp).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["webhook-signature"] = delivery.Signature,
                };
                var file = Path.Combine(work.FullName, $"case-{Guid.NewGuid():N}.json");
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { secret = key, headers, body, now = now?.ToString("O") }));
                return await Tooling.RunAsync("node", $"dist/check.js \"{file}\"", work.FullName, TimeSpan.FromMinutes(1));
            }

            var ok = await VerifyAsync(secret, delivery.Body);
            ok.Code.ShouldBe(0, ok.Output);
            ok.Output.Trim().ShouldBe($"ok supervision.institution.registered {institutionId}");
            var tampered = await VerifyAsync(secret, delivery.Body.Replace("44", "45", StringComparison.Ordinal));
            (tampered.Code, tampered.Output.Trim()).ShouldBe((3, "refused WebhookVerificationError: no matching signature"));
            var foreign = await VerifyAsync(readmeSecret, delivery.Body);
            foreign.Code.ShouldBe(3, foreign.Output);
            var stale = await VerifyAsync(secret, delivery.Body, now: DateTimeOffset.FromUnixTimeSeconds(delivery.Timestamp).AddMinutes(10));
            (stale.Code, stale.Output.Trim()).ShouldBe((3, "refused WebhookVerificationError: webhook-timestamp outside the tolerance"));

            // The README receiver logged the event once (and answered 204, so the Host does not send it again).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (lines.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(100);
            await Task.Delay(500);
            lines.Count.ShouldBe(1, string.Join("\n", lines));
            lines.Single().ShouldStartWith($"supervision.institution.registered institution/{institutionId} ");
        }
        finally
        {
            if (node is { HasExited: false }) { node.Kill(); await node.WaitForExitAsync(); }
            node?.Dispose();
            work.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
