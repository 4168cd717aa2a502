using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Supervision;
using R = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>How an operation's object relates to the caller.</summary>
public enum Scope
{
    /// <summary>No object of a jurisdiction (catalogues, filtered lists): asked once, as the caller's own.</summary>
    Global,

    /// <summary>An object (in the path or named in the body) of a jurisdiction, an institution and a supervisor: own, peer, foreign.</summary>
    Owned,

    /// <summary>
    /// Only a jurisdiction is named (in the body), or the operation acts on the caller's part of a pack's jurisdiction: own
    /// and foreign; peer is the same province, so it is asked as own.
    /// </summary>
    Jurisdiction,
}

/// <summary>
/// One row of the access matrix: the operation id of the OpenAPI document, the roles that may call it at all
/// (function level, API5), how its object is scoped, and a valid request about a side's objects.
/// <paramref name="PeerRoles"/>: roles that reach a peer object (same province, another institution or supervisor);
/// by default every role but institution operators and supervisors. <paramref name="Denied"/>: the status of an
/// object-level refusal (404 when the id is in the path — no existence leak; 403 when a jurisdiction is named).
/// <paramref name="BlindRoles"/>: roles admitted at function level that reach no object of this kind (their lists are
/// empty, a get is 404). <paramref name="DeniedOr"/>: a second refusal status accepted where the body names both a
/// jurisdiction and objects (403 for the jurisdiction, 404 for an object out of reach, whichever is checked first). <paramref name="Changes"/>: false for a POST that computes without changing state (no audit entry).
/// <paramref name="Realm"/>: the jurisdiction whose principals and objects the row is asked with (<see cref="PackRealms"/>;
/// the home province 43 by default). Every write that changes state, the packs' own included (<c>IPackAudit</c>, contract
/// 1.3), must leave an audit entry.
/// </summary>
public sealed record Op(string Id, string[] Roles, Scope Scope, Func<Objects, HttpRequestMessage> Build, int Denied = 404, string[]? PeerRoles = null, string[]? BlindRoles = null, bool Changes = true, int? DeniedOr = null,
    string Realm = SecurityWorld.OwnProvince)
{
    public bool Anonymous => Roles.Length == 0;

    public bool IsRead => Build(SampleObjects).Method == HttpMethod.Get;

    public string[] ReachingPeers => PeerRoles ?? [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.Auditor];

    private static readonly Objects SampleObjects = new("43", Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, "x");
}

