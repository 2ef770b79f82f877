using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SecurityUserIssuer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_Subject",
                table: "Users");

            migrationBuilder.AddColumn<string>(
                name: "DashboardLinkNonce",
                table: "Users",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            // Backfill: existing users get an empty issuer and take the issuer of their next sign-in (CurrentUser).
            migrationBuilder.AddColumn<string>(
                name: "Issuer",
                table: "Users",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Issuer_Subject",
                table: "Users",
                columns: new[] { "Issuer", "Subject" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_Issuer_Subject",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "DashboardLinkNonce",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Issuer",
                table: "Users");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Subject",
                table: "Users",
                column: "Subject",
                unique: true);
        }
    }
}
