using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SesRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Properties",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "Guests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SesAcceptedAt",
                table: "Bookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SesAttempts",
                table: "Bookings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SesClaimedAt",
                table: "Bookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SesCommunicationCode",
                table: "Bookings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SesOverdueAt",
                table: "Bookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SesState",
                table: "Bookings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");
            // The report's state is derived once from the fields it replaces (SesSubmittedAt used to mean "processed").
            migrationBuilder.Sql(@"UPDATE Bookings SET SesState = CASE
                WHEN SesSubmittedAt IS NOT NULL THEN 'Accepted'
                WHEN SesBatchId IS NOT NULL THEN 'Submitted'
                WHEN SesLastError LIKE 'SES Transient%' THEN 'Pending'
                WHEN SesLastError IS NOT NULL THEN 'Rejected'
                WHEN SesLastAttemptAt IS NOT NULL THEN 'Pending'
                ELSE 'None' END,
                SesAcceptedAt = SesSubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Properties");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "SesAcceptedAt",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SesAttempts",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SesClaimedAt",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SesCommunicationCode",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SesOverdueAt",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SesState",
                table: "Bookings");
        }
    }
}