/// <summary>
/// The expectation table of the access matrix (OWASP API1/API5). Every operation of the served OpenAPI documents —
/// the kernel's and every pack's — must have a row here, asked for every role and side: a new endpoint without one
/// fails <see cref="AccessMatrixTests"/>.
/// </summary>
public static class AccessMatrix
{
    private static readonly string[] All = [.. R.All];
    private static readonly string[] Staff = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator];
    private static readonly string[] StaffAndInstitution = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.InstitutionOperator];
    private static readonly string[] StaffAndSupervisor = [R.Supervisor, R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator];
    private static readonly string[] Readers = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.InstitutionOperator, R.Auditor];
    private static readonly string[] AuditReaders = [R.Auditor, R.NationalAdmin, R.ProvinceAdmin];
    private static readonly string[] Admins = [R.NationalAdmin, R.ProvinceAdmin];
    private static readonly string[] DrawReaders = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.Auditor];
    private static readonly string[] ZoneReaders = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.Auditor, R.Supervisor];
    private static readonly string[] None = [];
    private static readonly string[] PhotoReaders = [R.NationalAdmin, R.ProvinceAdmin, R.CenterOperator, R.InstitutionOperator, R.Supervisor];

    private const string Today = "2025-06-20";

    public static IReadOnlyList<Op> Operations { get; } =
    [
        // Kernel: supervision tasks.
        new("tasks.list", All, Scope.Global, _ => Get("/api/v1/supervision-tasks")),
        new("tasks.create", Staff, Scope.Owned, o => Post("/api/v1/supervision-tasks", new { kind = "daily", authorityId = o.Jurisdiction, activityId = o.Activity, matters = new[] { "考场秩序" } })),
        new("tasks.get", All, Scope.Owned, o => Get($"/api/v1/supervision-tasks/{o.Task}")),
        new("tasks.close", Staff, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.Task}/closure", new { })),
        new("tasks.fix-matters", Staff, Scope.Owned, o => Put($"/api/v1/supervision-tasks/{o.SpecialTask}/matters", new { matters = new[] { "考务管理（访问矩阵）" } })),
        new("tasks.cancel", Staff, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.SpecialTask}/cancellation", new { reason = "测试取消" })),
        // A rebuttal (the one step an institution records) before any notice: out of order for everyone (409/422), past the access checks.
        new("special-procedure.record-step", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.SpecialTask}/special-procedure/steps", new { step = "rebuttal", on = "2025-06-15", text = "申辩" })),
        new("special-procedure.get", Readers, Scope.Owned, o => Get($"/api/v1/supervision-tasks/{o.SpecialTask}/special-procedure")),

        // Supervisors.
        new("supervisors.list", All, Scope.Global, _ => Get("/api/v1/supervisors")),
        new("supervisors.register", StaffAndInstitution, Scope.Owned, o => Post("/api/v1/supervisors", new { name = "赵六", idNumber = Seed.IdNumber(o.Jurisdiction + "0102"), kind = "internal", jurisdiction = o.Jurisdiction, institutionId = o.Institution }), Denied: 403),
        new("supervisors.get", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}")),
        new("supervisors.update", StaffAndInstitution, Scope.Owned, o => Patch($"/api/v1/supervisors/{o.Supervisor}", new { name = "李督导", version = 1 })),
        new("supervisors.trainings.record", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/trainings", new { kind = "qualification", date = "2024-03-01", passed = true })),
        new("supervisors.trainings.list", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/trainings")),
        new("supervisors.sanctions.list", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/sanctions")),
        new("supervisors.sanctions.decide", Staff, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/sanctions", new { measure = "criticism", ground = "bad-influence", date = Today })),
        new("supervisors.appointments.list", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/appointments")),
        new("supervisors.appointments.create", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/appointments", new { start = "2025-01-01" })),
        new("supervisors.appointments.not-renew", StaffAndInstitution, Scope.Owned,
            o => Post($"/api/v1/supervisors/{o.Supervisor}/appointments/{o.Appointment}/non-renewal", new { decidedOn = "2025-01-01", note = "考核不合格" })),
        new("supervisors.assessments.record", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/assessments", new { year = 2025, grade = "passed", assessedOn = Today })),
        new("supervisors.assessments.list", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/assessments")),
        // In 43 no regional text provides a commendation: 422 for everyone past the access checks.
        new("supervisors.commendations.record", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/commendations", new { on = Today, title = "优秀质量督导员", reason = "突出贡献" })),
        new("supervisors.commendations.list", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/commendations")),
        new("supervisors.file", All, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/file")),

        // Card photos and faces (personal data): managers and printers of the card, and the supervisor; never auditors.
        new("supervisors.photo.put", StaffAndInstitution, Scope.Owned, o => PutPhoto($"/api/v1/supervisors/{o.Supervisor}/photo")),
        new("supervisors.photo.get", PhotoReaders, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/photo"), PeerRoles: Staff),
        new("supervisors.photo.delete", StaffAndInstitution, Scope.Owned, o => Delete($"/api/v1/supervisors/{o.Supervisor}/photo")),
        new("cards.face", PhotoReaders, Scope.Owned, o => Get($"/api/v1/supervisors/{o.Supervisor}/cards/{o.Card}/face"), PeerRoles: Staff),

        // Cards.
        new("cards.issue", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/supervisors/{o.Supervisor}/cards", new { issuedOn = "2025-06-01" })),
        new("cards.issue-batch", StaffAndInstitution, Scope.Owned, o => WithIdempotencyKey(Post("/api/v1/card-batches", new { kind = "internal", issuedOn = "2025-06-01", institutionId = o.Institution, supervisorIds = new[] { o.Supervisor } })), Denied: 403, DeniedOr: 404),
        new("cards.decode", All, Scope.Global, o => Get($"/api/v1/card-numbers/{o.CardNumber}")),
        new("public.cards.verify", None, Scope.Global, o => Get($"/api/v1/public/cards/{o.CardNumber}")),
        new("public.complaints.submit", None, Scope.Global, o => Post("/api/v1/public/complaints", new { jurisdiction = o.Jurisdiction, text = "考场存在替考现象，请核查（访问矩阵）" })),
        new("public.complaints.status", None, Scope.Global, o => Get($"/api/v1/public/complaints/{o.ComplaintCode}")),
        new("complaints.list", [.. Staff, R.Auditor], Scope.Global, _ => Get("/api/v1/complaints")),
        new("complaints.statistics", [.. Staff, R.Auditor], Scope.Global, _ => Get("/api/v1/complaints/statistics")),
        new("complaints.get", [.. Staff, R.Auditor], Scope.Owned, o => Get($"/api/v1/complaints/{o.Complaint}")),
        new("complaints.triage", Staff, Scope.Owned, o => Post($"/api/v1/complaints/{o.Complaint}/triage", new { decision = "dismiss", reason = "与评价工作无关（访问矩阵）" })),
        new("complaints.conclude", Staff, Scope.Owned, o => Post($"/api/v1/complaints/{o.Complaint}/conclusion", new { finding = "unsubstantiated", conclusion = "不属实" })),

        // Institutions.
        new("institutions.list", Readers, Scope.Global, _ => Get("/api/v1/institutions")),
        new("institutions.create", Staff, Scope.Jurisdiction, o => Post("/api/v1/institutions", new { name = "评价机构 " + Guid.NewGuid().ToString("N")[..8], kind = "employer", filingNumber = $"8{RandomNumberGenerator.GetInt32(0, 100_000):00000}", filingLevel = "province", jurisdiction = o.Jurisdiction }), Denied: 403),
        new("institutions.get", Readers, Scope.Owned, o => Get($"/api/v1/institutions/{o.Institution}")),
        new("institutions.update", Staff, Scope.Owned, o => Patch($"/api/v1/institutions/{o.Institution}", new { name = "更名评价机构", version = 1 })),
        new("institutions.sanctions.list", Readers, Scope.Owned, o => Get($"/api/v1/institutions/{o.Institution}/sanctions")),
        new("institutions.sanctions.create", Admins, Scope.Owned, o => Post($"/api/v1/institutions/{o.Institution}/sanctions", new { step = "notice-and-correction", ground = "refuse-materials", on = "2025-05-01", correctionDeadline = "2025-06-01" })),

        // Activities.
        new("activities.list", All, Scope.Global, _ => Get("/api/v1/activities")),
        new("activities.create", StaffAndInstitution, Scope.Owned, o => Post("/api/v1/activities", new
        {
            institutionId = o.Institution, kind = "skill-level-recognition", occupation = "电工", level = "三级",
            startsAt = "2025-07-10T08:30:00+08:00", endsAt = "2025-07-10T17:00:00+08:00", candidateCount = 30,
        })),
        new("activities.get", All, Scope.Owned, o => Get($"/api/v1/activities/{o.Activity}"), BlindRoles: [R.Supervisor]),

        // Draws.
        new("draws.announce", Staff, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.Task}/draw-announcements", new { seedCommitment = new string('a', 64) })),
        new("draws.run", Staff, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.Task}/draws", new { })),
        // Seeded unpublished: published here first, so institution operators then see their own draw.
        new("draws.publish", Staff, Scope.Owned, o => Post($"/api/v1/draws/{o.Draw}/publication", new { })),
        new("draws.get", Readers, Scope.Owned, o => Get($"/api/v1/draws/{o.Draw}")),
        new("draws.transcript", Readers, Scope.Owned, o => Get($"/api/v1/draws/{o.Draw}/transcript")),
        new("exports.draw", DrawReaders, Scope.Owned, o => Get($"/api/v1/exports/draws/{o.Draw}?format=csv")),
        new("draws.verify", All, Scope.Owned, o => Post($"/api/v1/draws/{o.Draw}/verify", new { }), Changes: false),
        new("public.draws.list", None, Scope.Global, _ => Get("/api/v1/public/draws")),
        new("draws.inspection.announce", Staff, Scope.Jurisdiction, o => Post("/api/v1/inspection-draw-announcements", new { jurisdiction = o.Jurisdiction, seedCommitment = new string('b', 64) }), Denied: 403),
        new("draws.inspection.run", Staff, Scope.Jurisdiction, o => Post("/api/v1/inspection-draws", new { target = "institutions", jurisdiction = o.Jurisdiction, filter = new { }, count = 1 }), Denied: 403),

        // Assignments, records, feedback.
        new("assignments.list", All, Scope.Global, _ => Get("/api/v1/assignments")),
        new("assignments.list-for-task", All, Scope.Owned, o => Get($"/api/v1/supervision-tasks/{o.Task}/assignments")),
        new("assignments.create", Staff, Scope.Owned, o => Post($"/api/v1/supervision-tasks/{o.Task}/assignments", new { supervisorId = o.Supervisor, role = "external" })),
        new("assignments.accept", StaffAndSupervisor, Scope.Owned, o => Post($"/api/v1/assignments/{o.Assignment}/acceptance", new { })),
        new("assignments.refuse", StaffAndSupervisor, Scope.Owned, o => Post($"/api/v1/assignments/{o.Assignment}/refusal", new { reason = "出差" })),
        new("assignments.attendance", StaffAndSupervisor, Scope.Owned, o => Post($"/api/v1/assignments/{o.Assignment}/attendance", new { entryAt = "2025-06-10T08:30:00+08:00", exitAt = "2025-06-10T17:00:00+08:00" })),
        new("records.file", StaffAndSupervisor, Scope.Owned, o => Post($"/api/v1/assignments/{o.Assignment}/records", new { formId = "cn.report", formVersion = 1, answers = AssignmentScenes.ValidReport() })),
        new("records.get", All, Scope.Owned, o => Get($"/api/v1/assignments/{o.Assignment}/records/{o.Record}")),
        new("feedback.submit", [R.InstitutionOperator], Scope.Owned, o => Post($"/api/v1/assignments/{o.Assignment}/feedback", new
        {
            entryAt = "2025-06-10T08:30:00+08:00", exitAt = "2025-06-10T17:00:00+08:00", text = "良好",
            conduct = new { woreCard = true, performedDuties = true, stayedInRemit = true, integrity = true },
        })),
        new("feedback.get", All, Scope.Owned, o => Get($"/api/v1/assignments/{o.Assignment}/feedback")),

        // Catalogues and reference data.
        new("packs.list", All, Scope.Global, _ => Get("/api/v1/packs")),
        new("rules.list", All, Scope.Global, _ => Get("/api/v1/rules?jurisdiction=43")),
        new("regions.rules.list", All, Scope.Global, _ => Get("/api/v1/regions/gd/rules")),
        new("jurisdictions.list", All, Scope.Global, _ => Get("/api/v1/jurisdictions")),
        new("forms.list", All, Scope.Global, _ => Get("/api/v1/forms")),
        new("forms.get", All, Scope.Global, _ => Get("/api/v1/forms/cn.report")),
        new("authorities.list", All, Scope.Global, _ => Get("/api/v1/authorities")),
        new("authorities.get", All, Scope.Global, o => Get($"/api/v1/authorities/{o.Jurisdiction}")),
        new("calendar.years.get", All, Scope.Global, _ => Get("/api/v1/calendar/years/2025")),
        new("calendar.years.put", [R.NationalAdmin], Scope.Global, _ => Put("/api/v1/calendar/years/2031", new { year = 2031, source = "测试", daysOff = new[] { new { first = "2031-01-01", last = "2031-01-01" } }, adjustedWorkingDays = Array.Empty<string>() })),
        new("calendar.deadline", All, Scope.Global, _ => Get("/api/v1/calendar/deadline?from=2025-06-10&workingDays=5")),

        // Administration and audit.
        new("admin.clients.create", Admins, Scope.Jurisdiction, o => Post("/api/v1/admin/clients", new { clientId = "m-" + Guid.NewGuid().ToString("N")[..12], displayName = "矩阵", roles = new[] { R.Auditor }, jurisdiction = o.Jurisdiction }), Denied: 403),
        new("admin.users.create", Admins, Scope.Jurisdiction, o => Post("/api/v1/admin/users", new { userName = "m" + Guid.NewGuid().ToString("N")[..12], password = "a-long-enough-password", displayName = "矩阵", roles = new[] { R.Auditor }, jurisdiction = o.Jurisdiction }), Denied: 403),
        new("audit.list", AuditReaders, Scope.Global, _ => Get("/api/v1/audit")),
        new("audit.verify", AuditReaders, Scope.Global, _ => Get("/api/v1/audit/verify")),
        new("audit.checkpoints.list", AuditReaders, Scope.Global, _ => Get("/api/v1/audit/checkpoints")),
        new("audit.checkpoints.create", AuditReaders, Scope.Global, _ => Post("/api/v1/audit/checkpoints", new { })),

        // Events and webhooks (issue 21): jurisdiction-wide roles; deleting is asked last (a repeated delete is a 204 no-op).
        new("events.list", DrawReaders, Scope.Global, _ => Get("/api/v1/events?after=0")),
        new("webhooks.list", DrawReaders, Scope.Global, _ => Get("/api/v1/webhooks")),
        new("webhooks.create", Staff, Scope.Jurisdiction, o => Post("/api/v1/webhooks", new { url = "http://127.0.0.1:9/matrix", jurisdiction = o.Jurisdiction }), Denied: 403),
        new("webhooks.get", DrawReaders, Scope.Owned, o => Get($"/api/v1/webhooks/{o.Webhook}")),
        new("webhooks.deliveries.list", DrawReaders, Scope.Owned, o => Get($"/api/v1/webhooks/{o.Webhook}/deliveries")),
        new("webhooks.deliveries.replay", Admins, Scope.Owned, o => Post($"/api/v1/webhooks/{o.Webhook}/deliveries/replay", new { })),
        new("webhooks.delete", Staff, Scope.Owned, o => Delete($"/api/v1/webhooks/{o.Webhook}")),

        // Imports and exports. An import job is seen by its uploader and by the administrators and auditors above it: the
        // own side's job was uploaded by the own institution's operator, so a centre operator sees none of the fixture's.
        new("imports.template", All, Scope.Global, _ => Get("/api/v1/imports/templates/supervisors.csv")),
        new("imports.submit", StaffAndInstitution, Scope.Global, _ => SecurityWorld.Upload(SecurityWorld.UnimportableSupervisors, extra: ("jurisdiction", SecurityWorld.ForeignProvince))),
        new("imports.get", Readers, Scope.Owned, o => Get($"/api/v1/imports/{o.Import}"), PeerRoles: [R.NationalAdmin, R.ProvinceAdmin, R.Auditor], BlindRoles: [R.CenterOperator]),
        new("exports.supervisors", Readers, Scope.Global, _ => Get("/api/v1/exports/supervisors?format=csv")),
        new("exports.institutions", Readers, Scope.Global, _ => Get("/api/v1/exports/institutions?format=csv")),

        // Packs.
        new("gd.cities.list", All, Scope.Global, _ => Get("/api/v1/regions/gd/cities")),
        // Policy parameters (docs/parameters.md): read by all; a value added only by an administrator over the pack's jurisdiction.
        new("regions.parameters.list", All, Scope.Global, _ => Get("/api/v1/regions/bj-etdz/parameters")),
        new("regions.parameters.get", All, Scope.Global, _ => Get("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day?on=2025-06-20")),
        new("regions.parameters.values.add", Admins, Scope.Jurisdiction, _ => Post("/api/v1/regions/bj-etdz/parameters/bj.fee.per-activity.day/values", new { effectiveFrom = "2099-01-01", value = "800", reason = "测试" }), Denied: 403, Realm: PackRealms.Bj),
        new("bj-etdz.fees.quote", All, Scope.Global, _ => Post("/api/v1/regions/bj-etdz/fees/quote", new { entry = "2025-03-03T08:30:00+08:00", exit = "2025-03-03T12:31:00+08:00" }), Changes: false),
        new("yn.eligibility.check", All, Scope.Global, _ => Post("/api/v1/regions/yn/eligibility/checks", new { isRecognitionManagementOrTechnicalStaff = true, examinerYears = 5 }), Changes: false),

        // Guangdong (44): integrity files of external supervisors, for the province's staff; a city centre only its city.
        new("gd.integrity-file.get", Staff, Scope.Owned, o => Get($"/api/v1/regions/gd/supervisors/{o.Supervisor}/integrity-file"), Realm: PackRealms.Gd),
        // GD 17 daily supervision: checks on the side's daily task (its supervisor is only invited there: 422 for them, past
        // the access checks), measures against its institution (institution operators: their own), rectification, review.
        new("gd.daily-checks.record", StaffAndSupervisor, Scope.Owned, o => Post("/api/v1/regions/gd/daily-checks", new { taskId = o.Task, kind = "briefing", on = "2025-06-09", findings = "听取汇报（矩阵）" }), Realm: PackRealms.Gd),
        new("gd.daily-checks.list", DrawReaders, Scope.Owned, o => Get($"/api/v1/regions/gd/daily-checks?taskId={o.Task}"), Realm: PackRealms.Gd),
        new("gd.measures.issue", Staff, Scope.Owned, o => Post("/api/v1/regions/gd/measures", Letter(o.Task)), Realm: PackRealms.Gd),
        new("gd.measures.list", Readers, Scope.Global, _ => Get("/api/v1/regions/gd/measures"), Realm: PackRealms.Gd),
        new("gd.measures.get", Readers, Scope.Owned, o => Get($"/api/v1/regions/gd/measures/{o.Measure}"), Realm: PackRealms.Gd),
        new("gd.measures.rectify", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/regions/gd/measures/{o.Measure}/rectifications", new { on = Today, text = "已整改（矩阵）" }), Realm: PackRealms.Gd),
        new("gd.measures.review", Staff, Scope.Owned, o => Post($"/api/v1/regions/gd/measures/{o.Measure}/review", new { decision = "return", on = Today, note = "退回（矩阵）" }), Realm: PackRealms.Gd),

        // Beijing E-Town (11.ETDZ): the zone's administrators are the bureau (centre operator of the zone), the Beijing
        // province administrator and national administrators; the zone's supervisors and auditors see every venue and competition.
        new("bj-etdz.fee-statements.get", Staff, Scope.Jurisdiction, _ => Get("/api/v1/regions/bj-etdz/fee-statements?month=2025-06"), Denied: 403, Realm: PackRealms.Bj),
        new("bj-etdz.venues.register", StaffAndInstitution, Scope.Owned, o => Post("/api/v1/regions/bj-etdz/venues", Venue(o.Institution)), Denied: 403, Realm: PackRealms.Bj),
        new("bj-etdz.venues.list", All, Scope.Global, _ => Get("/api/v1/regions/bj-etdz/venues"), PeerRoles: ZoneReaders, Realm: PackRealms.Bj),
        new("bj-etdz.venues.get", All, Scope.Owned, o => Get($"/api/v1/regions/bj-etdz/venues/{o.Venue}"), PeerRoles: ZoneReaders, Realm: PackRealms.Bj),
        new("bj-etdz.venues.inspections.list", All, Scope.Owned, o => Get($"/api/v1/regions/bj-etdz/venues/{o.Venue}/inspections"), PeerRoles: ZoneReaders, Realm: PackRealms.Bj),
        // Only an external supervisor of the zone in office checks venues (any venue of the zone); one of another province: 403.
        new("bj-etdz.venues.inspect", [R.Supervisor], Scope.Owned, o => Post($"/api/v1/regions/bj-etdz/venues/{o.Venue}/inspections", VenueCheck()), Denied: 403, PeerRoles: [R.Supervisor], Realm: PackRealms.Bj),
        new("bj-etdz.competitions.schedule", All, Scope.Owned, o => Get($"/api/v1/regions/bj-etdz/competitions/{o.Competition}/schedule"), PeerRoles: ZoneReaders, Realm: PackRealms.Bj),

        // Yunnan (53): learning sessions (institution operators: their own institution's), learning years, annual inspections,
        // the blacklist and annual assessments.
        new("yn.learning-sessions.create", StaffAndInstitution, Scope.Owned, o => Post("/api/v1/regions/yn/learning-sessions", new { institutionId = o.Institution, jurisdiction = o.Jurisdiction, year = 2025, heldOn = "2025-05-10", content = "业务学习" }), Denied: 403, Realm: PackRealms.Yn),
        new("yn.learning-sessions.get", Readers, Scope.Owned, o => Get($"/api/v1/regions/yn/learning-sessions/{o.LearningSession}"), Realm: PackRealms.Yn),
        new("yn.learning-sessions.record-result", StaffAndInstitution, Scope.Owned, o => Put($"/api/v1/regions/yn/learning-sessions/{o.LearningSession}/results/{o.Supervisor}", new { attended = true, passed = true }), Realm: PackRealms.Yn),
        new("yn.learning-years.close", Staff, Scope.Jurisdiction, _ => Post("/api/v1/regions/yn/learning-years/2024/close?dryRun=true", new { }), Denied: 403, Changes: false, Realm: PackRealms.Yn),
        new("yn.learning-years.get", DrawReaders, Scope.Jurisdiction, _ => Get("/api/v1/regions/yn/learning-years/2024"), Denied: 403, Realm: PackRealms.Yn),
        new("yn.annual-inspections.create", Staff, Scope.Owned, o => Post("/api/v1/regions/yn/annual-inspections", new { taskId = o.InspectionTask, institutionId = o.Institution, jurisdiction = o.Jurisdiction, year = 2025 }), Denied: 403, Realm: PackRealms.Yn),
        new("yn.annual-inspections.get", DrawReaders, Scope.Owned, o => Get($"/api/v1/regions/yn/annual-inspections/{o.AnnualInspection}"), Realm: PackRealms.Yn),
        new("yn.annual-inspections.record-step", Staff, Scope.Owned, o => Post($"/api/v1/regions/yn/annual-inspections/{o.AnnualInspection}/steps", new { step = "notice", on = Today, text = "年检评估通知" }), Realm: PackRealms.Yn),
        new("yn.blacklist.list", Staff, Scope.Jurisdiction, _ => Get("/api/v1/regions/yn/blacklist"), Denied: 403, Realm: PackRealms.Yn),
        // Passed: a failed assessment would revoke the supervisor the other rows rely on.
        // YN 13 applications: a second application of the side's supervisor is 409, a step out of order 422 — past the access checks.
        new("yn.applications.apply", [.. StaffAndInstitution, R.Supervisor], Scope.Owned, o => Post("/api/v1/regions/yn/applications", new { supervisorId = o.Supervisor, appliedOn = "2025-03-02", statement = "符合条件" }), Realm: PackRealms.Yn),
        new("yn.applications.recommend", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/regions/yn/applications/{o.Application}/recommendation", new { on = "2025-03-05", opinion = "同意推荐" }), Realm: PackRealms.Yn),
        new("yn.applications.review", StaffAndInstitution, Scope.Owned, o => Post($"/api/v1/regions/yn/applications/{o.Application}/review", new { on = "2025-03-20", decision = "reject", note = "访问矩阵" }), Realm: PackRealms.Yn),
        new("yn.applications.get", All, Scope.Owned, o => Get($"/api/v1/regions/yn/applications/{o.Application}"), Realm: PackRealms.Yn),
    ];

    /// <summary>A valid GD 17 reminder letter about a daily task (the task needs a check first).</summary>
    public static object Letter(Guid task) => new
    {
        taskId = task, kind = "reminder-letter", on = "2025-06-15", number = "粤技督提〔2025〕1号", issuedBy = "广东省职业技能服务指导中心",
        findings = "认定档案缺少考评员签名（矩阵）", requirements = "补齐签名并报送整改情况", rectificationDue = "2025-07-15",
    };

    /// <summary>A valid venue registration (one occupation, one equipment line) for the institution.</summary>
    public static object Venue(Guid institution) => new
    {
        institutionId = institution, name = "一号实训楼", address = "北京经济技术开发区科创十三街 1 号",
        occupations = new[] { new { occupation = "电工", level = "三级" } },
        equipment = new[] { new { name = "低压配电实训台", model = "DY-3", spec = "380V", quantity = 10 } },
    };

    /// <summary>A valid annex 5 check of a venue registered by <see cref="Venue"/>: every fact matches, checked today (China time).</summary>
    public static object VenueCheck() => new
    {
        answers = new Dictionary<string, string>
        {
            ["matches-filing"] = "yes", ["checked-on"] = ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["organisation-seal"] = "已盖章", ["inspector-signature"] = "李督导", ["inspecting-body-seal"] = "经开区社会事业局（盖章）",
        },
        items = new[] { "name", "address", "occupation-1", "equipment-1" }.Select(s => new { subject = s, result = "matches" }),
    };

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage PutPhoto(string url) => new(HttpMethod.Put, url) { Content = TestImages.Form(TestImages.Png(110, 150)) };

    private static HttpRequestMessage Delete(string url) => new(HttpMethod.Delete, url);

    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage WithIdempotencyKey(HttpRequestMessage request)
    {
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static HttpRequestMessage Put(string url, object body) => new(HttpMethod.Put, url) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Patch(string url, object body) => new(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
}
