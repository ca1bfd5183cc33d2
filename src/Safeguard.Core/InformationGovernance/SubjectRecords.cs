using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.InformationGovernance;

/// <summary>
/// How one kind of record is shown in a subject access export: its title, and what in it a data protection officer
/// must review because it may name other people (null when only its links to other person records do).
/// </summary>
public sealed record SubjectRecordType(Type ClrType, string Title, string? ThirdPartyNote = null);

/// <summary>One record held about the person: its type, id, every stored field, and the other people it names.</summary>
public sealed record SubjectRecord(string Type, string Id, IReadOnlyDictionary<string, object?> Fields, IReadOnlyList<string> NamesOtherPeople);

/// <summary>
/// Finds every record held about one person by walking the database model from their <see cref="Person"/> row: every
/// record with a foreign key to the person, then every record that depends on one of those (an episode's assessments,
/// a plan's review conferences), and the few links the model holds without a foreign key (<see cref="UnlinkedPersonReferences"/>)
/// or to a record that is about several people (<see cref="SharedRecords"/>). A record type with its own foreign key to
/// the person table is read only through that key, so another person's rows are never reached through a shared record.
/// Every type reached must be described in <see cref="Types"/>; a test walks the model to keep that true.
/// </summary>
public static class SubjectRecords
{
    /// <summary>The record types an export holds, in the order they are shown.</summary>
    public static IReadOnlyList<SubjectRecordType> Types { get; } =
    [
        new(typeof(Person), "Person record", "A merged duplicate's record is the same person; its names and addresses are theirs."),
        new(typeof(PersonName), "Names"),
        new(typeof(PersonAddress), "Addresses", "Other people may live or have lived at the same address."),
        new(typeof(PersonAccess), "Record restriction (who may see it)", "Names the members of staff allowed to see a restricted record."),
        new(typeof(PersonRelationship), "Relationships"),
        new(typeof(PersonMerge), "Merges of duplicate records"),
        new(typeof(NotDuplicateConfirmation), "Confirmed not duplicates"),
        new(typeof(ContactChild), "Contacts naming them (the child on the contact)"),
        new(typeof(Contact), "Contacts (front door)", "A contact names its referrer and may describe other children and adults in its concerns."),
        new(typeof(ContactInformationRequest), "Front door information requests", "An agency's answer may describe other people in the household."),
        new(typeof(InformationShare), "Information shared about them"),
        new(typeof(Journey.NeedEpisode), "Referrals and episodes of need"),
        new(typeof(Journey.CaseAllocation), "Allocations", "Names the worker allocated."),
        new(typeof(Journey.CaseAssessment), "Assessments"),
        new(typeof(Journey.StrategyDiscussion), "Strategy discussions"),
        new(typeof(Journey.S47Enquiry), "Section 47 enquiries"),
        new(typeof(Journey.ChildInNeedPlan), "Child in need plans"),
        new(typeof(Journey.ProtectionPlan), "Child protection plans"),
        new(typeof(Journey.ReviewConference), "Review conferences"),
        new(typeof(Journey.CensusDigest), "Census import fingerprint (a hash of the census data last imported for them)"),
        new(typeof(Journey.ChildVisit), "Visits", "Names the practitioner who visited; notes may describe others present."),
        new(typeof(ComplexSafeguarding.MissingEpisode), "Missing episodes", "A police report may describe people the child was with."),
        new(typeof(ComplexSafeguarding.ReturnInterview), "Return home interviews", "The interview may describe people the child was with."),
        new(typeof(ComplexSafeguarding.ExploitationScreening), "Exploitation screenings", "The analysis may describe people the child is linked to."),
        new(typeof(ComplexSafeguarding.ExploitationAssessment), "Exploitation (WISE) assessments and reviews", "The analysis may describe people the child is linked to."),
        new(typeof(ComplexSafeguarding.SafetyPlan), "Safety plans", "The arrangements may name family members and practitioners."),
        new(typeof(ComplexSafeguarding.SafetyPlanAction), "Safety plan actions", "Names the owner of each action."),
        new(typeof(ComplexSafeguarding.NrmReferral), "National Referral Mechanism referrals", "May describe the people suspected of exploiting the child."),
        new(typeof(ComplexSafeguarding.ContextualLink), "Links to places, people and groups (contextual safeguarding)", "A link to another person names them; a group or place may be shared with other children."),
        new(typeof(ComplexSafeguarding.PanelCase), "Exploitation and missing panel discussions", "The decision may describe people the child is linked to."),
        new(typeof(ComplexSafeguarding.PanelAction), "Exploitation and missing panel actions", "Names the owner of each action."),
        new(typeof(LookedAfter.CareEpisode), "Episodes of care (looked after)", "Names the independent reviewing officer; the placement postcode is the carer's."),
        new(typeof(LookedAfter.LookedAfterReview), "Looked-after reviews", "Names the independent reviewing officer; the decisions may name family members and carers."),
        new(typeof(LookedAfter.HealthCheck), "Health assessments and dental checks (looked after)", "Names who carried them out."),
        new(typeof(LookedAfter.WellbeingRecord), "Health and wellbeing a year (looked after: SDQ, immunisations, substance misuse, convictions; SSDA903 OC2)", "Codes, answers and dates only."),
        new(typeof(LookedAfter.CareLeaver), "Care leaver record (personal adviser, adult services)", "Names the personal adviser; the note may name adult services and their staff."),
        new(typeof(LookedAfter.PathwayPlan), "Pathway plans and reviews", "The summary may name family members, carers and professionals."),
        new(typeof(LookedAfter.CareLeaverContact), "Care leaver information at the 17th to 21st birthdays (SSDA903 OC3)", "Codes only."),
        new(typeof(LookedAfter.AdoptionDecision), "Adoption decisions", "Dates and the SSDA903 codes of the adopters (number, sex, legal status); no names."),
        new(typeof(LookedAfter.UascStatus), "Unaccompanied asylum-seeking status (SSDA903 UASC)", "Dates and a reason code only."),
        new(typeof(LookedAfter.PreviousPermanence), "Previous permanence before care (SSDA903 PrevPerm)", "The option, the authority that arranged it and the order's date; no names."),
        new(typeof(PrivateFostering.PrivateFosteringArrangement), "Private fostering arrangements", "Names the private foster carer, the parents and who notified the council."),
        new(typeof(PrivateFostering.PrivateFosteringVisit), "Private fostering visits", "Names the practitioner who visited; notes may describe the carer's household."),
        new(typeof(EarlyHelp.EarlyHelpEpisode), "Early help episodes", "An early help episode is the family's: it may describe parents, siblings and carers."),
        new(typeof(EarlyHelp.EarlyHelpFamilyMember), "Early help family members", "Lists the other members of the family on the episode."),
        new(typeof(EarlyHelp.EarlyHelpLead), "Early help lead professionals", "Names the lead professional and their agency."),
        new(typeof(EarlyHelp.EarlyHelpTeamMember), "Early help team around the family", "Names the practitioners in the team around the family."),
        new(typeof(EarlyHelp.EarlyHelpReview), "Early help reviews", "The notes may describe other members of the family and practitioners."),
        new(typeof(Lado.LadoAllegationChild), "Allegations about people who work with children that concern them (LADO)"),
        new(typeof(Lado.LadoAllegation), "Allegations about people who work with children (LADO)", "Names the person the allegation is about, their employer and the referrer: consider withholding the worker's identity (a third party) before disclosure; other children may be named."),
        new(typeof(Escalations.Escalation), "Professional disagreements between agencies (escalations)", "Names the practitioners and managers of both agencies and what each said; the concern may describe other members of the family."),
        new(typeof(Escalations.EscalationStage), "Escalation stages", "Names the people at each side at each stage and records each agency's response."),
        new(typeof(Escalations.EscalationNote), "Escalation notes", "Written by staff of either agency or the business unit; may name other members of the family or staff."),
        new(typeof(Assurance.AuditCase), "Multi-agency audit case samples", "An audit is about practice: it names the agencies and auditors."),
        new(typeof(Assurance.AuditReturn), "Multi-agency audit returns", "Names the agency and the auditor; the evidence may name practitioners."),
        new(typeof(Assurance.AuditAnswer), "Multi-agency audit answers", "The answers describe practitioners' work with the child."),
        new(typeof(SeriousIncidentNotification), "Serious incident notifications", "A case review names family members and practitioners."),
        new(typeof(RapidReview), "Rapid reviews", "A case review names family members and practitioners."),
        new(typeof(InformationRequest), "Rapid review information requests", "Agencies' answers name family members and practitioners."),
        new(typeof(RapidReviewAttendee), "Rapid review attendees", "Names the practitioners who attended."),
        new(typeof(RapidReviewSignature), "Rapid review signatures", "Names the partners' representatives who signed."),
        new(typeof(PracticeReview), "Practice reviews", "A case review names family members and practitioners."),
        new(typeof(CaseReviewDocument), "Case review documents", "A case review document names family members and practitioners."),
        new(typeof(Finding), "Case review findings"),
        new(typeof(Recommendation), "Case review recommendations"),
        new(typeof(ReviewAction), "Case review actions"),
    ];

