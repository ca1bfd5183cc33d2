using System.Collections.Frozen;

namespace Safeguard.Interchange.Ssda903;

/// <summary>The tables of an SSDA903 return, and last year's tables the cross-year rules compare with.</summary>
public enum Ssda903Table
{
    Header,
    Episodes,
    Reviews,
    Uasc,
    Oc2,
    Oc3,
    Ad1,
    PlacedAdoption,
    PrevPerm,
    Missing,
    SocialWorker,
    HeaderLast,
    EpisodesLast,
    UascLast,
    PlacedAdoptionLast,
    MissingLast,
    SocialWorkerLast,
}

/// <summary>What a column holds: free text (identifiers, postcodes), a date written dd/mm/yyyy, a code from a list, or a whole number.</summary>
public enum Ssda903ColumnKind
{
    Text,
    Date,
    Code,
    WholeNumber,
}

/// <summary>
/// One column of a table as the DfE schema (ssda903-schema-2024.yml) defines it. <see cref="Rule"/> is the DfE rule
/// that checks the value's form (a date, a code): the reader leaves those values to the rule, so a bad value is
/// reported once, under the DfE code; values of columns no rule checks are reported by the reader itself.
/// </summary>
public sealed record Ssda903Column(string Name, Ssda903ColumnKind Kind, bool CanBeBlank, FrozenSet<string>? Codes = null, string? Rule = null);

