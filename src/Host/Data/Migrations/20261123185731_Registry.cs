using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointments",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    term_number = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    expiry_recorded = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "authorities",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    card_issuer_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authorities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "card_counters",
                schema: "supervision",
                columns: table => new
                {
                    allocation_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    last_serial = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_counters", x => x.allocation_key);
                });

            migrationBuilder.CreateTable(
                name: "cards",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    allocation_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    serial = table.Column<int>(type: "integer", nullable: false),
                    issuer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                schema: "supervision",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    principal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    response = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.principal, x.key });
                });

            migrationBuilder.CreateTable(
                name: "institution_sanctions",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ground = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    correction_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    serious_justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_sanctions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    filing_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    filing_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    internal_issuer_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_sanctions",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ground = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    evidence_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    suspended_from = table.Column<DateOnly>(type: "date", nullable: true),
                    suspended_until = table.Column<DateOnly>(type: "date", nullable: true),
                    rules = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisor_sanctions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervisors",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    sex = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    years_in_evaluation = table.Column<int>(type: "integer", nullable: false),
                    years_as_examiner = table.Column<int>(type: "integer", nullable: false),
                    management_or_technical_role = table.Column<bool>(type: "boolean", nullable: false),
                    political_commitment = table.Column<bool>(type: "boolean", nullable: false),
                    policy_knowledge = table.Column<bool>(type: "boolean", nullable: false),
                    integrity = table.Column<bool>(type: "boolean", nullable: false),
                    organising_and_expression = table.Column<bool>(type: "boolean", nullable: false),
                    health = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_records",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_conflicts",
                schema: "supervision",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisor_conflicts", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervisor_conflicts_supervisors_supervisor_id",
                        column: x => x.supervisor_id,
                        principalSchema: "supervision",
                        principalTable: "supervisors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_end_expiry_recorded",
                schema: "supervision",
                table: "appointments",
                columns: new[] { "end", "expiry_recorded" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_supervisor_id_appointed_by_term_number",
                schema: "supervision",
                table: "appointments",
                columns: new[] { "supervisor_id", "appointed_by", "term_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_authorities_jurisdiction",
                schema: "supervision",
                table: "authorities",
                column: "jurisdiction");

            migrationBuilder.CreateIndex(
                name: "ix_cards_allocation_key_serial",
                schema: "supervision",
                table: "cards",
                columns: new[] { "allocation_key", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cards_number",
                schema: "supervision",
                table: "cards",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cards_supervisor_id",
                schema: "supervision",
                table: "cards",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                schema: "supervision",
                table: "idempotency_records",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_institution_sanctions_institution_id",
                schema: "supervision",
                table: "institution_sanctions",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_filing_level_filing_number",
                schema: "supervision",
                table: "institutions",
                columns: new[] { "filing_level", "filing_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_jurisdiction",
                schema: "supervision",
                table: "institutions",
                column: "jurisdiction");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_conflicts_institution_id",
                schema: "supervision",
                table: "supervisor_conflicts",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_conflicts_supervisor_id_institution_id",
                schema: "supervision",
                table: "supervisor_conflicts",
                columns: new[] { "supervisor_id", "institution_id" });

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_sanctions_supervisor_id",
                schema: "supervision",
                table: "supervisor_sanctions",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervisors_id_number_hash",
                schema: "supervision",
                table: "supervisors",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_supervisors_institution_id",
                schema: "supervision",
                table: "supervisors",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervisors_jurisdiction_id_number_hash",
                schema: "supervision",
                table: "supervisors",
                columns: new[] { "jurisdiction", "id_number_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervisors_jurisdiction_name",
                schema: "supervision",
                table: "supervisors",
                columns: new[] { "jurisdiction", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_training_records_supervisor_id_on",
                schema: "supervision",
                table: "training_records",
                columns: new[] { "supervisor_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "authorities",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "card_counters",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "cards",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "idempotency_records",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "institution_sanctions",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "institutions",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervisor_conflicts",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervisor_sanctions",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "training_records",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervisors",
                schema: "supervision");
        }
    }
}
