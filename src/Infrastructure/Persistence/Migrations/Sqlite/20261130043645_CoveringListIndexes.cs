using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kasify.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_PropertyId_From",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Activities_PropertyId_At",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PropertyId_From_Status_Id",
                table: "Tasks",
                columns: new[] { "PropertyId", "From", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_PropertyId_At_Id",
                table: "Activities",
                columns: new[] { "PropertyId", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_PropertyId_From_Status_Id",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Activities_PropertyId_At_Id",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PropertyId_From",
                table: "Tasks",
                columns: new[] { "PropertyId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_PropertyId_At",
                table: "Activities",
                columns: new[] { "PropertyId", "At" });
        }
    }
}
