using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupKey",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "OutboxMessages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MissingFromFeedAt",
                table: "Bookings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ClaimedUntil",
                table: "OutboxMessages",
                column: "ClaimedUntil");

            // Rows the old check-then-insert let through twice would break the new unique indexes: keep one of each.
            migrationBuilder.Sql(
                "UPDATE OutboxMessages SET CancelledAt = CreatedAt WHERE DedupKey IS NOT NULL AND ProcessedAt IS NULL AND FailedAt IS NULL " +
                "AND CancelledAt IS NULL AND EXISTS (SELECT 1 FROM OutboxMessages o WHERE o.DedupKey = OutboxMessages.DedupKey " +
                "AND o.ProcessedAt IS NULL AND o.FailedAt IS NULL AND o.CancelledAt IS NULL AND o.Id < OutboxMessages.Id " +
                "AND ((o.ClaimedUntil IS NULL AND OutboxMessages.ClaimedUntil IS NULL) OR (o.ClaimedUntil IS NOT NULL AND OutboxMessages.ClaimedUntil IS NOT NULL)))");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupKey_Claimed",
                table: "OutboxMessages",
                column: "DedupKey",
                unique: true,
                filter: "[DedupKey] IS NOT NULL AND [ProcessedAt] IS NULL AND [FailedAt] IS NULL AND [CancelledAt] IS NULL AND [ClaimedUntil] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupKey_Waiting",
                table: "OutboxMessages",
                column: "DedupKey",
                unique: true,
                filter: "[DedupKey] IS NOT NULL AND [ProcessedAt] IS NULL AND [FailedAt] IS NULL AND [CancelledAt] IS NULL AND [ClaimedUntil] IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ClaimedUntil",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupKey_Claimed",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_DedupKey_Waiting",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "MissingFromFeedAt",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupKey",
                table: "OutboxMessages",
                column: "DedupKey");
        }
    }
}
