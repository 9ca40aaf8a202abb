using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twinning.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GeoNamesId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    AdminCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    InScope = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkingLanguages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationDescription",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationDescription", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationDescription_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TwinningLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationAId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationBId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TwinningLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TwinningLinks_Organisations_OrganisationAId",
                        column: x => x.OrganisationAId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TwinningLinks_Organisations_OrganisationBId",
                        column: x => x.OrganisationBId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationTheme",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationTheme", x => new { x.OrganisationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_OrganisationTheme_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThemeNames",
                columns: table => new
                {
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeNames", x => new { x.ThemeId, x.Language });
                    table.ForeignKey(
                        name: "FK_ThemeNames_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDescription_OrganisationId_Language",
                table: "OrganisationDescription",
                columns: new[] { "OrganisationId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_CountryCode",
                table: "Organisations",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_GeoNamesId",
                table: "Organisations",
                column: "GeoNamesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationTheme_ThemeId",
                table: "OrganisationTheme",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_Key",
                table: "Themes",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TwinningLinks_OrganisationAId_OrganisationBId",
                table: "TwinningLinks",
                columns: new[] { "OrganisationAId", "OrganisationBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TwinningLinks_OrganisationBId",
                table: "TwinningLinks",
                column: "OrganisationBId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationDescription");

            migrationBuilder.DropTable(
                name: "OrganisationTheme");

            migrationBuilder.DropTable(
                name: "ThemeNames");

            migrationBuilder.DropTable(
                name: "TwinningLinks");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
