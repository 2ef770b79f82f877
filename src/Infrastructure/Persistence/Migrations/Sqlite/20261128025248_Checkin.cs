using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Checkin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Guests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PropertyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SecondLastName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NationalityCountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ProtectedDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DocumentSupportNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RelationshipCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ResidenceAddress = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResidenceCountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ResidenceProvinceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResidenceCityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResidenceCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResidencePostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PhonePrefix = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Guests_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SettingsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProtectedCredentials = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Integrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Integrations_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Guests_BookingId_RegisteredAt",
                table: "Guests",
                columns: new[] { "BookingId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Guests_PropertyId_RegisteredAt",
                table: "Guests",
                columns: new[] { "PropertyId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Integrations_AccountId_Type",
                table: "Integrations",
                columns: new[] { "AccountId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Guests");

            migrationBuilder.DropTable(
                name: "Integrations");
        }
    }
}
