using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Plugins.Yunnan.Data.Applications.Migrations
{
    /// <inheritdoc />
    public partial class QualificationApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pack_yn");

            migrationBuilder.CreateTable(
                name: "qualification_applications",
                schema: "pack_yn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recommended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recommendation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recommended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    review_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qualification_applications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_qualification_applications_supervisor_id",
                schema: "pack_yn",
                table: "qualification_applications",
                column: "supervisor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "qualification_applications",
                schema: "pack_yn");
        }
    }
}
