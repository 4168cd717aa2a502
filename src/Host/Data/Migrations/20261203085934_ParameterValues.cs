using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParameterValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parameter_values",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pack = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parameter_id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parameter_values", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_parameter_values_pack_parameter_id_effective_from",
                schema: "supervision",
                table: "parameter_values",
                columns: new[] { "pack", "parameter_id", "effective_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parameter_values",
                schema: "supervision");
        }
    }
}
