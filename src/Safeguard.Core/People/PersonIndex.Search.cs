using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;

namespace Safeguard.People;

/// <summary>Finding people: the search, its ranking by how well the name matches, and what tells the people found apart.</summary>
public sealed partial class PersonIndex
{
    /// <summary>
    /// Searches by any of name, date of birth and identifiers; the search and its terms are audited, a refused
    /// one too. Names are ranked: the whole name exactly first, then names that sound like it, then names that
    /// only contain its words (see <see cref="NameMatch"/>); within a rank, by name.
    /// </summary>
    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(PersonSearch search, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var problems = new List<ValidationProblem>();
        var words = string.IsNullOrWhiteSpace(search.Name) ? [] : NameMatching.Fold(search.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (search.IsEmpty)
        {
            problems.Add(new("Name", "Enter a name, a date of birth or an identifier to search for"));
        }
        else if (!string.IsNullOrWhiteSpace(search.Name) && search.Name.Trim().Length > MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {MaxNameLength} characters or fewer"));
        }
        else if (!string.IsNullOrWhiteSpace(search.Name) && words.Length == 0)
        {
            problems.Add(new("Name", "The name must include at least one letter or digit (punctuation, spaces and symbols such as _ and % are ignored)"));
        }

        if (problems.Count > 0)
        {
            await AuditSearchAsync(search, actor, $"refused: {string.Join(" ", problems.Select(p => p.Message))}", cancellationToken);
            throw new SafeguardValidationException(problems);
        }

        var query = Visible(actor).AsNoTracking().Where(p => p.MergedIntoId == null);
        if (search.DateOfBirth is { } dob)
        {
            query = query.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob);
        }

        if (!string.IsNullOrWhiteSpace(search.Upn))
        {
            var upn = UniquePupilNumber.Normalise(search.Upn);
            query = query.Where(p => p.Upn == upn);
        }

        if (!string.IsNullOrWhiteSpace(search.NhsNumber))
        {
            var nhs = NhsNumber.Normalise(search.NhsNumber);
            query = query.Where(p => p.NhsNumber == nhs);
        }

        if (!string.IsNullOrWhiteSpace(search.CouncilChildId))
        {
            var councilId = search.CouncilChildId.Trim().ToUpperInvariant();
            query = query.Where(p => p.CouncilChildId == councilId);
        }

        List<Person> found;
        if (words.Length == 0)
        {
            found = await query
                .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
                .Take(MaxResults)
                .Include(p => p.Addresses)
                .ToListAsync(cancellationToken);
        }
        else
        {
            found = await SearchByNameAsync(query, words, cancellationToken);
        }

        await AuditSearchAsync(search, actor, $"results={found.Count}", cancellationToken);
        return [.. found.Select(Summarise)];
    }

