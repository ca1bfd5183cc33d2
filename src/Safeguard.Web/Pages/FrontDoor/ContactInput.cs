using Safeguard.FrontDoor;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>The contact form's fields, as typed.</summary>
public sealed class ContactInput
{
    public string? ReceivedDay { get; set; }

    public string? ReceivedMonth { get; set; }

    public string? ReceivedYear { get; set; }

    public string? ReceivedTime { get; set; }

    public Guid? FromAgencyId { get; set; }

    public string? ReferrerName { get; set; }

    public string? ReferrerRole { get; set; }

    public string? ReferralSource { get; set; }

    public string? Concerns { get; set; }

    public ConsentPosition? Consent { get; set; }

    public string? ConsentReason { get; set; }
}

/// <summary>A child described on a form (a new child, or one a partner names).</summary>
public sealed class ChildInput
{
    public string? GivenNames { get; set; }

    public string? FamilyName { get; set; }

    public string? BornDay { get; set; }

    public string? BornMonth { get; set; }

    public string? BornYear { get; set; }

    public string? Sex { get; set; }

    public string? NhsNumber { get; set; }

    public string? Upn { get; set; }

    /// <summary>For a new child added to a contact before it is recorded: the look-alikes confirmed to be different children.</summary>
    public List<Guid> ConfirmedDifferent { get; set; } = [];

    public string Name => $"{GivenNames?.Trim()} {FamilyName?.Trim()}".Trim();

    public bool IsEmpty => string.IsNullOrWhiteSpace(GivenNames) && string.IsNullOrWhiteSpace(FamilyName)
        && string.IsNullOrWhiteSpace(BornDay) && string.IsNullOrWhiteSpace(BornMonth) && string.IsNullOrWhiteSpace(BornYear)
        && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Upn);
}