    /// <summary>Properties that hold a person's id without a foreign key: the record is about that person.</summary>
    public static IReadOnlyList<(Type ClrType, string Property)> UnlinkedPersonReferences { get; } =
    [
        (typeof(SeriousIncidentNotification), nameof(SeriousIncidentNotification.ChildPersonId)),
    ];

    /// <summary>
    /// Records about several people, reached from the person's own link to them (a contact from the child on it): the
    /// record is held about each of them, and its other dependants are read only where they do not belong to another person.
    /// </summary>
    public static IReadOnlyList<(Type Dependent, Type Principal)> SharedRecords { get; } =
    [
        (typeof(ContactChild), typeof(Contact)),
    ];

    public static SubjectRecordType? Describe(Type clrType) => Types.FirstOrDefault(t => t.ClrType == clrType);

    /// <summary>
    /// The entity types the walk can reach from a person, worked out from the model alone (what the export's completeness
    /// test compares with <see cref="Types"/>).
    /// </summary>
    public static IReadOnlySet<Type> Reachable(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var person = model.FindEntityType(typeof(Person))!;
        var reached = new HashSet<IEntityType> { person };
        var queue = new Queue<IEntityType>();
        foreach (var start in DirectLinks(model).Select(l => l.Type).Distinct())
        {
            if (reached.Add(start))
            {
                queue.Enqueue(start);
            }
        }

        foreach (var (_, principal) in SharedRecords)
        {
            var type = model.FindEntityType(principal)!;
            if (reached.Add(type))
            {
                queue.Enqueue(type);
            }
        }

        while (queue.TryDequeue(out var type))
        {
            foreach (var fk in Dependents(model, type))
            {
                if (reached.Add(fk.DeclaringEntityType))
                {
                    queue.Enqueue(fk.DeclaringEntityType);
                }
            }
        }

        return reached.Select(t => t.ClrType).ToHashSet();
    }