/// <summary>A table: its name as DfE's rule list writes it (Header, Episodes, OC2 ...) and its columns.</summary>
public sealed class Ssda903TableDefinition
{
    internal Ssda903TableDefinition(Ssda903Table table, string name, IReadOnlyList<Ssda903Column> columns, IReadOnlyList<Ssda903Column>? optional = null)
    {
        Table = table;
        Name = name;
        Columns = columns;
        OptionalColumns = optional ?? [];
        Index = columns.Concat(OptionalColumns).Select((c, i) => (c.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public Ssda903Table Table { get; }

    public string Name { get; }

    /// <summary>The columns a file of this table must have.</summary>
    public IReadOnlyList<Ssda903Column> Columns { get; }

    /// <summary>Columns read when present (the header's UASC flag of earlier years' files).</summary>
    public IReadOnlyList<Ssda903Column> OptionalColumns { get; }

    /// <summary>The position of each column (required first, then optional) in a parsed row.</summary>
    public FrozenDictionary<string, int> Index { get; }

    public Ssda903Column Column(int index) => index < Columns.Count ? Columns[index] : OptionalColumns[index - Columns.Count];

    public int Width => Columns.Count + OptionalColumns.Count;
}

/// <summary>The tables and columns of the 2024-25 return (DfE's schema, as in the reference ssda903-schema-2024.yml).</summary>
public static class Ssda903Schema
{
    private static FrozenSet<string> Codes(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);

    private static Ssda903Column Child => new("CHILD", Ssda903ColumnKind.Text, false);

    private static Ssda903Column Dob(string? rule = null) => new("DOB", Ssda903ColumnKind.Date, false, Rule: rule);

    public static readonly FrozenSet<string> Sex = Codes("1", "2");
    public static readonly FrozenSet<string> ZeroOne = Codes("0", "1");

    public static readonly FrozenSet<string> Ethnic = Codes(
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    public static readonly FrozenSet<string> ReasonNewEpisode = Codes("S", "L", "P", "T", "B", "U");
    public static readonly FrozenSet<string> LegalStatus = Codes("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");
    public static readonly FrozenSet<string> CategoryOfNeed = Codes("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    public static readonly FrozenSet<string> Placement = Codes(
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");

    public static readonly FrozenSet<string> PlacementProvider = Codes("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    public static readonly FrozenSet<string> ReasonEpisodeCeased = Codes(
        "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E9", "E14", "E15", "E16", "E17", "E8");

    public static readonly FrozenSet<string> ReasonPlaceChange = Codes("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");
    public static readonly FrozenSet<string> MissingType = Codes("M", "A");
    public static readonly FrozenSet<string> SdqReason = Codes("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");
    public static readonly FrozenSet<string> InTouch = Codes("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");
    public static readonly FrozenSet<string> Activity = Codes("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0");

    public static readonly FrozenSet<string> Accommodation = Codes(
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S1", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2",
        "X1", "X2", "Y1", "Y2", "Z1", "Z2", "0");

    public static readonly FrozenSet<string> ReasonPlacedCeased = Codes("RD1", "RD2", "RD3", "RD4");
    public static readonly FrozenSet<string> PreviousPermanence = Codes("P1", "P2", "P3", "P4", "Z1");
    public static readonly FrozenSet<string> ReviewCode = Codes("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
    public static readonly FrozenSet<string> FosterCare = ZeroOne;
    public static readonly FrozenSet<string> NumberOfAdopters = Codes("1", "2");
    public static readonly FrozenSet<string> SexOfAdopters = Codes("M1", "F1", "MM", "FF", "MF");
    public static readonly FrozenSet<string> LegalStatusOfAdopters = Codes("L0", "L11", "L12", "L2", "L3", "L4");
    public static readonly FrozenSet<string> SocialWorkerReason = Codes("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS");

    /// <summary>
    /// The placement's local authority and location (IN or OUT of the returning authority) that DfE derives from the
    /// placement postcode: read when a file carries them (as files exported from DfE's tool do), for rule 411.
    /// </summary>
    private static readonly Ssda903Column[] DerivedEpisodeColumns =
    [
        new("PL_LA", Ssda903ColumnKind.Text, true),
        new("PL_LOCATION", Ssda903ColumnKind.Code, true, Codes("IN", "OUT")),
    ];

    private static readonly Ssda903Column[] HeaderColumns =
    [
        Child,
        new("SEX", Ssda903ColumnKind.Code, false, Sex, "101"),
        Dob("102"),
        new("ETHNIC", Ssda903ColumnKind.Code, false, Ethnic, "103"),
        new("UPN", Ssda903ColumnKind.Text, false, Rule: "442"),
        new("MOTHER", Ssda903ColumnKind.Code, true, ZeroOne, "165"),
        new("MC_DOB", Ssda903ColumnKind.Date, true, Rule: "171"),
    ];

    private static readonly Ssda903Column[] EpisodeColumns =
    [
        Child,
        new("DECOM", Ssda903ColumnKind.Date, false, Rule: "141"),
        new("RNE", Ssda903ColumnKind.Code, false, ReasonNewEpisode, "143"),
        new("LS", Ssda903ColumnKind.Code, false, LegalStatus, "144"),
        new("CIN", Ssda903ColumnKind.Code, false, CategoryOfNeed, "145"),
        new("PLACE", Ssda903ColumnKind.Code, false, Placement, "146"),
        new("PLACE_PROVIDER", Ssda903ColumnKind.Code, true, PlacementProvider, "178"),
        new("DEC", Ssda903ColumnKind.Date, true, Rule: "147"),
        new("REC", Ssda903ColumnKind.Code, true, ReasonEpisodeCeased, "149"),
        new("REASON_PLACE_CHANGE", Ssda903ColumnKind.Code, true, ReasonPlaceChange, "1009"),
        new("HOME_POST", Ssda903ColumnKind.Text, true),
        new("PL_POST", Ssda903ColumnKind.Text, true),
        new("URN", Ssda903ColumnKind.Text, true),
    ];

    private static readonly Ssda903Column[] UascColumns = [Child, new("SEX", Ssda903ColumnKind.Code, false, Sex), Dob(), new("DUC", Ssda903ColumnKind.Date, true, Rule: "104")];

    private static readonly Ssda903Column[] PlacedAdoptionColumns =
    [
            Child, Dob(),
            new("DATE_PLACED", Ssda903ColumnKind.Date, true, Rule: "115"),
            new("DATE_PLACED_CEASED", Ssda903ColumnKind.Date, true, Rule: "116"),
            new("REASON_PLACED_CEASED", Ssda903ColumnKind.Code, true, ReasonPlacedCeased, "120"),
        ];

    private static readonly Ssda903Column[] MissingColumns =
    [
            Child, Dob(),
            new("MISSING", Ssda903ColumnKind.Code, true, MissingType, "1006"),
            new("MIS_START", Ssda903ColumnKind.Date, true, Rule: "1004"),
            new("MIS_END", Ssda903ColumnKind.Date, true, Rule: "1005"),
        ];

    private static readonly Ssda903Column[] SocialWorkerColumns =
    [
            Child, Dob(),
            new("SW_ID", Ssda903ColumnKind.Text, true, Rule: "SW02STG1"),
            new("SW_DECOM", Ssda903ColumnKind.Date, true, Rule: "SW04STG1"),
            new("SW_DEC", Ssda903ColumnKind.Date, true, Rule: "SW05STG1"),
            new("SW_REASON", Ssda903ColumnKind.Code, true, SocialWorkerReason, "SW13STG1"),
        ];

    /// <summary>Every table of the return and of last year's return, in the order reports list them.</summary>
    public static readonly IReadOnlyList<Ssda903TableDefinition> Tables =
    [
        new(Ssda903Table.Header, "Header", HeaderColumns, [new("UASC", Ssda903ColumnKind.Code, true, ZeroOne, "105")]),
        new(Ssda903Table.Episodes, "Episodes", EpisodeColumns, DerivedEpisodeColumns),
        new(Ssda903Table.Reviews, "Reviews", [Child, Dob(), new("REVIEW", Ssda903ColumnKind.Date, false, Rule: "166"), new("REVIEW_CODE", Ssda903ColumnKind.Code, false, ReviewCode, "167")]),
        new(Ssda903Table.Uasc, "UASC", UascColumns),
        new(Ssda903Table.Oc2, "OC2",
        [
            Child, Dob(),
            new("SDQ_SCORE", Ssda903ColumnKind.WholeNumber, true, Rule: "180"),
            new("SDQ_REASON", Ssda903ColumnKind.Code, true, SdqReason, "196"),
            new("CONVICTED", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("HEALTH_CHECK", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("IMMUNISATIONS", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("TEETH_CHECK", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("HEALTH_ASSESSMENT", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("SUBSTANCE_MISUSE", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("INTERVENTION_RECEIVED", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
            new("INTERVENTION_OFFERED", Ssda903ColumnKind.Code, true, ZeroOne, "181"),
        ]),
        new(Ssda903Table.Oc3, "OC3",
        [
            Child, Dob(),
            new("IN_TOUCH", Ssda903ColumnKind.Code, true, InTouch, "131"),
            new("ACTIV", Ssda903ColumnKind.Code, true, Activity, "132"),
            new("ACCOM", Ssda903ColumnKind.Code, true, Accommodation, "133"),
        ]),
        new(Ssda903Table.Ad1, "AD1",
        [
            Child, Dob(),
            new("DATE_INT", Ssda903ColumnKind.Date, true, Rule: "112"),
            new("DATE_MATCH", Ssda903ColumnKind.Date, true, Rule: "113"),
            new("FOSTER_CARE", Ssda903ColumnKind.Code, true, FosterCare, "114"),
            new("NB_ADOPTR", Ssda903ColumnKind.Code, true, NumberOfAdopters, "175"),
            new("SEX_ADOPTR", Ssda903ColumnKind.Code, true, SexOfAdopters, "176"),
            new("LS_ADOPTR", Ssda903ColumnKind.Code, true, LegalStatusOfAdopters, "177"),
        ]),
        new(Ssda903Table.PlacedAdoption, "PlacedAdoption", PlacedAdoptionColumns),
        new(Ssda903Table.PrevPerm, "PrevPerm",
        [
            Child, Dob(),
            new("PREV_PERM", Ssda903ColumnKind.Code, true, PreviousPermanence, "631"),
            new("LA_PERM", Ssda903ColumnKind.Text, true),

            // Written as a date or with zz for an unknown day or month (zz/zz/2015): checked by rule 632, kept as text.
            new("DATE_PERM", Ssda903ColumnKind.Text, true),
        ]),
        new(Ssda903Table.Missing, "Missing", MissingColumns),
        new(Ssda903Table.SocialWorker, "SWEpisodes", SocialWorkerColumns),
        new(Ssda903Table.HeaderLast, "Header_last", HeaderColumns, [new("UASC", Ssda903ColumnKind.Code, true, ZeroOne, "105")]),
        new(Ssda903Table.EpisodesLast, "Episodes_last", EpisodeColumns, DerivedEpisodeColumns),
        new(Ssda903Table.UascLast, "UASC_last", UascColumns),
        new(Ssda903Table.PlacedAdoptionLast, "PlacedAdoption_last", PlacedAdoptionColumns),
        new(Ssda903Table.MissingLast, "Missing_last", MissingColumns),
        new(Ssda903Table.SocialWorkerLast, "SWEpisodes_last", SocialWorkerColumns),
    ];

    public static Ssda903TableDefinition Table(Ssda903Table table) => Tables[(int)table];

    /// <summary>The tables of a year's return (not last year's, whose columns are the same as this year's).</summary>
    public static IEnumerable<Ssda903TableDefinition> CurrentTables => Tables.Where(t => !IsLastYear(t.Table));

    /// <summary>Last year's tables (read from the files given as last year's).</summary>
    public static IEnumerable<Ssda903TableDefinition> LastYearTables => Tables.Where(t => IsLastYear(t.Table));

    /// <summary>True for a table of last year's return.</summary>
    public static bool IsLastYear(Ssda903Table table) => table >= Ssda903Table.HeaderLast;
}
