using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// Retires the indicator's single England and statistical neighbours' averages (ADR 0018): each value entered is
/// first copied into a per-year benchmark, then the columns are dropped. The single value never said which year it
/// was for, and the indicator keeps no time of its last change, so the copy is for the reporting year (April to
/// March) in which the migration runs; a benchmark already entered for that indicator, year and kind is kept and
/// the single value is not copied over it.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261124100000_RetireSingleBenchmarks")]
public sealed class RetireSingleBenchmarks : Migration
{
    /// <summary>The source given to a copied value, so that it can be told apart from a benchmark entered with its year.</summary>
    public const string CopiedSource = "Indicator catalogue (single value, year not recorded)";

    /// <summary>Who recorded a copied value.</summary>
    public const string CopiedBy = "migration";

    private static readonly (string Column, string Kind)[] Copies = [("EnglandAverage", "England"), ("StatisticalNeighbours", "StatisticalNeighbours")];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var sqlite = migrationBuilder.IsSqlite();

        // Guids are stored as upper-case text on SQLite (as EF Core writes them), as uuid on PostgreSQL; instants
        // as UTC ticks on SQLite. The reporting year is that of the UK date: on SQLite, UTC plus an hour, which is
        // exact at the only boundary that matters (31 March to 1 April, always in British Summer Time).
        var id = sqlite
            ? "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))"
            : "gen_random_uuid()";
        var now = sqlite ? "CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000" : "now()";
        var yearStart = sqlite
            ? "CAST(strftime('%Y', 'now', '+1 hour') AS INTEGER) - CASE WHEN CAST(strftime('%m', 'now', '+1 hour') AS INTEGER) < 4 THEN 1 ELSE 0 END"
            : "CAST(EXTRACT(YEAR FROM now() AT TIME ZONE 'Europe/London') AS integer) - CASE WHEN EXTRACT(MONTH FROM now() AT TIME ZONE 'Europe/London') < 4 THEN 1 ELSE 0 END";

        foreach (var (column, kind) in Copies)
        {
            migrationBuilder.Sql($"""
                INSERT INTO "IndicatorBenchmarks" ("Id", "IndicatorId", "YearStart", "Kind", "Value", "Source", "RecordedAt", "RecordedBy", "Version")
                SELECT {id}, i."Id", y."YearStart", '{kind}', i."{column}", '{CopiedSource}', {now}, '{CopiedBy}', 0
                FROM "Indicators" i CROSS JOIN (SELECT {yearStart} AS "YearStart") y
                WHERE i."{column}" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "IndicatorBenchmarks" b WHERE b."IndicatorId" = i."Id" AND b."YearStart" = y."YearStart" AND b."Kind" = '{kind}');
                """);
        }

        foreach (var (column, _) in Copies)
        {
            if (sqlite)
            {
                // EF Core would rebuild the table, which it cannot do without a target model; SQLite (3.35 on)
                // drops a column that no index or constraint uses in place.
                migrationBuilder.Sql($"""ALTER TABLE "Indicators" DROP COLUMN "{column}";""");
            }
            else
            {
                migrationBuilder.DropColumn(column, "Indicators");
            }
        }
    }

    /// <summary>Puts the columns back, empty: the copied benchmarks stay where they are.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (column, _) in Copies)
        {
            migrationBuilder.AddColumn<decimal>(column, "Indicators", precision: 18, scale: 4, nullable: true);
        }
    }
}
