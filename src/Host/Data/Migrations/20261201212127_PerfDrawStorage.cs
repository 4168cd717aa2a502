using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerfDrawStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ranking is kept as positions into the pool (int[]) instead of a second text[] of every id: existing draws
            // are converted (position of each ranked id in the pool, 0-based) before the text column goes.
            migrationBuilder.AddColumn<int[]>(
                name: "ranking_order",
                schema: "supervision",
                table: "draws",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.Sql("""
                UPDATE supervision.draws d
                   SET ranking_order = coalesce((SELECT array_agg(array_position(d.pool, r.id) - 1 ORDER BY r.n)
                                                   FROM unnest(d.ranking) WITH ORDINALITY AS r(id, n)), '{}')
                """);

            migrationBuilder.DropColumn(
                name: "ranking",
                schema: "supervision",
                table: "draws");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "ranking",
                schema: "supervision",
                table: "draws",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.Sql("""
                UPDATE supervision.draws d
                   SET ranking = coalesce((SELECT array_agg(d.pool[r.i + 1] ORDER BY r.n)
                                             FROM unnest(d.ranking_order) WITH ORDINALITY AS r(i, n)), '{}')
                """);

            migrationBuilder.DropColumn(
                name: "ranking_order",
                schema: "supervision",
                table: "draws");
        }
    }
}
