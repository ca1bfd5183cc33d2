using System.Globalization;

namespace Safeguard.Interchange.Ssda903;

/// <summary>A row's values made into the record of its table, each parsed to its type with the problems named.</summary>
internal sealed partial class Ssda903TableRead
{
    private static Ssda903Row Read(Ssda903Table table, RowValues row) => table switch
    {
        Ssda903Table.Header or Ssda903Table.HeaderLast => ReadHeader(row),
        Ssda903Table.Episodes or Ssda903Table.EpisodesLast => ReadEpisode(row),
        Ssda903Table.Reviews => new Ssda903Review { Child = row.ChildId, Line = row.Line, Dob = row.Date("DOB"), Review = row.Date("REVIEW"), ReviewCode = row.Code("REVIEW_CODE") },
        Ssda903Table.Uasc or Ssda903Table.UascLast => new Ssda903Uasc { Child = row.ChildId, Line = row.Line, Sex = row.Code("SEX"), Dob = row.Date("DOB"), Duc = row.Date("DUC") },
        Ssda903Table.Oc2 => new Ssda903Oc2
        {
            Child = row.ChildId,
            Line = row.Line,
            Dob = row.Date("DOB"),
            SdqScore = row.Number("SDQ_SCORE"),
            SdqReason = row.Code("SDQ_REASON"),
            Convicted = row.Code("CONVICTED"),
            HealthCheck = row.Code("HEALTH_CHECK"),
            Immunisations = row.Code("IMMUNISATIONS"),
            TeethCheck = row.Code("TEETH_CHECK"),
            HealthAssessment = row.Code("HEALTH_ASSESSMENT"),
            SubstanceMisuse = row.Code("SUBSTANCE_MISUSE"),
            InterventionReceived = row.Code("INTERVENTION_RECEIVED"),
            InterventionOffered = row.Code("INTERVENTION_OFFERED"),
        },
        Ssda903Table.Oc3 => new Ssda903Oc3 { Child = row.ChildId, Line = row.Line, Dob = row.Date("DOB"), InTouch = row.Code("IN_TOUCH"), Activity = row.Code("ACTIV"), Accommodation = row.Code("ACCOM") },
        Ssda903Table.Ad1 => new Ssda903Ad1
        {
            Child = row.ChildId,
            Line = row.Line,
            Dob = row.Date("DOB"),
            DateInt = row.Date("DATE_INT"),
            DateMatch = row.Date("DATE_MATCH"),
            FosterCare = row.Code("FOSTER_CARE"),
            NumberOfAdopters = row.Code("NB_ADOPTR"),
            SexOfAdopters = row.Code("SEX_ADOPTR"),
            LegalStatusOfAdopters = row.Code("LS_ADOPTR"),
        },
        Ssda903Table.PlacedAdoption or Ssda903Table.PlacedAdoptionLast => new Ssda903PlacedAdoption
        {
            Child = row.ChildId,
            Line = row.Line,
            Dob = row.Date("DOB"),
            DatePlaced = row.Date("DATE_PLACED"),
            DatePlacedCeased = row.Date("DATE_PLACED_CEASED"),
            ReasonPlacedCeased = row.Code("REASON_PLACED_CEASED"),
        },
        Ssda903Table.PrevPerm => new Ssda903PrevPerm { Child = row.ChildId, Line = row.Line, Dob = row.Date("DOB"), PrevPerm = row.Code("PREV_PERM"), LaPerm = row.Text("LA_PERM"), DatePerm = row.Text("DATE_PERM") },
        Ssda903Table.Missing or Ssda903Table.MissingLast => new Ssda903Missing
        {
            Child = row.ChildId,
            Line = row.Line,
            Dob = row.Date("DOB"),
            MissingType = row.Code("MISSING"),
            Start = row.Date("MIS_START"),
            End = row.Date("MIS_END"),
        },
        Ssda903Table.SocialWorker or Ssda903Table.SocialWorkerLast => new Ssda903SocialWorker
        {
            Child = row.ChildId,
            Line = row.Line,
            Dob = row.Date("DOB"),
            SwId = row.Text("SW_ID"),
            Decom = row.Date("SW_DECOM"),
            Dec = row.Date("SW_DEC"),
            Reason = row.Code("SW_REASON"),
        },
        _ => throw new InvalidOperationException($"No reader for table {table}."),
    };

    private static Ssda903Header ReadHeader(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Sex = row.Code("SEX"),
        Dob = row.Date("DOB"),
        Ethnic = row.Code("ETHNIC"),
        Upn = row.Text("UPN"),
        Mother = row.Code("MOTHER"),
        MotherChildDob = row.Date("MC_DOB"),
        Uasc = row.Code("UASC"),
        HasUascColumn = row.Has("UASC"),
    };

    private static Ssda903Episode ReadEpisode(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Decom = row.Date("DECOM"),
        Rne = row.Code("RNE"),
        Ls = row.Code("LS"),
        Cin = row.Code("CIN"),
        Place = row.Code("PLACE"),
        PlaceProvider = row.Code("PLACE_PROVIDER"),
        Dec = row.Date("DEC"),
        Rec = row.Code("REC"),
        ReasonPlaceChange = row.Code("REASON_PLACE_CHANGE"),
        HomePost = row.Text("HOME_POST"),
        PlPost = row.Text("PL_POST"),
        Urn = row.Text("URN"),
        PlLa = row.Text("PL_LA"),
        PlLocation = row.Code("PL_LOCATION"),
    };

    /// <summary>The current row's values by column name, parsed to their types.</summary>
    private sealed class RowValues(Ssda903TableRead read, Ssda903TableDefinition definition, string?[] values, DateOnly?[] dates, bool[] present)
    {
        public string ChildId { get; private set; } = "";

        public int Line { get; private set; }

        public void Start(int line, string child)
        {
            Line = line;
            ChildId = child;
        }

        public bool Has(string column) => present[definition.Index[column]];

        public string? Text(string column) => Text(column, definition.Index[column]);

        private string? Text(string column, int index)
        {
            var value = values[index];
            var spec = definition.Column(index);
            if (value is null && !spec.CanBeBlank && spec.Rule is null && present[index])
            {
                Report(column, $"{column} is blank; the schema requires a value.");
            }

            return value;
        }

        public string? Code(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            var spec = definition.Column(index);
            if (value is not null && spec.Rule is null && spec.Codes is { } codes && !codes.Contains(value))
            {
                Report(column, $"{column} '{value}' is not one of the codes {string.Join(", ", codes.Order(StringComparer.Ordinal))}.");
            }

            return value;
        }

        public Ssda903Date Date(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            if (value is null)
            {
                return Ssda903Date.Blank;
            }

            var date = ReferenceEquals(value, AsWritten) ? dates[index] : null;
            if (date is null && definition.Column(index).Rule is null)
            {
                Report(column, $"{column} '{value}' is not a date written dd/mm/yyyy.");
            }

            return new Ssda903Date(date, true);
        }

        public Ssda903Number Number(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            if (value is null)
            {
                return default;
            }

            var number = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            if (number is null && definition.Column(index).Rule is null)
            {
                Report(column, $"{column} '{value}' is not a whole number.");
            }

            return new Ssda903Number(number, true);
        }

        private void Report(string column, string message) => read.Structure(definition.Name, Line, ChildId, message, column);
    }
}
