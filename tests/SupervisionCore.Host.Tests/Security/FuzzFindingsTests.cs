using System.Net;
using System.Text;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>
/// The requests the long fuzzing run (SUPERVISION_LONG_TESTS=1, 1,000 per operation) answered with 500, kept as fixed
/// cases so the default run guards them (the generator now also nulls every list and adds a null to every list, which
/// found the card-batch and client cases): a null element in a list, a null list, a term starting in year 9999, a task
/// naming an unknown activity. Each is now a 400 naming the field (or a 404 for the unknown activity).
/// </summary>
public sealed class FuzzFindingsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    public static TheoryData<string, string, string, int, string?> Findings => new()
    {
        { "PUT", "/api/v1/calendar/years/2031", """{"year":2031,"source":"测试","daysOff":[null],"adjustedWorkingDays":[]}""", 400, "daysOff[0]" },
        { "PUT", "/api/v1/calendar/years/2031", """{"year":2031,"source":"测试","daysOff":null,"adjustedWorkingDays":null}""", 400, "daysOff" },
        { "PUT", "/api/v1/calendar/years/2031", """{"year":2031,"source":"测试","daysOff":[{"first":"2031-01-01","last":"2031-01-01"}],"adjustedWorkingDays":null}""", 400, "adjustedWorkingDays" },
        { "POST", "/api/v1/supervisors/{supervisor}/appointments", """{"start":"9999-12-31"}""", 400, "start" },
        { "POST", "/api/v1/supervisors/{supervisor}/appointments", """{"start":"1999-12-31"}""", 400, "start" },
        { "POST", "/api/v1/supervision-tasks", """{"kind":"daily","authorityId":"44","activityId":"0193a5c4-0000-7000-8000-000000000001","matters":[]}""", 404, null },
        { "POST", "/api/v1/supervision-tasks", """{"kind":"daily","authorityId":"44","institutionId":"{institution}","windowStart":"2031-06-01T08:00:00+08:00","windowEnd":"2031-06-01T17:00:00+08:00","matters":null}""", 400, "matters" },
        { "POST", "/api/v1/activities", """{"kind":"vocational-qualification","institutionId":"{institution}","occupation":"电工","startsAt":"2031-06-01T08:00:00+08:00","endsAt":"2031-06-01T17:00:00+08:00","candidateCount":10,"venues":[null],"examiners":[null]}""", 400, "venues[0]" },
        { "POST", "/api/v1/card-batches", """{"kind":"external","authorityId":"44","supervisorIds":null}""", 400, "supervisorIds" },
        { "POST", "/api/v1/admin/clients", """{"clientId":"fuzz-client","displayName":"x","roles":null,"jurisdiction":"44","redirectUris":[]}""", 400, "roles" },
        { "POST", "/api/v1/admin/clients", """{"clientId":"fuzz-client","displayName":"x","roles":["auditor"],"jurisdiction":"44","redirectUris":null}""", 400, "redirectUris" },
        { "POST", "/api/v1/regions/bj-etdz/venues", """{"institutionId":"{zone-institution}","name":"考场","address":"荣华中路10号","occupations":[null],"equipment":[{"name":"装置","quantity":1}]}""", 400, "occupations[0]" },
        { "POST", "/api/v1/regions/bj-etdz/venues", """{"institutionId":"{zone-institution}","name":"考场","address":"荣华中路10号","occupations":[{"occupation":"电工","level":"四级"}],"equipment":[null]}""", 400, "equipment[0]" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task A_request_the_long_fuzzing_found_is_refused_cleanly_and_changes_nothing(string method, string path, string body, int expected, string? field)
    {
        var supervisor = await Seed.SupervisorAsync(app, "44", idNumber: Seed.IdNumber());
        var institution = await Seed.InstitutionAsync(app, "44");
        var zoneInstitution = await Seed.InstitutionAsync(app, "11.ETDZ");
        string Fill(string s) => s.Replace("{supervisor}", supervisor.Id.ToString(), StringComparison.Ordinal)
            .Replace("{institution}", institution.Id.ToString(), StringComparison.Ordinal).Replace("{zone-institution}", zoneInstitution.Id.ToString(), StringComparison.Ordinal);
        using var admin = app.CreateClient(await app.AdminTokenAsync());
        var changes = await RegistryTestData.AuditCountAsync(app);

        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path)) { Content = new StringContent(Fill(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()); // card batches require one; the others ignore it
        using var response = await admin.SendAsync(request);
        var problem = await response.ReadJsonAsync();
        ((int)response.StatusCode).ShouldBe(expected, problem.ToString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (field is not null) problem.NamesField(field).ShouldBeTrue(problem.ToString());
        (await RegistryTestData.AuditCountAsync(app)).ShouldBe(changes);
    }
}
