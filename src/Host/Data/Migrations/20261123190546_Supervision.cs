using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    plan_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    recognition_form = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    candidate_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    draw_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    refused_without_reason = table.Column<bool>(type: "boolean", nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    entry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                schema: "supervision",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    arrangement = table.Column<string>(type: "jsonb", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    loaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "draws",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seed_commitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    seed = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    algorithm = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    pool = table.Column<string[]>(type: "text[]", nullable: false),
                    pool_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    exclusions = table.Column<string>(type: "jsonb", nullable: false),
                    ranking = table.Column<string[]>(type: "text[]", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    filter = table.Column<string>(type: "jsonb", nullable: true),
                    replaces_draw_id = table.Column<Guid>(type: "uuid", nullable: true),
                    redraw_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "special_procedure_steps",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    attachments = table.Column<string>(type: "jsonb", nullable: false),
                    rebuttal_due = table.Column<DateOnly>(type: "date", nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_special_procedure_steps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_records",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_assumed = table.Column<bool>(type: "boolean", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_tasks",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    authority_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    venue_id = table.Column<long>(type: "bigint", nullable: true),
                    matters = table.Column<string[]>(type: "text[]", nullable: false),
                    required_count = table.Column<int>(type: "integer", nullable: false),
                    staffing_rules = table.Column<string[]>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_feedback",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    conduct = table.Column<string>(type: "jsonb", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisor_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activity_examiners",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_examiners", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_examiners_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "supervision",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_venues",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contestants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_venues", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_venues_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "supervision",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_institution_id_starts_at",
                schema: "supervision",
                table: "activities",
                columns: new[] { "institution_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_jurisdiction_starts_at",
                schema: "supervision",
                table: "activities",
                columns: new[] { "jurisdiction", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_examiners_activity_id",
                schema: "supervision",
                table: "activity_examiners",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_examiners_id_number_hash",
                schema: "supervision",
                table: "activity_examiners",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_activity_examiners_supervisor_id",
                schema: "supervision",
                table: "activity_examiners",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_venues_activity_id",
                schema: "supervision",
                table: "activity_venues",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_assignments_supervisor_id_created_at",
                schema: "supervision",
                table: "assignments",
                columns: new[] { "supervisor_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_task_id",
                schema: "supervision",
                table: "assignments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_draws_published_run_at",
                schema: "supervision",
                table: "draws",
                columns: new[] { "published", "run_at" });

            migrationBuilder.CreateIndex(
                name: "ix_draws_task_id",
                schema: "supervision",
                table: "draws",
                column: "task_id",
                unique: true,
                filter: "purpose = 'supervisor' AND status <> 'superseded'");

            migrationBuilder.CreateIndex(
                name: "ix_special_procedure_steps_task_id_step",
                schema: "supervision",
                table: "special_procedure_steps",
                columns: new[] { "task_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_records_assignment_id",
                schema: "supervision",
                table: "supervision_records",
                column: "assignment_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_activity_id",
                schema: "supervision",
                table: "supervision_tasks",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_institution_id",
                schema: "supervision",
                table: "supervision_tasks",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_tasks_jurisdiction_window_start",
                schema: "supervision",
                table: "supervision_tasks",
                columns: new[] { "jurisdiction", "window_start" });

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_feedback_assignment_id",
                schema: "supervision",
                table: "supervisor_feedback",
                column: "assignment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_examiners",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "activity_venues",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "assignments",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "calendar_years",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "draws",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "special_procedure_steps",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_records",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_tasks",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervisor_feedback",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "activities",
                schema: "supervision");
        }
    }
}
