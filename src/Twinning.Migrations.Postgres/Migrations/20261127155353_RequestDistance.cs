using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twinning.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestDistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Distance",
                table: "Requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Distance",
                table: "Requests");
        }
    }
}
