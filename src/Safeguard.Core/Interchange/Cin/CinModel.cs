namespace Safeguard.Interchange.Cin;

// The neutral model of one child in the children in need census: what the XML reader produces, and what the
// child's journey records will produce when they exist. Rules read only this model, never XML.
// Line is the line in the source file where the record starts (0 when the record did not come from a file).

/// <summary>One child of the census, with all of its episodes.</summary>
public sealed class CinChild
{
    public int Line { get; set; }
    public string? LaChildId { get; set; }
    public string? Upn { get; set; }
    public string? FormerUpn { get; set; }
    public string? UpnUnknown { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateOnly? ExpectedBirthDate { get; set; }

    /// <summary>The sex as the census codes it (M, F or U); a pre-2025 <c>GenderCurrent</c> is translated.</summary>
    public string? Sex { get; set; }

    public DateOnly? DeathDate { get; set; }
    public string? Ethnicity { get; set; }

    /// <summary>The disability codes in the order given (empty when none were recorded).</summary>
    public List<string> Disabilities { get; } = [];

    public List<CinEpisode> Episodes { get; } = [];

    /// <summary>Lines of the individual records, keyed by field, for issues that point at a single field.</summary>
    public int LineOf(CinField field) => _fieldLines[(int)field] is var line and > 0 ? line : Line;

    public void SetLine(CinField field, int line) => _fieldLines[(int)field] = line;

    private readonly int[] _fieldLines = new int[(int)CinField.Disabilities + 1];
}

/// <summary>Child-level fields whose own line is worth reporting.</summary>
public enum CinField
{
    LaChildId,
    Upn,
    FormerUpn,
    UpnUnknown,
    BirthDate,
    ExpectedBirthDate,
    Sex,
    DeathDate,
    Ethnicity,
    Disabilities,
}

/// <summary>One episode of need (the census's <c>CINdetails</c>): from referral to closure.</summary>
public sealed class CinEpisode
{
    public int Line { get; set; }
    public DateOnly? ReferralDate { get; set; }
    public string? ReferralSource { get; set; }
    public string? PrimaryNeedCode { get; set; }
    public DateOnly? ClosureDate { get; set; }
    public string? ReasonForClosure { get; set; }

    /// <summary>The initial child protection conference recorded at episode level (without a section 47 enquiry).</summary>
    public DateOnly? DateOfInitialCpc { get; set; }

    /// <summary>True when the referral led to no further action; null when missing or not a yes/no value.</summary>
    public bool? ReferralNfa { get; set; }

    public List<CinAssessment> Assessments { get; } = [];
    public List<CinPlan> CinPlans { get; } = [];
    public List<Section47Enquiry> Section47Enquiries { get; } = [];
    public List<ChildProtectionPlan> ProtectionPlans { get; } = [];

    /// <summary>True when the episode has an end: a closure date.</summary>
    public bool IsOpen => ClosureDate is null;
}

/// <summary>A children's social care assessment.</summary>
public sealed class CinAssessment
{
    public int Line { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? InternalReviewDate { get; set; }

    /// <summary>The date the assessment was completed (authorised); null while it is ongoing.</summary>
    public DateOnly? AuthorisationDate { get; set; }

    /// <summary>The factors identified at assessment, in the order given.</summary>
    public List<string> Factors { get; } = [];
}

/// <summary>A child in need plan.</summary>
public sealed class CinPlan
{
    public int Line { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>A section 47 enquiry.</summary>
public sealed class Section47Enquiry
{
    public int Line { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? InitialCpcTarget { get; set; }
    public DateOnly? DateOfInitialCpc { get; set; }

    /// <summary>True when no initial conference was needed; null when missing or not a yes/no value.</summary>
    public bool? IcpcNotRequired { get; set; }

    /// <summary>Ongoing: no conference held yet, and not marked as not needing one.</summary>
    public bool IsOpen => DateOfInitialCpc is null && IcpcNotRequired != true;
}

/// <summary>A child protection plan with its reviews.</summary>
public sealed class ChildProtectionPlan
{
    public int Line { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? InitialCategoryOfAbuse { get; set; }
    public string? LatestCategoryOfAbuse { get; set; }

    /// <summary>The number of previous plans; null when missing or not a whole number.</summary>
    public int? NumberOfPreviousCpp { get; set; }

    public List<CppReview> Reviews { get; } = [];
}

/// <summary>A review of a child protection plan; the date is null when the element was empty.</summary>
public sealed record CppReview(DateOnly? Date, int Line);
