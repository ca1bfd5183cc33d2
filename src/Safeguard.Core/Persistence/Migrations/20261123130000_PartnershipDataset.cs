using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The partnership dataset: the indicator catalogue, context figures, and the quarterly data returns agencies owe.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123130000_PartnershipDataset")]
public sealed class PartnershipDataset : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "Indicators",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                GroupNumber = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Definition = table.Column<string>(maxLength: 4000, nullable: false),
                Unit = table.Column<string>(maxLength: 64, nullable: false),
                Aggregation = table.Column<string>(maxLength: 64, nullable: false),
                Polarity = table.Column<string>(maxLength: 64, nullable: false),
                TolerancePercent = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Source = table.Column<string>(maxLength: 64, nullable: false),
                Calculation = table.Column<string>(maxLength: 100, nullable: true),
                SupplierAgencyId = table.Column<Guid>(nullable: true),
                EnglandAverage = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                StatisticalNeighbours = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                IsRetired = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Indicators", x => x.Id);
                table.ForeignKey("FK_Indicators_Agencies_SupplierAgencyId", x => x.SupplierAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ContextFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: true),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContextFigures", x => x.Id);
                table.ForeignKey("FK_ContextFigures_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DataReturns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                OpenedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                OpenedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataReturns", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataReturnRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DataReturnId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                SubmittedBy = table.Column<string>(maxLength: 200, nullable: true),
                LastSavedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataReturnRequests", x => x.Id);
                table.ForeignKey("FK_DataReturnRequests_DataReturns_DataReturnId", x => x.DataReturnId, "DataReturns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DataReturnRequests_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReturnedFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                MissingReason = table.Column<string>(maxLength: 64, nullable: true),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                ConfirmedUnusual = table.Column<bool>(nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnedFigures", x => x.Id);
                table.ForeignKey("FK_ReturnedFigures_DataReturnRequests_RequestId", x => x.RequestId, "DataReturnRequests", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ReturnedFigures_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReturnReminders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                SentAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SentBy = table.Column<string>(maxLength: 200, nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnReminders", x => x.Id);
                table.ForeignKey("FK_ReturnReminders_DataReturnRequests_RequestId", x => x.RequestId, "DataReturnRequests", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_Indicators_Code", "Indicators", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Indicators_SupplierAgencyId", "Indicators", "SupplierAgencyId");
        migrationBuilder.CreateIndex("IX_ContextFigures_IndicatorId_YearStart", "ContextFigures", ["IndicatorId", "YearStart"]);
        migrationBuilder.CreateIndex("IX_DataReturns_YearStart_Quarter", "DataReturns", ["YearStart", "Quarter"], unique: true);
        migrationBuilder.CreateIndex("IX_DataReturnRequests_DataReturnId_AgencyId", "DataReturnRequests", ["DataReturnId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_DataReturnRequests_AgencyId", "DataReturnRequests", "AgencyId");
        migrationBuilder.CreateIndex("IX_ReturnedFigures_RequestId", "ReturnedFigures", "RequestId");
        migrationBuilder.CreateIndex("IX_ReturnedFigures_IndicatorId", "ReturnedFigures", "IndicatorId");
        migrationBuilder.CreateIndex("IX_ReturnReminders_RequestId", "ReturnReminders", "RequestId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReturnReminders");
        migrationBuilder.DropTable("ReturnedFigures");
        migrationBuilder.DropTable("DataReturnRequests");
        migrationBuilder.DropTable("DataReturns");
        migrationBuilder.DropTable("ContextFigures");
        migrationBuilder.DropTable("Indicators");
    }
}
