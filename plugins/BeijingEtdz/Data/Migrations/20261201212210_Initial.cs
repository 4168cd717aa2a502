using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Plugins.BeijingEtdz.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pack_bj_etdz");

            migrationBuilder.CreateTable(
                name: "venues",
                schema: "pack_bj_etdz",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venue_equipment",
                schema: "pack_bj_etdz",
                columns: table => new
                {
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    spec = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_equipment", x => new { x.venue_id, x.position });
                    table.ForeignKey(
                        name: "fk_venue_equipment_venues_venue_id",
                        column: x => x.venue_id,
                        principalSchema: "pack_bj_etdz",
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "venue_inspections",
                schema: "pack_bj_etdz",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    matches = table.Column<bool>(type: "boolean", nullable: false),
                    form_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_inspections", x => x.id);
                    table.ForeignKey(
                        name: "fk_venue_inspections_venues_venue_id",
                        column: x => x.venue_id,
                        principalSchema: "pack_bj_etdz",
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "venue_occupations",
                schema: "pack_bj_etdz",
                columns: table => new
                {
                    venue_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_occupations", x => new { x.venue_id, x.position });
                    table.ForeignKey(
                        name: "fk_venue_occupations_venues_venue_id",
                        column: x => x.venue_id,
                        principalSchema: "pack_bj_etdz",
                        principalTable: "venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "venue_inspection_items",
                schema: "pack_bj_etdz",
                columns: table => new
                {
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    matches = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_venue_inspection_items", x => new { x.inspection_id, x.position });
                    table.ForeignKey(
                        name: "fk_venue_inspection_items_venue_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalSchema: "pack_bj_etdz",
                        principalTable: "venue_inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_venue_inspections_supervisor_id",
                schema: "pack_bj_etdz",
                table: "venue_inspections",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_venue_inspections_venue_id_checked_on",
                schema: "pack_bj_etdz",
                table: "venue_inspections",
                columns: new[] { "venue_id", "checked_on" });

            migrationBuilder.CreateIndex(
                name: "ix_venues_institution_id",
                schema: "pack_bj_etdz",
                table: "venues",
                column: "institution_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "venue_equipment",
                schema: "pack_bj_etdz");

            migrationBuilder.DropTable(
                name: "venue_inspection_items",
                schema: "pack_bj_etdz");

            migrationBuilder.DropTable(
                name: "venue_occupations",
                schema: "pack_bj_etdz");

            migrationBuilder.DropTable(
                name: "venue_inspections",
                schema: "pack_bj_etdz");

            migrationBuilder.DropTable(
                name: "venues",
                schema: "pack_bj_etdz");
        }
    }
}
