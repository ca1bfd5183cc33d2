using System.Globalization;
using Safeguard.Common;

namespace Safeguard.LookedAfter;

/// <summary>
/// A child's status as an unaccompanied asylum-seeking child (UASC), one record a child, shaped for the SSDA903 UASC
/// table (CHILD, SEX, DOB, DUC). A child is UASC from the day they came to the council's notice as one (<see cref="BecameOn"/>)
/// until their status ceases: at the latest on their 18th birthday (SSDA903 rule 304), earlier when leave to remain was
/// granted or the claim was finally decided (<see cref="CeasedOn"/>). The return's DUC is <see cref="CeasedOn"/> when
/// recorded, otherwise the 18th birthday: the date the status ceased or will cease. A child formerly UASC keeps the
/// record (DfE asks for them in the table too). docs/adr/0088.
/// </summary>
public sealed class UascStatus : Entity
{
    public const int MaxCodeLength = 16;

    public Guid PersonId { get; set; }

    /// <summary>The day the child became looked after (or known to the council) as an unaccompanied asylum seeker; null when not recorded (an imported return does not say).</summary>
    public DateOnly? BecameOn { get; set; }

    /// <summary>The day the status ceased before the 18th birthday (leave granted, claim decided); null when it ceases (or ceased) on the 18th birthday.</summary>
    public DateOnly? CeasedOn { get; set; }

    /// <summary>Why it ceased before the 18th birthday: a code of <see cref="AsylumAndPermanenceService.UascCeasedReasons"/>; null with no <see cref="CeasedOn"/> or when not known.</summary>
    public string? CeasedReason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>The return's DUC: the date the status ceased, or will cease on the 18th birthday; null when neither is known.</summary>
    public DateOnly? DateCeased(DateOnly? dateOfBirth) => CeasedOn ?? dateOfBirth?.AddYears(18);
}

/// <summary>
/// A child's previous permanence option before they started to be looked after, one record a child (the one in force
/// for their latest period of care), shaped for the SSDA903 PrevPerm table: PREV_PERM (<see cref="Option"/>: P1 adoption,
/// P2 special guardianship order, P3 residence or child arrangements order, P4 not known whether there was one, Z1 none),
/// LA_PERM (<see cref="LocalAuthority"/>, the authority that arranged it) and DATE_PERM (the order's date, whose day,
/// month or year may each be unknown: written ZZ, ZZ, ZZZZ). docs/adr/0088.
/// </summary>
public sealed class PreviousPermanence : Entity
{
    public const int MaxCodeLength = 8;

    public Guid PersonId { get; set; }

    /// <summary>PREV_PERM: P1, P2, P3, P4 or Z1.</summary>
    public required string Option { get; set; }

    /// <summary>LA_PERM: DfE's three-digit code of the English authority that arranged it, or WAL, SCO, NIR, NUK; null when not known.</summary>
    public string? LocalAuthority { get; set; }

    /// <summary>The year of the order (DATE_PERM); null when not known.</summary>
    public int? OrderYear { get; set; }

    /// <summary>The month of the order; null when not known.</summary>
    public int? OrderMonth { get; set; }

    /// <summary>The day of the order; null when not known.</summary>
    public int? OrderDay { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>True for the options that are an order (P1 to P3), which may have an authority and a date.</summary>
    public static bool IsOrder(string? option) => option is "P1" or "P2" or "P3";

    /// <summary>DATE_PERM as the return writes it (dd/mm/yyyy with ZZ or ZZZZ for the parts not known); null when no part is known.</summary>
    public string? ReturnDate => OrderYear is null && OrderMonth is null && OrderDay is null ? null : FormatDate(OrderDay, OrderMonth, OrderYear);

    /// <summary>Writes a partly known date as the return does.</summary>
    public static string FormatDate(int? day, int? month, int? year) =>
        $"{Part(day, 2)}/{Part(month, 2)}/{Part(year, 4)}";

    /// <summary>Reads the return's DATE_PERM (dd/mm/yyyy, ZZ or ZZZZ for a part not known); false when it is not of that form.</summary>
    public static bool TryParseDate(string? text, out (int? Day, int? Month, int? Year) date)
    {
        date = default;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 3 } || parts[0].Length != 2 || parts[1].Length != 2 || parts[2].Length != 4)
        {
            return false;
        }

        int? day = null, month = null, year = null;
        if (!Read(parts[0], ref day) || !Read(parts[1], ref month) || !Read(parts[2], ref year))
        {
            return false;
        }

        if (day is < 1 or > 31 || month is < 1 or > 12 || year is < 1900
            || (day is { } d && month is { } m && d > (year is { } y ? DateTime.DaysInMonth(y, m) : DateTime.DaysInMonth(2000, m))))
        {
            return false;
        }

        date = (day, month, year);
        return true;

        static bool Read(string part, ref int? value)
        {
            if (part.All(c => c is 'Z' or 'z'))
            {
                return true;
            }

            if (part.All(char.IsAsciiDigit) && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                value = n;
                return true;
            }

            return false;
        }
    }

    private static string Part(int? value, int width) =>
        value is { } v ? v.ToString(width == 2 ? "00" : "0000", CultureInfo.InvariantCulture) : new string('Z', width);
}
