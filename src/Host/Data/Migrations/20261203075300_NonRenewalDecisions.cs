using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class NonRenewalDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "non_renewal_note",
                schema: "supervision",
                table: "appointments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "not_renewed_on",
                schema: "supervision",
                table: "appointments",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "non_renewal_note",
                schema: "supervision",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "not_renewed_on",
                schema: "supervision",
                table: "appointments");
        }
    }
}
