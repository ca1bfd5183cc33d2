namespace Safeguard.People;

/// <summary>
/// A child a statutory return names (the children in need census, the SSDA903 return) whom Safeguard does not know
/// yet: a record under the council's child id with the placeholder name "Child {id}" (returns carry no names), for
/// a worker to complete. Shared by the imports, so both create the same record.
/// </summary>
public static class ImportedChild
{
    /// <summary>A new child record, not yet tracked: the caller saves it with its records.</summary>
    public static Person Create(string councilChildId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilChildId);
        var person = new Person
        {
            Kind = PersonKind.Child,
            CouncilChildId = councilChildId,
            DisplayName = $"Child {councilChildId}",
            CreatedAt = now,
        };
        person.Names.Add(new PersonName
        {
            PersonId = person.Id,
            Kind = PersonNameKind.Current,
            GivenNames = "Child",
            FamilyName = councilChildId,
            SearchKey = NameMatching.SearchKey("Child", councilChildId),
            FamilySoundex = NameMatching.Soundex(councilChildId),
        });
        return person;
    }

    /// <summary>True when <paramref name="id"/> can be a council child id in Safeguard: 1 to 10 letters or digits.</summary>
    public static bool IsCouncilChildId(string id) => id.Length is > 0 and <= 10 && id.All(char.IsAsciiLetterOrDigit);
}
