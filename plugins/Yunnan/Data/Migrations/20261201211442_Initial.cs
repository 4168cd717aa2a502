using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Plugins.Yunnan.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pack_yn");

            migrationBuilder.CreateTable(
                name: "annual_assessments",
                schema: "pack_yn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annual_inspections",
                schema: "pack_yn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "learning_sessions",
                schema: "pack_yn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "learning_year_closes",
                schema: "pack_yn",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_by = table.Column<string>(type: "text", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decisions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_year_closes", x => new { x.year, x.scope });
                });

            migrationBuilder.CreateTable(
                name: "inspection_steps",
                schema: "pack_yn",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answers = table.Column<string>(type: "jsonb", nullable: true),
                    total = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_steps", x => new { x.inspection_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_inspection_steps_annual_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalSchema: "pack_yn",
                        principalTable: "annual_inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "learning_results",
                schema: "pack_yn",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attended = table.Column<bool>(type: "boolean", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: true),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_results", x => new { x.session_id, x.supervisor_id });
                    table.ForeignKey(
                        name: "fk_learning_results_learning_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "pack_yn",
                        principalTable: "learning_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_assessments_supervisor_id_year",
                schema: "pack_yn",
                table: "annual_assessments",
                columns: new[] { "supervisor_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_inspections_task_id",
                schema: "pack_yn",
                table: "annual_inspections",
                column: "task_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_steps_inspection_id_step",
                schema: "pack_yn",
                table: "inspection_steps",
                columns: new[] { "inspection_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_learning_results_supervisor_id",
                schema: "pack_yn",
                table: "learning_results",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_learning_sessions_institution_id_year",
                schema: "pack_yn",
                table: "learning_sessions",
                columns: new[] { "institution_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_assessments",
                schema: "pack_yn");

            migrationBuilder.DropTable(
                name: "inspection_steps",
                schema: "pack_yn");

            migrationBuilder.DropTable(
                name: "learning_results",
                schema: "pack_yn");

            migrationBuilder.DropTable(
                name: "learning_year_closes",
                schema: "pack_yn");

            migrationBuilder.DropTable(
                name: "annual_inspections",
                schema: "pack_yn");

            migrationBuilder.DropTable(
                name: "learning_sessions",
                schema: "pack_yn");
        }
    }
}
