using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <summary>
    /// A draw's pool (up to 100,000 ids) and ranking positions are random text and numbers that do not compress: PostgreSQL's
    /// default storage tried pglz on every 3.7 MB pool and gave up (about 100 ms a draw). Stored out of line, uncompressed.
    /// </summary>
    public partial class DrawPoolStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE supervision.draws ALTER COLUMN pool SET STORAGE EXTERNAL, ALTER COLUMN ranking_order SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE supervision.draws ALTER COLUMN pool SET STORAGE EXTENDED, ALTER COLUMN ranking_order SET STORAGE EXTENDED;");
        }
    }
}