    /// <summary>
    /// What tells the people found apart: the current address, brothers and sisters on record and an open
    /// episode with children's social care. Read for the people a search showed, so no further audit.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, PersonDistinguishers>> DistinguishersAsync(IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, PersonDistinguishers>();
        }

        var list = ids.ToList();
        var addresses = await db.Set<PersonAddress>().AsNoTracking()
            .Where(a => list.Contains(a.PersonId) && a.To == null)
            .Select(a => new { a.PersonId, a.Line1, a.Town, a.Postcode, a.From })
            .ToListAsync(cancellationToken);
        var siblingKinds = new[] { RelationshipKind.Sibling, RelationshipKind.HalfSibling };
        var links = await db.Set<PersonRelationship>().AsNoTracking()
            .Where(r => siblingKinds.Contains(r.Kind) && r.To == null && (list.Contains(r.PersonId) || list.Contains(r.RelatedPersonId)))
            .Select(r => new { r.PersonId, r.RelatedPersonId })
            .ToListAsync(cancellationToken);
        var siblingIds = links.SelectMany(l => new[] { l.PersonId, l.RelatedPersonId }).Distinct().ToList();
        var siblingNames = await Visible(actor).AsNoTracking()
            .Where(p => siblingIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var open = await db.Set<Journey.NeedEpisode>().AsNoTracking()
            .Where(e => list.Contains(e.PersonId) && e.ClosureDate == null)
            .Select(e => new { e.PersonId, e.ReferralDate })
            .ToListAsync(cancellationToken);

        return list.Distinct().ToDictionary(id => id, id =>
        {
            var address = addresses.Where(a => a.PersonId == id).OrderByDescending(a => a.From).FirstOrDefault();
            var siblings = links
                .Select(l => l.PersonId == id ? l.RelatedPersonId : l.RelatedPersonId == id ? l.PersonId : Guid.Empty)
                .Where(s => s != Guid.Empty && siblingNames.ContainsKey(s))
                .Select(s => siblingNames[s])
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            var episode = open.Where(e => e.PersonId == id).OrderByDescending(e => e.ReferralDate).FirstOrDefault();
            return new PersonDistinguishers(
                address is null ? null : string.Join(", ", new[] { address.Line1, address.Town, address.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))),
                siblings,
                episode?.ReferralDate);
        });
    }

    /// <summary>How far a name found matches the one asked for: lower is closer.</summary>
    public enum NameMatch
    {
        /// <summary>The whole name: the given names (or the first of them) and the family name.</summary>
        Exact,

        /// <summary>The whole name sounds alike or is a near spelling (see <see cref="NameMatching.AreSimilar"/>).</summary>
        Sounds,

        /// <summary>Every word asked for is part of the name, or only the family name sounds alike.</summary>
        Partial,
    }

    /// <summary>How well one stored name (its search key) matches the folded words asked for.</summary>
    public static NameMatch Rank(IReadOnlyList<string> words, string searchKey)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(searchKey);
        var bar = searchKey.IndexOf('|', StringComparison.Ordinal);
        var given = bar < 0 ? "" : searchKey[..bar];
        var family = bar < 0 ? searchKey : searchKey[(bar + 1)..];
        var givenWords = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asked = string.Join(' ', words);
        if (words.Count == 1)
        {
            // One word: a family name or a given name in full.
            return words[0] == family || givenWords.Contains(words[0]) ? NameMatch.Exact : NameMatch.Partial;
        }

        var askedFamily = words[^1];
        var askedGiven = string.Join(' ', words.Take(words.Count - 1));
        if (family == askedFamily && (given == askedGiven || (words.Count == 2 && givenWords.FirstOrDefault() == words[0])) || $"{given} {family}" == asked)
        {
            return NameMatch.Exact;
        }

        return NameMatching.AreSimilar(askedGiven, askedFamily, given, family) ? NameMatch.Sounds : NameMatch.Partial;
    }

    private async Task<List<Person>> SearchByNameAsync(IQueryable<Person> people, string[] words, CancellationToken cancellationToken)
    {
        // Names holding every word, or whose family name sounds like the last word and whose given names start like the first.
        var containing = db.Set<PersonName>().AsQueryable();
        foreach (var word in words)
        {
            containing = containing.Where(n => n.SearchKey.Contains(word));
        }

        var soundex = NameMatching.Soundex(words[^1]);
        var first = words.Length > 1 ? words[0][..1] : "";
        var sounding = db.Set<PersonName>().Where(n => n.FamilySoundex == soundex && n.SearchKey.StartsWith(first));
        // The names first (one pass over the name index, as before ranking), then who may see them.
        var names = await containing.Select(n => new { n.PersonId, n.SearchKey })
            .Union(sounding.Select(n => new { n.PersonId, n.SearchKey }))
            .Take(MaxNameCandidates)
            .ToListAsync(cancellationToken);
        if (names.Count == MaxNameCandidates)
        {
            // A very common word: the whole name asked for still comes first, whatever the cut left out.
            var key = NameMatching.SearchKey(string.Join(' ', words.Take(Math.Max(1, words.Length - 1))), words[^1]);
            var single = words.Length == 1 ? "|" + words[0] : key;
            names.AddRange(await db.Set<PersonName>()
                .Where(n => n.SearchKey == key || n.SearchKey.EndsWith(single))
                .Select(n => new { n.PersonId, n.SearchKey })
                .Take(MaxResults)
                .ToListAsync(cancellationToken));
        }

        var ids = names.Select(n => n.PersonId).Distinct().ToList();
        var shown = await people.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName }).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var top = names
            .Where(n => shown.ContainsKey(n.PersonId))
            .GroupBy(n => n.PersonId)
            .Select(g => (Id: g.Key, Rank: g.Min(n => Rank(words, n.SearchKey)), DisplayName: shown[g.Key]))
            .OrderBy(r => r.Rank).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Take(MaxResults)
            .Select(r => r.Id)
            .ToList();
        var found = await db.Set<Person>().AsNoTracking().Where(p => top.Contains(p.Id)).Include(p => p.Addresses).ToListAsync(cancellationToken);
        return [.. top.Select(id => found.Single(p => p.Id == id))];
    }

    private async Task AuditSearchAsync(PersonSearch search, Actor actor, string outcome, CancellationToken cancellationToken)
    {
        using (db.BeginProcess("People.Search", actor))
        {
            db.RecordAccess(EntityType, "search", AuditAction.Searched, $"{search.Describe()}; {outcome}");
            await SaveAsync(cancellationToken);
        }
    }
}
