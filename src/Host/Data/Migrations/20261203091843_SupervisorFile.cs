using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupervisorFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "non_renewal_assessment_id",
                schema: "supervision",
                table: "appointments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "supervisor_assessments",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    grounds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    assessed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rules = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisor_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_commendations",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rules = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisor_commendations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_assessments_supervisor_id_year",
                schema: "supervision",
                table: "supervisor_assessments",
                columns: new[] { "supervisor_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_commendations_supervisor_id",
                schema: "supervision",
                table: "supervisor_commendations",
                column: "supervisor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supervisor_assessments",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervisor_commendations",
                schema: "supervision");

            migrationBuilder.DropColumn(
                name: "non_renewal_assessment_id",
                schema: "supervision",
                table: "appointments");
        }
    }
}
