using System.Text;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;

namespace Safeguard.Core.Tests.Interchange.Ssda903;

/// <summary>
/// A small return built in memory, table by table, written as CSV and read through the real reader. The valid
/// return has one child, C1 (born 15/06/2012, male), looked after since 01/03/2023 in one open foster placement
/// (U1, PR1, URN SC123456), reviewed on 10/06/2024, with a complete OC2 row (in the 12-month cohort), previous permanence Z1
/// and one social worker episode open since 01/04/2024;
/// every other table is given with no rows. The collection is 2024-25 (01/04/2024 to 31/03/2025).
/// </summary>
internal sealed class Ssda903Fixture
{
    public const string Dob = "15/06/2012";

    public static readonly CinCollection Collection = CinCollection.Parse("2024-25");

    private static readonly Dictionary<Ssda903Table, Dictionary<string, string?>> Templates = new()
    {
        [Ssda903Table.Header] = Row(("CHILD", "C1"), ("SEX", "1"), ("DOB", Dob), ("ETHNIC", "WBRI"), ("UPN", "A123456789012"), ("MOTHER", null), ("MC_DOB", null)),
        [Ssda903Table.HeaderLast] = Row(("CHILD", "C1"), ("SEX", "1"), ("DOB", Dob), ("ETHNIC", "WBRI"), ("UPN", "A123456789012"), ("MOTHER", null), ("MC_DOB", null)),
        [Ssda903Table.Episodes] = Row(
            ("CHILD", "C1"), ("DECOM", "01/03/2023"), ("RNE", "S"), ("LS", "C2"), ("CIN", "N1"), ("PLACE", "U1"), ("PLACE_PROVIDER", "PR1"), ("DEC", null), ("REC", null),
            ("REASON_PLACE_CHANGE", null), ("HOME_POST", "M1 1AA"), ("PL_POST", "M2 2BB"), ("URN", "SC123456")),
        [Ssda903Table.EpisodesLast] = Row(
            ("CHILD", "C1"), ("DECOM", "01/03/2023"), ("RNE", "S"), ("LS", "C2"), ("CIN", "N1"), ("PLACE", "U1"), ("PLACE_PROVIDER", "PR1"), ("DEC", null), ("REC", null),
            ("REASON_PLACE_CHANGE", null), ("HOME_POST", "M1 1AA"), ("PL_POST", "M2 2BB"), ("URN", "SC123456")),
        [Ssda903Table.UascLast] = Row(("CHILD", "C1"), ("SEX", "1"), ("DOB", Dob), ("DUC", null)),
        [Ssda903Table.PlacedAdoptionLast] = Row(("CHILD", "C1"), ("DOB", Dob), ("DATE_PLACED", "01/06/2023"), ("DATE_PLACED_CEASED", null), ("REASON_PLACED_CEASED", null)),
        [Ssda903Table.MissingLast] = Row(("CHILD", "C1"), ("DOB", Dob), ("MISSING", "M"), ("MIS_START", "01/03/2024"), ("MIS_END", null)),
        [Ssda903Table.SocialWorkerLast] = Row(("CHILD", "C1"), ("DOB", Dob), ("SW_ID", "SW123"), ("SW_DECOM", "01/04/2024"), ("SW_DEC", null), ("SW_REASON", null)),
        [Ssda903Table.Reviews] = Row(("CHILD", "C1"), ("DOB", Dob), ("REVIEW", "10/06/2024"), ("REVIEW_CODE", "PN1")),
        [Ssda903Table.Uasc] = Row(("CHILD", "C1"), ("SEX", "1"), ("DOB", Dob), ("DUC", null)),
        [Ssda903Table.Oc2] = Row(
            ("CHILD", "C1"), ("DOB", Dob), ("SDQ_SCORE", "10"), ("SDQ_REASON", null), ("CONVICTED", "0"), ("HEALTH_CHECK", null), ("IMMUNISATIONS", "1"),
            ("TEETH_CHECK", "1"), ("HEALTH_ASSESSMENT", "1"), ("SUBSTANCE_MISUSE", "0"), ("INTERVENTION_RECEIVED", null), ("INTERVENTION_OFFERED", null)),
        [Ssda903Table.Oc3] = Row(("CHILD", "C1"), ("DOB", Dob), ("IN_TOUCH", "YES"), ("ACTIV", "F1"), ("ACCOM", "K1")),
        [Ssda903Table.Ad1] = Row(
            ("CHILD", "C1"), ("DOB", Dob), ("DATE_INT", "01/06/2024"), ("DATE_MATCH", "01/07/2024"), ("FOSTER_CARE", "0"), ("NB_ADOPTR", "2"), ("SEX_ADOPTR", "MF"), ("LS_ADOPTR", "L11")),
        [Ssda903Table.PlacedAdoption] = Row(("CHILD", "C1"), ("DOB", Dob), ("DATE_PLACED", "01/06/2024"), ("DATE_PLACED_CEASED", null), ("REASON_PLACED_CEASED", null)),
        [Ssda903Table.PrevPerm] = Row(("CHILD", "C1"), ("DOB", Dob), ("PREV_PERM", "Z1"), ("LA_PERM", null), ("DATE_PERM", null)),
        [Ssda903Table.Missing] = Row(("CHILD", "C1"), ("DOB", Dob), ("MISSING", "M"), ("MIS_START", "01/05/2024"), ("MIS_END", "03/05/2024")),
        [Ssda903Table.SocialWorker] = Row(("CHILD", "C1"), ("DOB", Dob), ("SW_ID", "SW123"), ("SW_DECOM", "01/04/2024"), ("SW_DEC", null), ("SW_REASON", null)),
    };

