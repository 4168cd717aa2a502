using System.Net;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Features.Events;
using SupervisionCore.Host.Features.Webhooks;

namespace SupervisionCore.Host.Tests.Events;

/// <summary>The action → event table, the personal-data filter of event data, the SSRF address check and the signature.</summary>
public sealed class EventCatalogTests
{
    [Theory]
    [InlineData("assignment.create", "supervision.assignment.invited")]
    [InlineData("assignment.substitute", "supervision.assignment.invited")]
    [InlineData("draw.publish", "supervision.draw.published")]
    [InlineData("institution.sanction", "supervision.institution.sanctioned")]
    [InlineData("supervisor.sanction", "supervision.supervisor.sanctioned")]
    [InlineData("record.overdue", "supervision.record.overdue")]
    [InlineData("bj-etdz.venue.register", "supervision.bj-etdz.venue.register")] // a pack's act, not in the table
    public void An_action_raises_its_type(string action, string type)
    {
        var events = EventCatalog.Derive(new AuditEvent(action, "x", "1", "44"));
        events.Single().Type.ShouldBe(type);
        events.Single().Subject.ShouldBe("x/1");
    }

    [Theory]
    [InlineData("access.denied")]
    [InlineData("admin.client.create")]
    [InlineData("admin.webhook.create")]
    [InlineData("demo.seed")]
    public void Security_and_administration_records_raise_nothing(string action) =>
        EventCatalog.Derive(new AuditEvent(action, "x", "1", "44")).ShouldBeEmpty();

    [Fact]
    public void A_draw_raises_its_own_event_and_the_invitations_of_its_assignments()
    {
        var draw = Guid.CreateVersion7();
        var events = EventCatalog.Derive(new AuditEvent("draw.run", "draw", draw.ToString(), "44", ["cn.dispatch.random"],
            After: new { PoolDigest = "ab", Seed = "cd", Count = 2, Selected = new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString() } }));
        events.Count.ShouldBe(2);
        events[0].Type.ShouldBe("supervision.draw.completed");
        events[0].Data["selected"]!.AsArray().Count.ShouldBe(2);
        events[0].Data["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["cn.dispatch.random"]);
        events[1].Type.ShouldBe("supervision.assignment.invited");
        events[1].InvitationsOfDraw.ShouldBe(draw);
    }

    [Fact]
    public void Event_data_carries_ids_states_and_dates_but_no_names_id_numbers_phones_or_free_text()
    {
        var supervisor = Guid.NewGuid();
        var data = EventCatalog.Safe(new
        {
            SupervisorId = supervisor, Status = "accepted", DueOn = new DateOnly(2025, 6, 12), Late = false, Rank = 2,
            Name = "张三", IdNumber = "440106197506150011", Phone = "13800138000", Reason = "出差", EvidenceNote = "…",
            PersonId = "440106197506150011", // an id-named field holding an ID number is dropped as well
            Attachments = new[] { new { Name = "a.pdf" } },
        });
        data.Select(kv => kv.Key).ShouldBe(["supervisorId", "status", "dueOn", "late", "rank"], ignoreOrder: true);
        data["supervisorId"]!.GetValue<string>().ShouldBe(supervisor.ToString());
    }

    [Fact]
    public void Every_type_of_the_table_is_a_valid_subscription_type() =>
        EventCatalog.Types.Values.ShouldAllBe(t => Features.Webhooks.WebhookScope.IsTypePattern(EventCatalog.Prefix + t));

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.8.8", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.15.255.255", true)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2400:3200::1", true)]
    public void Only_public_unicast_addresses_are_webhook_targets(string address, bool isPublic) =>
        WebhookTargets.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);

    [Theory]
    [InlineData("https://portal.example.gov.cn/hooks", null)]
    [InlineData("http://127.0.0.1:8080/x", null)]
    [InlineData("ftp://example.com/x", "http or https")]
    [InlineData("gopher://example.com/x", "http or https")]
    [InlineData("https://user:pw@example.com/x", "credentials")]
    [InlineData("example.com/x", "absolute")]
    [InlineData("https://example.com/x#frag", "fragment")]
    public void A_target_url_must_be_absolute_http_without_credentials(string url, string? problem)
    {
        var found = WebhookTargets.FormProblem(url);
        if (problem is null) found.ShouldBeNull();
        else found.ShouldNotBeNull().ShouldContain(problem);
    }

    [Theory]
    [InlineData("http://127.0.0.1/x")]
    [InlineData("http://localhost/x")]
    [InlineData("http://10.0.0.1/x")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task Private_targets_are_refused_unless_allowed(string url)
    {
        (await WebhookTargets.AddressProblemAsync(new Uri(url), allowPrivate: false, CancellationToken.None)).ShouldNotBeNull();
        (await WebhookTargets.AddressProblemAsync(new Uri(url), allowPrivate: true, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_delivery_connection_rechecks_the_address_so_a_name_rebound_to_loopback_is_refused() =>
        await Should.ThrowAsync<HttpRequestException>(async () =>
            await WebhookTargets.ConnectAsync(new DnsEndPoint("localhost", 9), allowPrivate: false, CancellationToken.None));

    [Fact]
    public void The_signature_is_the_standard_webhooks_one()
    {
        // Test vector of the Standard Webhooks specification's reference libraries.
        WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""")
            .ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        WebhookSignature.NewSecret().ShouldStartWith("whsec_");
        Convert.FromBase64String(WebhookSignature.NewSecret()["whsec_".Length..]).Length.ShouldBe(32);
    }
}
