using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupervisionCore.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordAndFeedbackDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_supervisor_feedback_assignment_id",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropIndex(
                name: "ix_supervision_records_assignment_id",
                schema: "supervision",
                table: "supervision_records");

            migrationBuilder.AddColumn<bool>(
                name: "due_assumed",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "late",
                schema: "supervision",
                table: "supervisor_feedback",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "due_on",
                schema: "supervision",
                table: "supervision_records",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_feedback_assignment_id",
                schema: "supervision",
                table: "supervisor_feedback",
                column: "assignment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_records_assignment_id",
                schema: "supervision",
                table: "supervision_records",
                column: "assignment_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_supervisor_feedback_assignment_id",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropIndex(
                name: "ix_supervision_records_assignment_id",
                schema: "supervision",
                table: "supervision_records");

            migrationBuilder.DropColumn(
                name: "due_assumed",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropColumn(
                name: "due_on",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.DropColumn(
                name: "late",
                schema: "supervision",
                table: "supervisor_feedback");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "due_on",
                schema: "supervision",
                table: "supervision_records",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_feedback_assignment_id",
                schema: "supervision",
                table: "supervisor_feedback",
                column: "assignment_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_records_assignment_id",
                schema: "supervision",
                table: "supervision_records",
                column: "assignment_id");
        }
    }
}
