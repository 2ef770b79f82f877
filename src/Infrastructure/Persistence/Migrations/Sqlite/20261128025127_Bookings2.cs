using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bookings2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ETag",
                table: "PropertyCalendars",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastAttemptAt",
                table: "PropertyCalendars",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastModified",
                table: "PropertyCalendars",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextSyncAt",
                table: "PropertyCalendars",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PropertyCalendars_NextSyncAt",
                table: "PropertyCalendars",
                column: "NextSyncAt");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PropertyId_Channel",
                table: "Bookings",
                columns: new[] { "PropertyId", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PropertyCalendars_NextSyncAt",
                table: "PropertyCalendars");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_PropertyId_Channel",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ETag",
                table: "PropertyCalendars");

            migrationBuilder.DropColumn(
                name: "LastAttemptAt",
                table: "PropertyCalendars");

            migrationBuilder.DropColumn(
                name: "LastModified",
                table: "PropertyCalendars");

            migrationBuilder.DropColumn(
                name: "NextSyncAt",
                table: "PropertyCalendars");
        }
    }
}