    /// <summary>Every record held about the person, grouped in the order of <see cref="Types"/>.</summary>
    public static async Task<IReadOnlyList<SubjectRecord>> CollectAsync(SafeguardDbContext db, Guid personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var model = db.Model;
        var found = new Dictionary<IEntityType, Dictionary<Guid, object>>();
        var queue = new Queue<(IEntityType Type, List<Guid> Ids)>();

        void Add(IEntityType type, IEnumerable<object> rows, bool walk)
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            if (!found.TryGetValue(type, out var known))
            {
                found[type] = known = [];
            }

            var added = new List<Guid>();
            foreach (var row in rows)
            {
                var id = (Guid)key.GetGetter().GetClrValue(row)!;
                if (known.TryAdd(id, row))
                {
                    added.Add(id);
                }
            }

            if (walk && added.Count > 0)
            {
                queue.Enqueue((type, added));
            }
        }

        var personType = model.FindEntityType(typeof(Person))!;
        Add(personType, await RowsAsync(db, personType, personType.FindPrimaryKey()!.Properties.Single(), [personId], cancellationToken), walk: false);
        foreach (var (type, property) in DirectLinks(model))
        {
            // Records merged into this one are this person's; they are shown, not walked (their links moved with the merge).
            Add(type, await RowsAsync(db, type, property, [personId], cancellationToken), walk: type != personType);
        }

        foreach (var (dependent, principal) in SharedRecords)
        {
            var dependentType = model.FindEntityType(dependent)!;
            var principalType = model.FindEntityType(principal)!;
            var fk = dependentType.GetForeignKeys().Single(f => f.PrincipalEntityType == principalType);
            var ids = found.TryGetValue(dependentType, out var rows)
                ? rows.Values.Select(r => fk.Properties.Single().GetGetter().GetClrValue(r)).OfType<Guid>().Distinct().ToList()
                : [];
            if (ids.Count > 0)
            {
                Add(principalType, await RowsAsync(db, principalType, principalType.FindPrimaryKey()!.Properties.Single(), ids, cancellationToken), walk: true);
            }
        }

        while (queue.TryDequeue(out var batch))
        {
            foreach (var fk in Dependents(model, batch.Type))
            {
                Add(fk.DeclaringEntityType, await RowsAsync(db, fk.DeclaringEntityType, fk.Properties.Single(), batch.Ids, cancellationToken), walk: true);
            }
        }

