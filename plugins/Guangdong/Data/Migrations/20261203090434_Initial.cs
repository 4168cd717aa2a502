using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Plugins.Guangdong.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pack_gd");

            migrationBuilder.CreateTable(
                name: "daily_checks",
                schema: "pack_gd",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    files_sampled = table.Column<int>(type: "integer", nullable: true),
                    videos_sampled = table.Column<int>(type: "integer", nullable: true),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problems_found = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_measures",
                schema: "pack_gd",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    requirements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    rectification_due = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_measures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "measure_rectifications",
                schema: "pack_gd",
                columns: table => new
                {
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    review = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    review_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measure_rectifications", x => new { x.measure_id, x.round });
                    table.ForeignKey(
                        name: "fk_measure_rectifications_daily_measures_measure_id",
                        column: x => x.measure_id,
                        principalSchema: "pack_gd",
                        principalTable: "daily_measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_daily_checks_institution_id",
                schema: "pack_gd",
                table: "daily_checks",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_daily_checks_task_id_on",
                schema: "pack_gd",
                table: "daily_checks",
                columns: new[] { "task_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_measures_institution_id_on",
                schema: "pack_gd",
                table: "daily_measures",
                columns: new[] { "institution_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_measures_jurisdiction_status",
                schema: "pack_gd",
                table: "daily_measures",
                columns: new[] { "jurisdiction", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_measures_task_id",
                schema: "pack_gd",
                table: "daily_measures",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_checks",
                schema: "pack_gd");

            migrationBuilder.DropTable(
                name: "measure_rectifications",
                schema: "pack_gd");

            migrationBuilder.DropTable(
                name: "daily_measures",
                schema: "pack_gd");
        }
    }
}
