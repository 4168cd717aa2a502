using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryBars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_bars",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    rule = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_zh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    message_en = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sanction_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_bars", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_bars_id_number_hash",
                schema: "supervision",
                table: "registry_bars",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_registry_bars_supervisor_id_rule_scope",
                schema: "supervision",
                table: "registry_bars",
                columns: new[] { "supervisor_id", "rule", "scope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_bars",
                schema: "supervision");
        }
    }
}
