using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Plugins.Yunnan.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearningYearNoSessionHeld : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "no_session_held",
                schema: "pack_yn",
                table: "learning_year_closes",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "no_session_held",
                schema: "pack_yn",
                table: "learning_year_closes");
        }
    }
}
