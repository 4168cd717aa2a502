using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditKeyedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "chain",
                schema: "supervision",
                table: "audit_entries",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<string>(
                name: "key_id",
                schema: "supervision",
                table: "audit_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                schema: "supervision",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    algorithm = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_checkpoints", x => x.seq);
                });
            // Entries written before this migration keep chain = 0 (plain SHA-256) and are verified the old way; new ones are
            // keyed (AuditLog). Checkpoints are append-only like the entries.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON supervision.audit_checkpoints
                    FOR EACH ROW EXECUTE FUNCTION supervision.audit_is_append_only();
                CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON supervision.audit_checkpoints
                    FOR EACH STATEMENT EXECUTE FUNCTION supervision.audit_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_checkpoints_append_only ON supervision.audit_checkpoints; DROP TRIGGER IF EXISTS audit_checkpoints_no_truncate ON supervision.audit_checkpoints;");
            migrationBuilder.DropTable(
                name: "audit_checkpoints",
                schema: "supervision");

            migrationBuilder.DropColumn(
                name: "chain",
                schema: "supervision",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "key_id",
                schema: "supervision",
                table: "audit_entries");
        }
    }
}
