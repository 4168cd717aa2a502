using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackOnPackForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "conduct",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AddColumn<string>(
                name: "content",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "form_id",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "form_version",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropColumn(
                name: "form_id",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropColumn(
                name: "form_version",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.AlterColumn<string>(
                name: "conduct",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "jsonb",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }
    }
}
