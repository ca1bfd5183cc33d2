namespace Safeguard.People;

/// <summary>What is asked when a person is added.</summary>
public sealed record NewPerson
{
    public PersonKind Kind { get; init; } = PersonKind.Child;

    public string GivenNames { get; init; } = "";

    public string FamilyName { get; init; } = "";

    public DateOnly? DateOfBirth { get; init; }

    public DateOnly? ExpectedDateOfBirth { get; init; }

    public string Sex { get; init; } = "U";

    public string? Ethnicity { get; init; }

    public IReadOnlyList<string> Disabilities { get; init; } = [];

    public string? Upn { get; init; }

    public string? NhsNumber { get; init; }

    public string? CouncilChildId { get; init; }

    public NewAddress? Address { get; init; }

    public IReadOnlyList<NewName> OtherNames { get; init; } = [];
}

public sealed record NewName(PersonNameKind Kind, string GivenNames, string FamilyName);

public sealed record NewAddress(string Line1, string? Line2, string? Town, string Postcode, DateOnly From, DateOnly? To = null);

public sealed record NewRelationship(Guid PersonId, Guid RelatedPersonId, RelationshipKind Kind, bool HasParentalResponsibility, DateOnly? From, DateOnly? To);

/// <summary>What a search asks for: any of a name, a date of birth and identifiers.</summary>
public sealed record PersonSearch(string? Name = null, DateOnly? DateOfBirth = null, string? Upn = null, string? NhsNumber = null, string? CouncilChildId = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(Upn)
        && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(CouncilChildId);

    /// <summary>The terms as the audit trail records them.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        string.IsNullOrWhiteSpace(Name) ? null : $"name={Name.Trim()}",
        DateOfBirth is { } d ? $"dateOfBirth={d:yyyy-MM-dd}" : null,
        string.IsNullOrWhiteSpace(Upn) ? null : $"upn={Upn.Trim()}",
        string.IsNullOrWhiteSpace(NhsNumber) ? null : $"nhsNumber={NhsNumber.Trim()}",
        string.IsNullOrWhiteSpace(CouncilChildId) ? null : $"councilChildId={CouncilChildId.Trim()}",
    }.Where(t => t is not null));
}

/// <summary>One person found by a search.</summary>
public sealed record PersonSummary(Guid Id, PersonKind Kind, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string Sex, string? Upn, string? NhsNumber, string? CouncilChildId, string? Postcode);

/// <summary>A record that looks like the one being added: a similar name and the same date of birth.</summary>
public sealed record PossibleDuplicate(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode);

/// <summary>A person's record as a page shows it: the person, their links both ways, and merges.</summary>
public sealed record PersonRecord(Person Person, IReadOnlyList<RelationshipView> Relationships, PersonSummary? MergedInto, IReadOnlyList<PersonMerge> Merges);

/// <summary>A link seen from this person's side: who the other person is and what they are to this person.</summary>
public sealed record RelationshipView(PersonRelationship Relationship, PersonSummary Other, bool OtherIsRelated);

/// <summary>Refuses adding a person while records that look like theirs have not been confirmed to be different people.</summary>
public sealed class PossibleDuplicatesException : Exception
{
    public PossibleDuplicatesException()
        : this([])
    {
    }

    public PossibleDuplicatesException(string message)
        : base(message)
    {
        Candidates = [];
    }

    public PossibleDuplicatesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Candidates = [];
    }

    public PossibleDuplicatesException(IReadOnlyList<PossibleDuplicate> candidates)
        : base($"{candidates.Count} record(s) look like this person. Check each one and confirm they are different people before adding.")
    {
        Candidates = candidates;
    }

    public IReadOnlyList<PossibleDuplicate> Candidates { get; }
}

/// <summary>What tells people found by a search apart, beyond their name and date of birth.</summary>
public sealed record PersonDistinguishers(string? Address, IReadOnlyList<string> Siblings, DateOnly? OpenEpisodeReferred);
