using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrawPoolBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A draw's pool as 16 bytes a uuid (bench/README.md: the write of a 100,000 pool), converted in place.
            migrationBuilder.Sql("""
                ALTER TABLE supervision.draws ADD COLUMN pool_bytes bytea NOT NULL DEFAULT ''::bytea;
                UPDATE supervision.draws d
                   SET pool_bytes = coalesce((SELECT decode(string_agg(replace(u.id, '-', ''), '' ORDER BY u.o), 'hex')
                                                FROM unnest(d.pool) WITH ORDINALITY AS u(id, o)), ''::bytea);
                ALTER TABLE supervision.draws DROP COLUMN pool;
                ALTER TABLE supervision.draws RENAME COLUMN pool_bytes TO pool;
                ALTER TABLE supervision.draws ALTER COLUMN pool DROP DEFAULT, ALTER COLUMN pool SET STORAGE EXTERNAL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE supervision.draws ADD COLUMN pool_text text[] NOT NULL DEFAULT '{}';
                UPDATE supervision.draws d
                   SET pool_text = coalesce((SELECT array_agg(encode(substring(d.pool FROM 16 * i + 1 FOR 16), 'hex')::uuid::text ORDER BY i)
                                               FROM generate_series(0, length(d.pool) / 16 - 1) AS i), '{}');
                ALTER TABLE supervision.draws DROP COLUMN pool;
                ALTER TABLE supervision.draws RENAME COLUMN pool_text TO pool;
                ALTER TABLE supervision.draws ALTER COLUMN pool DROP DEFAULT, ALTER COLUMN pool SET STORAGE EXTERNAL;
                """);
        }
    }
}
