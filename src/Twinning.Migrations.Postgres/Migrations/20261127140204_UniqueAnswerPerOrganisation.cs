using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twinning.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueAnswerPerOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_RequestId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_RequestId_InitiatorOrganisationId",
                table: "Conversations",
                columns: new[] { "RequestId", "InitiatorOrganisationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_RequestId_InitiatorOrganisationId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_RequestId",
                table: "Conversations",
                column: "RequestId");
        }
    }
}
