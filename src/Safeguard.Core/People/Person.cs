using Safeguard.Common;

namespace Safeguard.People;

/// <summary>Whether a person's record is a child's (the subject of safeguarding) or an adult's (a parent, carer or household member).</summary>
public enum PersonKind
{
    Child,
    Adult,
}

/// <summary>
/// One person known to the partnership: a child, or an adult linked to children. Children and adults share
/// one record type (docs/adr/0008): a child grows up, and relationships, duplicates and merges work the
/// same way for both. Identity codes (sex, ethnicity, disability) are the children in need census codes.
/// </summary>
public sealed class Person : Entity
{
    public PersonKind Kind { get; set; }

    /// <summary>The date of birth; null for an unborn child (see <see cref="ExpectedDateOfBirth"/>) or an adult whose date is not known.</summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>For an unborn child, the expected date of birth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; set; }

    /// <summary>The census sex code: M, F or U (not known).</summary>
    public string Sex { get; set; } = "U";

    /// <summary>The census ethnicity code (for example WBRI), or null when not yet recorded.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>The census disability codes, comma-separated (for example "AUT,LD"; NONE for none).</summary>
    public string? Disabilities { get; set; }

    /// <summary>The unique pupil number, check letter validated.</summary>
    public string? Upn { get; set; }

    /// <summary>The NHS number, ten digits, modulus 11 checked.</summary>
    public string? NhsNumber { get; set; }

    /// <summary>The council's own child identifier (the census LAchildID), unique.</summary>
    public string? CouncilChildId { get; set; }

    /// <summary>The current name, copied from <see cref="Names"/> so lists and searches need no join.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// A restricted record (for example a member of staff's relative) is seen only by the users on its
    /// access list; to everyone else it does not exist.
    /// </summary>
    public bool IsRestricted { get; set; }

    /// <summary>Set when this record was merged into another: the survivor.</summary>
    public Guid? MergedIntoId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<PersonName> Names { get; } = [];

    public List<PersonAddress> Addresses { get; } = [];

    public List<PersonAccess> AccessList { get; } = [];

    public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;

    public IReadOnlyList<string> DisabilityCodes =>
        string.IsNullOrEmpty(Disabilities) ? [] : Disabilities.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public enum PersonNameKind
{
    Current,
    Previous,
    Alias,
}

/// <summary>A name a person has or had: their current name, a previous one, or an alias they are known by.</summary>
public sealed class PersonName : Entity
{
    public Guid PersonId { get; set; }

    public PersonNameKind Kind { get; set; }

    public required string GivenNames { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>The name folded for matching: lower case, accents, hyphens and apostrophes removed (see <see cref="NameMatching"/>).</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>The Soundex code of the family name, so a search finds names that sound alike.</summary>
    public string FamilySoundex { get; set; } = "";

    public string FullName => $"{GivenNames} {FamilyName}";
}

/// <summary>Where a person lives or lived, with the dates they lived there.</summary>
public sealed class PersonAddress : Entity
{
    public Guid PersonId { get; set; }

    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? Town { get; set; }

    public required string Postcode { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>A user allowed to see a restricted record.</summary>
public sealed class PersonAccess : Entity
{
    public Guid PersonId { get; set; }

    public Guid UserId { get; set; }
}

public enum RelationshipKind
{
    Mother,
    Father,
    Parent,
    StepParent,
    Carer,
    HouseholdMember,
    Sibling,
    HalfSibling,
}

/// <summary>
/// A link from a child to another person: a parent, carer or household member (an adult), or a sibling
/// (another child). Links are stored once, from the child's side.
/// </summary>
public sealed class PersonRelationship : Entity
{
    public Guid PersonId { get; set; }

    public Guid RelatedPersonId { get; set; }

    public RelationshipKind Kind { get; set; }

    public bool HasParentalResponsibility { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public static bool IsSiblingKind(RelationshipKind kind) => kind is RelationshipKind.Sibling or RelationshipKind.HalfSibling;
}

/// <summary>A user's confirmation that two records that look alike are different people.</summary>
public sealed class NotDuplicateConfirmation : Entity
{
    public Guid PersonId { get; set; }

    public Guid OtherPersonId { get; set; }

    public Guid? ConfirmedByUserId { get; set; }

    public required string ConfirmedByName { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }
}

/// <summary>
/// One merge of a duplicate record into a survivor, with the links it moved, so it can be undone.
/// </summary>
public sealed class PersonMerge : Entity
{
    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    /// <summary>The relationships moved: "id:P" where the person side moved, "id:R" where the related side moved, comma-separated.</summary>
    public string MovedLinks { get; set; } = "";

    public DateTimeOffset MergedAt { get; set; }

    public required string MergedByName { get; set; }

    public DateTimeOffset? UnmergedAt { get; set; }

    public string? UnmergedByName { get; set; }
}