    private readonly Dictionary<Ssda903Table, List<Dictionary<string, string?>>> _tables = [];

    private Ssda903Fixture()
    {
    }

    /// <summary>The valid return described above.</summary>
    public static Ssda903Fixture Valid()
    {
        var fixture = new Ssda903Fixture();
        foreach (var table in Ssda903Schema.CurrentTables)
        {
            fixture._tables[table.Table] = [];
        }

        fixture.Add(Ssda903Table.Header);
        fixture.Add(Ssda903Table.Episodes);
        fixture.Add(Ssda903Table.Reviews);
        fixture.Add(Ssda903Table.Oc2);
        fixture.Add(Ssda903Table.PrevPerm);
        fixture.Add(Ssda903Table.SocialWorker);
        return fixture;
    }

    public Dictionary<string, string?> Header => Rows(Ssda903Table.Header)[0];

    public Dictionary<string, string?> Episode => Rows(Ssda903Table.Episodes)[0];

    public Dictionary<string, string?> Oc2 => Rows(Ssda903Table.Oc2)[0];

    public Dictionary<string, string?> Review => Rows(Ssda903Table.Reviews)[0];

    public Dictionary<string, string?> SocialWorker => Rows(Ssda903Table.SocialWorker)[0];

    public List<Dictionary<string, string?>> Rows(Ssda903Table table)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            rows = [];
            _tables[table] = rows;
        }

        return rows;
    }

    /// <summary>Adds a row of the table: the template for child C1, with the values given.</summary>
    public Dictionary<string, string?> Add(Ssda903Table table, params (string Column, string? Value)[] values)
    {
        var row = new Dictionary<string, string?>(Templates[table]);
        foreach (var (column, value) in values)
        {
            if (!row.ContainsKey(column))
            {
                throw new ArgumentException($"{column} is not a column of {table}.");
            }

            row[column] = value;
        }

        Rows(table).Add(row);
        return row;
    }

    /// <summary>Sets columns of a row.</summary>
    public static void Set(Dictionary<string, string?> row, params (string Column, string? Value)[] values)
    {
        foreach (var (column, value) in values)
        {
            if (!row.ContainsKey(column))
            {
                throw new ArgumentException($"{column} is not a column of the row.");
            }

            row[column] = value;
        }
    }

    /// <summary>Ends the baseline episode (and so the child's care) on <paramref name="dec"/> for <paramref name="rec"/>.</summary>
    public void EndCare(string dec, string rec) => Set(Episode, ("DEC", dec), ("REC", rec));

    public void Remove(Ssda903Table table) => _tables.Remove(table);

    /// <summary>Gives the header the UASC column of earlier years' files.</summary>
    public void UascFlag(string? value) => Header["UASC"] = value;

    /// <summary>The tables as CSV files in memory.</summary>
    public IEnumerable<Ssda903File> Files() => _tables.Select(t =>
    {
        var definition = Ssda903Schema.Table(t.Key);
        var text = new StringBuilder();
        var columns = definition.Columns.Concat(definition.OptionalColumns.Where(c => t.Value.Count > 0 && t.Value[0].ContainsKey(c.Name))).Select(c => c.Name).ToList();
        text.Append(string.Join(",", columns)).Append("\r\n");
        foreach (var row in t.Value)
        {
            text.Append(string.Join(",", columns.Select(c => Quote(row.GetValueOrDefault(c))))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return new Ssda903File($"{definition.Name.ToLowerInvariant()}.csv", () => new MemoryStream(bytes), Ssda903Schema.IsLastYear(t.Key));
    });

    /// <summary>The reference data to validate with (none unless a case gives it).</summary>
    public Ssda903ReferenceData? Reference { get; set; }

    public IReadOnlyList<Ssda903Issue> Validate() => Ssda903Validator.Validate(Files(), Collection, Reference).Issues;

    public bool Fires(string rule) => Validate().Any(i => i.Rule == rule);

    private static string Quote(string? value) => value is null ? "" : value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static Dictionary<string, string?> Row(params (string Column, string? Value)[] values) => values.ToDictionary(v => v.Column, v => v.Value);
}
