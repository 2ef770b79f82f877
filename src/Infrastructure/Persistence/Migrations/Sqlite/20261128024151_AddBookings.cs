using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PropertyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckinTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    CheckoutTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckinCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaymentType = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GuestFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GuestLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GuestEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    GuestPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AdultsCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InfantsCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecialRequests = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ArrivalTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    DepartureTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    CheckinCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalUid = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LastSyncAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MissingFromFeedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SesSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SesBatchId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SesLastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SesLastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_Properties_PropertyId",
                        column: x => x.PropertyId,
                        principalTable: "Properties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_CalendarId_ExternalUid",
                table: "Bookings",
                columns: new[] { "CalendarId", "ExternalUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_CheckinCode",
                table: "Bookings",
                column: "CheckinCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PropertyId_From",
                table: "Bookings",
                columns: new[] { "PropertyId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PropertyId_Status_From",
                table: "Bookings",
                columns: new[] { "PropertyId", "Status", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PropertyId_To",
                table: "Bookings",
                columns: new[] { "PropertyId", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bookings");
        }
    }
}