        var personIds = found.Values.SelectMany(rows => rows.Values)
            .SelectMany(row => PersonReferences(model.FindEntityType(row.GetType())!, row))
            .Where(id => id != personId)
            .Distinct()
            .ToList();
        var otherPeople = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var contactIds = found.Where(f => f.Key.ClrType == typeof(Contact)).SelectMany(f => f.Value.Keys).ToList();
        var otherChildren = await db.Set<ContactChild>().AsNoTracking()
            .Where(c => contactIds.Contains(c.ContactId) && c.PersonId != personId)
            .Select(c => new { c.ContactId, c.DescribedName })
            .ToListAsync(cancellationToken);

        var result = new List<SubjectRecord>();
        foreach (var description in Types)
        {
            var type = model.FindEntityType(description.ClrType)!;
            if (!found.TryGetValue(type, out var rows))
            {
                continue;
            }

            foreach (var (id, row) in rows.OrderBy(r => r.Key))
            {
                var named = new List<string>();
                foreach (var other in PersonReferences(type, row).Where(o => o != personId).Distinct())
                {
                    named.Add(otherPeople.TryGetValue(other, out var name) ? $"{name} (person {other})" : $"person {other}");
                }

                if (row is Contact contact)
                {
                    named.Add($"the referrer, {contact.ReferrerName}");
                    named.AddRange(otherChildren.Where(c => c.ContactId == id).Select(c => $"another child on the contact, {c.DescribedName}"));
                }

                result.Add(new SubjectRecord(AuditChanges.EntityTypeName(type), id.ToString(), Fields(type, row), named));
            }
        }

        return result;
    }

    /// <summary>The links from a record type straight to the person table, by foreign key or by a declared unlinked id.</summary>
    private static IEnumerable<(IEntityType Type, IProperty Property)> DirectLinks(IModel model)
    {
        var person = model.FindEntityType(typeof(Person))!;
        foreach (var type in model.GetEntityTypes())
        {
            foreach (var fk in type.GetForeignKeys().Where(f => f.PrincipalEntityType == person))
            {
                yield return (type, fk.Properties.Single());
            }
        }

        foreach (var (clrType, property) in UnlinkedPersonReferences)
        {
            var type = model.FindEntityType(clrType)!;
            yield return (type, type.FindProperty(property)!);
        }
    }

    /// <summary>
    /// The foreign keys to <paramref name="principal"/> whose records are walked: not from types that have their own link
    /// to the person table (another person's rows would be reached), and never into the person table itself.
    /// </summary>
    private static IEnumerable<IForeignKey> Dependents(IModel model, IEntityType principal)
    {
        var person = model.FindEntityType(typeof(Person))!;
        var direct = DirectLinks(model).Select(l => l.Type).ToHashSet();
        return model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys())
            .Where(fk => fk.PrincipalEntityType == principal && fk.DeclaringEntityType != person && !direct.Contains(fk.DeclaringEntityType));
    }

    private static IEnumerable<Guid> PersonReferences(IEntityType type, object row)
    {
        var person = type.Model.FindEntityType(typeof(Person))!;
        var properties = type.GetForeignKeys().Where(f => f.PrincipalEntityType == person).Select(f => f.Properties.Single())
            .Concat(UnlinkedPersonReferences.Where(u => u.ClrType == type.ClrType).Select(u => type.FindProperty(u.Property)!));
        foreach (var property in properties)
        {
            if (property.GetGetter().GetClrValue(row) is Guid id)
            {
                yield return id;
            }
        }
    }

    private static SortedDictionary<string, object?> Fields(IEntityType type, object row)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties())
        {
            var value = property.GetGetter().GetClrValue(row);
            values[property.Name] = value switch
            {
                _ when property.FindAnnotation(AuditChanges.RedactAnnotation)?.Value is true => value is null ? null : "[redacted]",
                Enum e => e.ToString(),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        return values;
    }

    private static readonly MethodInfo RowsOfMethod = typeof(SubjectRecords).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<object>> RowsAsync(SafeguardDbContext db, IEntityType type, IProperty property, List<Guid> ids, CancellationToken cancellationToken) =>
        (Task<List<object>>)RowsOfMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, property, ids, cancellationToken])!;

    private static async Task<List<object>> RowsOf<T>(SafeguardDbContext db, IProperty property, List<Guid> ids, CancellationToken cancellationToken)
        where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        var value = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], row, Expression.Constant(property.Name));
        Expression condition = property.ClrType == typeof(Guid)
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids), value)
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid?)], Expression.Constant(ids.Select(i => (Guid?)i).ToList()), value);
        var rows = await db.Set<T>().AsNoTracking().Where(Expression.Lambda<Func<T, bool>>(condition, row)).ToListAsync(cancellationToken);
        return [.. rows.Cast<object>()];
    }
}
